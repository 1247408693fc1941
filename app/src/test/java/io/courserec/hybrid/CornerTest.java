package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.gen.SyntheticFeedback;
import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Never worse than its best part" starts here: at each corner of the weight space (one signal at weight 1, every
 * other at 0) the hybrid returns exactly the ranking of the single algorithm behind that signal, for every learner
 * and segment. Scores are compared as rankings: the hybrid's signals are the algorithm's scores divided by a
 * per-learner constant, so the order must match; where two courses tie exactly the order within the tie may differ
 * (Lucene breaks ties by document, the algorithm by ordinal), so lists are compared tie group by tie group.
 */
class CornerTest {
  @TempDir static Path dir;
  static Dataset data = SyntheticFeedback.generate(300, 120, 9000, 6, 3);
  static Map<String, HybridRecommender> hybrids = new HashMap<>();

  @AfterAll
  static void close() {
    hybrids.values().forEach(HybridRecommender::close);
  }

  static Config corner(Signal s) {
    // the prior ranks as pop when it is popularity alone (the rating prior is a separate share of it)
    Config c = Config.defaults().with(ConfigKey.MF_RANK, 8).with(ConfigKey.MF_ITERATIONS, 5).with(ConfigKey.HYBRID_PRIOR_RATING, 0);
    for (UserSegment seg : UserSegment.values()) {
      for (Signal x : Signal.values()) {
        var key = ConfigKey.byKey(BlendWeights.key(seg, x));
        if (key.isPresent()) c = c.with(key.get(), x == s ? 1.0 : 0.0);
      }
    }
    return c;
  }

  @ParameterizedTest
  @CsvSource({"ITEMCF, itemknn", "MF, mf", "USERCF, userknn", "CONTENT, cbr", "PRIOR, pop", "RECENT, itemknn-recent", "SEQ, seq", "EASE, ease"})
  void atEachCornerTheHybridRanksLikeTheSingleAlgorithm(Signal signal, String algorithm) {
    Config config = corner(signal);
    HybridRecommender hybrid = new HybridRecommender(config, dir.resolve("h-" + algorithm), false);
    hybrids.put(algorithm, hybrid);
    hybrid.train(data);
    Recommender single = Recommenders.create(algorithm, config, dir.resolve("s-" + algorithm));
    single.train(data);
    int compared = 0;
    for (int u = 0; u < data.numLearners(); u += 3) {
      String user = data.learner(u).id();
      RecommendRequest req = RecommendRequest.of(user, 10);
      if (!single.canRecommend(req)) continue;
      List<Recommendation> expected = single.recommend(req);
      List<HybridItem> got = hybrid.rank(req).items();
      assertThat(got.size()).as(user).isGreaterThanOrEqualTo(expected.size());
      assertSameRanking(user, expected, got.subList(0, expected.size()));
      compared++;
    }
    assertThat(compared).isGreaterThan(50);
  }

  private static String describe(List<Recommendation> expected, List<HybridItem> got) {
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < expected.size(); p++) {
      sb.append(String.format(java.util.Locale.ROOT, "%n  %s %.9f | %s %.9f", expected.get(p).courseId(), expected.get(p).score(),
          got.get(p).courseId(), got.get(p).score()));
    }
    return sb.toString();
  }

  /** Same courses in the same order, up to the order inside groups of exactly tied algorithm scores. */
  private static void assertSameRanking(String user, List<Recommendation> expected, List<HybridItem> got) {
    int i = 0;
    while (i < expected.size()) {
      int j = i;
      while (j + 1 < expected.size() && expected.get(j + 1).score() == expected.get(i).score()) j++;
      List<String> want = new ArrayList<>();
      List<String> have = new ArrayList<>();
      for (int p = i; p <= j; p++) {
        want.add(expected.get(p).courseId());
        have.add(got.get(p).courseId());
      }
      if (j == expected.size() - 1 && j > i) {
        // the last tie group may be cut differently at k: only its members must be from the tie
        assertThat(want).as(user + " tie at the cut-off").containsAll(have.stream().filter(want::contains).toList());
      } else {
        assertThat(have).as(user + " ranks " + (i + 1) + ".." + (j + 1) + " of " + describe(expected, got)).containsExactlyInAnyOrderElementsOf(want);
      }
      i = j + 1;
    }
  }
}
