package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one models directory, as replicas are: B serves an old version, A builds new ones with
 * {@code models.keep_versions=1}. A's pruning must leave the version B serves (B's lease in {@code serving/}) and
 * delete the others; once B stops, its version goes at A's next prune.
 */
class ServingLeaseTest {
  @TempDir Path tmp;

  @Test
  void pruningKeepsTheVersionAnotherReplicaServesUntilItStops() throws Exception {
    // B polls once a minute: it renews its lease on start and on every swap, and picks up nothing during the test
    Config serving = EngineFixture.config(tmp, Map.of(ConfigKey.MODELS_POLL, 60_000, ConfigKey.TRAIN_ON_START, false));
    Config building = EngineFixture.config(tmp, Map.of(ConfigKey.KEEP_VERSIONS, 1));
    String v1 = build(building);
    ModelStore models = new ModelStore(serving.path(ConfigKey.MODELS_DIR));
    try (DefaultEngine b = (DefaultEngine) Engines.open(serving)) {
      EngineFixture.await(b::ready, "B to load " + v1);
      EngineFixture.await(() -> models.leased(java.time.Duration.ofMinutes(5)).contains(v1), "B's lease on " + v1);
      String v2 = build(building);
      String v3 = build(building);
      assertThat(models.versions()).as("v2 pruned, v1 kept for B, v3 current").containsExactly(v1, v3);
      assertThat(Files.isDirectory(models.root().resolve(v2))).isFalse();
      assertThat(b.status().modelVersion()).isEqualTo(v1);
      // B still answers from v1's files, components loaded on first use included
      assertThat(b.recommend(new RecommendQuery("u01", 5, 0, null, "itemknn", false, null)).items()).isNotEmpty();
    }
    assertThat(models.leased(java.time.Duration.ofMinutes(5))).as("B released its lease on close").isEmpty();
    String v4 = build(building);
    assertThat(models.versions()).doesNotContain(v1).contains(v4);
  }

  private static String build(Config config) {
    try (DefaultEngine cli = Engines.openForTraining(config)) {
      return cli.retrainNow(false).version();
    }
  }
}
