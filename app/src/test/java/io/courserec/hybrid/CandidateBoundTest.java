package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.gen.SyntheticFeedback;
import io.courserec.index.IndexHandle;
import io.courserec.rec.RecommendRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidates of a ranking request are each signal's best {@code hybrid.candidates_per_signal} eligible courses
 * (plus the content pool and the top popular ones), not every course a signal reaches: with 20,000 events over 300
 * courses a learner's neighbour lists reach most of the catalog, which made the scoring pass visit every course.
 */
class CandidateBoundTest {
  @TempDir Path dir;

  @Test
  void eachListSignalContributesItsBestCoursesOnly() throws Exception {
    Dataset data = SyntheticFeedback.generate(400, 300, 20_000, 6, 11);
    int per = 10;
    Config config = Config.defaults().with(ConfigKey.MF_RANK, 8).with(ConfigKey.MF_ITERATIONS, 5)
        .with(ConfigKey.HYBRID_CANDIDATES, per).with(ConfigKey.HYBRID_CONTENT_POOL, 10);
    try (HybridRecommender hybrid = new HybridRecommender(config, dir, false)) {
      hybrid.train(data);
      HybridModels m = hybrid.models();
      UserContextBuilder builder = new UserContextBuilder(config, new StageTimes());
      int bounded = 0;
      int checked = 0;
      try (IndexHandle h = m.index().acquire()) {
        for (int u = 0; u < data.numLearners(); u += 4) {
          UserContext ctx = builder.build(m, h, RecommendRequest.of(data.learner(u).id(), 10), 10,
              UserContextBuilder.Needs.EVERY);
          if (ctx.listScores().isEmpty()) continue;
          assertThat(ctx.candidates()).as("pruned: fewer than half of 300 courses").isNotNull();
          Set<Integer> cand = new HashSet<>();
          for (int c : ctx.candidates()) cand.add(c);
          Set<Integer> excluded = new HashSet<>();
          for (String id : ctx.excludedIds()) excluded.add(data.courseOrdinal(id));
          int sources = 1; // the top popular courses
          for (Map.Entry<Signal, float[]> e : ctx.listScores().entrySet()) {
            float[] v = e.getValue();
            List<Integer> positive = new ArrayList<>();
            for (int i = 0; i < v.length; i++) if (v[i] > 0 && !excluded.contains(i)) positive.add(i);
            positive.sort((a, b) -> v[a] != v[b] ? Float.compare(v[b], v[a]) : Integer.compare(a, b));
            assertThat(cand).as("%s's best %d", e.getKey(), per).containsAll(positive.subList(0, Math.min(per, positive.size())));
            if (positive.size() > 3 * per) bounded++;
            sources++;
          }
          if (ctx.userFactors() != null) sources++;
          if (ctx.userCfScores() != null) sources++;
          int content = 0;
          if (ctx.contentScores() != null) for (float c : ctx.contentScores()) if (c > 0) content++;
          assertThat(ctx.candidates().length).isLessThanOrEqualTo(per * sources + content);
          for (int c : ctx.candidates()) assertThat(excluded).doesNotContain(c);
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(50);
      // the bound did something: many learners' lists reach far more courses than they contribute
      assertThat(bounded).isGreaterThan(checked);
    }
  }
}
