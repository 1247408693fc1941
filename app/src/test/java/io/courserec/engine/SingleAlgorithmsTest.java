package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.cf.SnapshotModel;
import io.courserec.config.Config;
import io.courserec.hybrid.Recommenders;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served version answers {@code algorithm=X} with the hybrid's own component (one copy of each model in memory),
 * and that answers exactly as loading X alone from the version's directory onto the same snapshot did before.
 */
class SingleAlgorithmsTest {
  @TempDir Path tmp;

  @Test
  void singleAlgorithmsAreTheHybridsComponentsAndAnswerAsLoadedAlone() throws Exception {
    Config config = EngineFixture.config(tmp);
    try (DefaultEngine cli = Engines.openForTraining(config)) {
      cli.retrainNow(false);
    }
    try (DefaultEngine e = Engines.openForQueries(config); Swappable.Lease<Generation> lease = e.lifecycle().lease()) {
      Generation g = lease.get();
      for (String name : List.of("pop", "cbr", "itemknn", "userknn", "mf", "itemknn-recent", "seq", "ease")) {
        Recommender served = g.single(name);
        assertThat(served).as(name).isSameAs(g.hybrid().component(name));
        if (!(served instanceof SnapshotModel)) continue; // pop and cbr were always the hybrid's own
        Recommender alone = Recommenders.create(name, g.config());
        ((SnapshotModel) alone).load(g.dir().resolve(Generation.HYBRID_DIR).resolve(name), g.data(), g.hybrid().snapshot());
        for (String user : List.of("u01", "u07", "u33", "u50")) {
          RecommendRequest r = RecommendRequest.of(user, 8);
          List<Recommendation> a = served.recommend(r);
          List<Recommendation> b = alone.recommend(r);
          assertThat(a).as("%s for %s", name, user).isNotEmpty();
          assertThat(a.stream().map(Recommendation::courseId).toList()).as("%s for %s", name, user)
              .isEqualTo(b.stream().map(Recommendation::courseId).toList());
          for (int i = 0; i < a.size(); i++) assertThat(a.get(i).score()).isEqualTo(b.get(i).score());
        }
      }
    }
  }
}
