package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up, promotion, pruning and background jobs, each on its own model directory over the small fixture. */
class ModelLifecycleTest {
  @TempDir Path tmp;

  private static String build(Config config) {
    try (DefaultEngine e = Engines.openForTraining(config)) {
      return e.retrainNow(false).version();
    }
  }



  @Test
  void notReadyUntilAModelExists() {
    Config config = EngineFixture.config(tmp, Map.of(ConfigKey.TRAIN_ON_START, false));
    try (DefaultEngine e = Engines.openForQueries(config)) {
      assertThat(e.ready()).isFalse();
      assertThat(e.status().ready()).isFalse();
      assertThat(e.status().modelVersion()).isNull();
      assertThatThrownBy(() -> e.recommend(new RecommendQuery("u01", 5, 0, null, null, false, null)))
          .isInstanceOf(NotReadyException.class);
      assertThatThrownBy(() -> e.feedback(List.of(Interaction.of("u01", "py1", EventType.VIEW))))
          .isInstanceOf(NotReadyException.class);
      assertThatThrownBy(() -> e.history("u01")).isInstanceOf(NotReadyException.class);
      assertThat(e.models()).isEmpty();
    }
    // the server's engine without train_on_start stays not ready and says how to get a model
    try (Engine e = Engines.open(config)) {
      assertThatThrownBy(() -> e.search(new SearchQuery("python", null, null, 5, 0)))
          .isInstanceOf(NotReadyException.class);
    }
  }

  @Test
  void serverTrainsTheFirstModelInTheBackgroundAndASecondRequestJoinsTheRunningJob() throws Exception {
    try (Engine e = Engines.open(EngineFixture.config(tmp))) {
      JobStatus first = e.startRetrain(); // the start-up training, or queued behind the start-up load
      JobStatus again = e.startReindex();
      assertThat(again.id()).isEqualTo(first.id());
      assertThat(first.kind()).isEqualTo("retrain");
      assertThat(EngineFixture.awaitJob(e, first.id()).state()).isEqualTo("succeeded");
      EngineFixture.await(() -> e.status().ready(), "ready");
      assertThat(e.recommend(new RecommendQuery("u01", 3, 0, null, null, false, null)).items()).hasSize(3);
      String v1 = e.status().modelVersion();
      JobStatus reindex = e.startReindex();
      assertThat(reindex.id()).isNotEqualTo(first.id());
      JobStatus done = EngineFixture.awaitJob(e, reindex.id());
      assertThat(done.state()).isEqualTo("succeeded");
      assertThat(done.message()).contains("promoted without quality gate");
      assertThat(e.status().modelVersion()).isNotEqualTo(v1).isEqualTo(done.message().split(" ")[0]);
    }
  }

  @Test
  void corruptAndPartialVersionsAreSkippedAtStartUp() throws IOException {
    Config config = EngineFixture.config(tmp);
    String v1 = build(config);
    String v2 = build(config);
    ModelStore store = new ModelStore(tmp.resolve("models"));
    assertThat(store.current()).contains(v2);
    Path data = tmp.resolve("models").resolve(v2).resolve(DatasetFile.NAME);
    byte[] bytes = Files.readAllBytes(data);
    bytes[bytes.length / 2] ^= 1; // one flipped bit: same size, other digest
    Files.write(data, bytes);
    Files.writeString(store.newVersionDir().resolve("half-written.bin"), "crashed here"); // newest, no manifest
    try (DefaultEngine e = Engines.openForQueries(config)) {
      assertThat(e.status().modelVersion()).isEqualTo(v1);
      assertThat(e.recommend(new RecommendQuery("u01", 3, 0, null, null, false, null)).modelVersion()).isEqualTo(v1);
      assertThat(e.models()).hasSize(3);
      assertThat(e.models().get(0).note()).contains("no manifest");
    }
  }

  @Test
  void aWorseModelIsKeptButNotPromoted() throws Exception {
    Config config = EngineFixture.config(tmp);
    String v1 = build(config);
    // pretend the serving model scored far better than any model of this data can: the next one must fail the gate
    Path manifest = tmp.resolve("models").resolve(v1).resolve("manifest.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
    ((ObjectNode) m.get("metrics")).put("ndcg@10", 0.99);
    json.writeValue(manifest.toFile(), m);

    try (DefaultEngine e = Engines.openForTraining(config)) {
      ModelManifest v2 = e.retrainNow(true);
      assertThat(v2.promoted()).isFalse();
      assertThat(v2.note()).contains("kept but not promoted").contains("0.9900").contains(v1);
      assertThat(e.ready()).isFalse(); // nothing was swapped in
    }
    ModelStore store = new ModelStore(tmp.resolve("models"));
    assertThat(store.current()).contains(v1);
    assertThat(store.versions()).hasSize(2);

    try (Engine e = Engines.open(config)) {
      EngineFixture.await(() -> e.status().ready(), "ready");
      assertThat(e.status().modelVersion()).isEqualTo(v1);
      JobStatus job = EngineFixture.awaitJob(e, e.startRetrain().id());
      assertThat(job.state()).isEqualTo("succeeded");
      assertThat(job.message()).contains("kept but not promoted");
      assertThat(e.status().modelVersion()).isEqualTo(v1);
      List<ModelInfo> models = e.models();
      assertThat(models).hasSize(3);
      assertThat(models).filteredOn(ModelInfo::current).extracting(ModelInfo::version).containsExactly(v1);
      assertThat(models).filteredOn(i -> !i.promoted()).hasSize(2);
    }
  }

  @Test
  void oldVersionsArePrunedButNeverTheServingOne() {
    Config config = EngineFixture.config(tmp, Map.of(ConfigKey.KEEP_VERSIONS, 2));
    build(config);
    String v2 = build(config);
    try (DefaultEngine e = Engines.openForQueries(config)) {
      assertThat(e.status().modelVersion()).isEqualTo(v2);
      String v3 = e.retrainNow(false).version();
      // v1 went; v2 stays (keep 2), v3 serves now
      assertThat(new ModelStore(tmp.resolve("models")).versions()).containsExactly(v2, v3);
      String v4 = e.retrainNow(false).version();
      assertThat(new ModelStore(tmp.resolve("models")).versions()).containsExactly(v3, v4);
      assertThat(e.status().modelVersion()).isEqualTo(v4);
    }
  }

  @Test
  void feedbackBeforeARetrainIsFoldedInAndNotCountedTwice() {
    Config config = EngineFixture.config(tmp);
    try (DefaultEngine e = Engines.openForTraining(config)) {
      e.retrainNow(false);
      e.feedback(List.of(new Interaction("fresh", "ux1", EventType.COMPLETE, null, Instant.now(), "f-1"),
          new Interaction("fresh", "ux2", EventType.ENROLL, null, Instant.now(), "f-2")));
      ModelManifest m = e.retrainNow(false);
      assertThat(m.storeEvents()).isEqualTo(2);
      assertThat(m.storeSequence()).isPositive();
      assertThat(m.interactions()).isEqualTo(EngineFixture.INTERACTIONS + 2);
      assertThat(e.status().learners()).isEqualTo(EngineFixture.LEARNERS + 1);
      // history: the two events once each (now training data, no longer "recent")
      assertThat(e.history("fresh")).extracting(Interaction::eventId).containsExactly("f-1", "f-2");
      assertThat(e.recommend(new RecommendQuery("fresh", 40, 0, null, null, false, null)).items())
          .extracting(RankedCourse::courseId).doesNotContain("ux1", "ux2");
    }
  }

  @Test
  void periodicRetrainingStartsJobsOnItsOwn() throws Exception {
    Config config = EngineFixture.config(tmp);
    String v1 = build(config);
    DefaultEngine e = Engines.openForTraining(config);
    try {
      // the server schedules with models.retrain_interval_minutes; a 1 s period makes the timer observable here
      e.lifecycle().startInBackground(Duration.ofSeconds(1));
      // sealed versions only: the timer may already be building the next one (a directory without manifest yet)
      EngineFixture.await(() -> e.models().stream().filter(m -> m.createdAt() != null).count() >= 3, "two periodic retrains");
      assertThat(e.status().modelVersion()).isNotEqualTo(v1);
      assertThat(e.models()).filteredOn(m -> m.createdAt() != null).allSatisfy(m -> assertThat(m.note()).startsWith("promoted"));
    } finally {
      e.close();
    }
  }
}
