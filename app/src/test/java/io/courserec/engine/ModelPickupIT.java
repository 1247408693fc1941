package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server follows {@code models/CURRENT} ({@code models.poll_interval_ms}) whoever promoted the version: here the
 * CLI, on the embedded store (the replica test on PostgreSQL is {@code ReplicasIT}). A version that does not match
 * its manifest is not swapped in (the serving one stays), and CURRENT set back to an older good version is
 * followed. An IT: it builds two versions (seconds each on a shared machine).
 */
class ModelPickupIT {
  @TempDir Path tmp;

  @Test
  void aServerPicksUpWhatTheCliPromotesAndRefusesACorruptVersion() throws Exception {
    Config config = EngineFixture.config(tmp, Map.of(ConfigKey.MODELS_POLL, 100, ConfigKey.TRAIN_ON_START, false));
    String v1 = build(config);
    try (DefaultEngine server = (DefaultEngine) Engines.open(config)) {
      EngineFixture.await(server::ready, "the server to load " + v1);
      assertThat(server.status().modelVersion()).isEqualTo(v1);

      String v2 = build(config);
      EngineFixture.await(() -> v2.equals(server.status().modelVersion()), "the server to pick up " + v2,
          Duration.ofSeconds(30));

      // a copy of v2 under a later name with one byte of a listed file changed, then promoted by hand
      ModelStore models = new ModelStore(config.path(ConfigKey.MODELS_DIR));
      Path bad = models.root().resolve(v2.replaceFirst("-[0-9]+$", "-9"));
      EngineFixture.copyTree(models.root().resolve(v2), bad);
      Path dataset = bad.resolve(DatasetFile.NAME);
      byte[] bytes = Files.readAllBytes(dataset);
      bytes[bytes.length / 2] ^= 1;
      Files.write(dataset, bytes);
      models.promote(bad.getFileName().toString());
      assertThat(server.lifecycle().pickUpPromoted()).as("a corrupt version is refused").isFalse();
      assertThat(server.status().modelVersion()).isEqualTo(v2);
      assertThat(server.lifecycle().pickUpPromoted()).as("and not tried again").isFalse();

      models.promote(v1); // CURRENT names an older, good version: it serves, whoever chose it
      EngineFixture.await(() -> v1.equals(server.status().modelVersion()), "the server to follow CURRENT back to " + v1,
          Duration.ofSeconds(30));
    }
  }

  private static String build(Config config) {
    try (DefaultEngine cli = Engines.openForTraining(config)) {
      return cli.retrainNow(false).version();
    }
  }

}
