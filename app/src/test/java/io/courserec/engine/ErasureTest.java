package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.QualityReport;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's erasure end to end, checked the way an auditor would: by searching the bytes of every file under
 * {@code models/} and of the SQLite store (with its {@code -wal} and {@code -shm}) for the learner's id.
 *
 * <p>Fixture: the engine's small data set copied to a temporary {@code data/}, plus one learner {@value #WHO} (an id
 * long and odd enough that no other byte sequence in the files matches it by chance) in users.csv and with 5 rows
 * in interactions.csv (py1 enroll, py1 complete rated 5, py2 enroll, py3 view, ds1 view).
 */
class ErasureTest {
  static final String WHO = "erase-me-7f3c9a51";
  @TempDir Path tmp;
  Config config;

  @BeforeEach
  void data() throws IOException {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    for (String f : new String[] {"courses.csv", "users.csv", "interactions.csv"}) {
      Files.copy(EngineFixture.DATA.resolve(f), data.resolve(f));
    }
    Files.writeString(data.resolve("users.csv"), WHO + ",Python,,beginner,en\n", StandardOpenOption.APPEND);
    Files.writeString(data.resolve("interactions.csv"), String.join("\n",
        WHO + ",py1,enroll,,2025-03-01T00:00:00Z", WHO + ",py1,complete,5,2025-03-10T00:00:00Z",
        WHO + ",py2,enroll,,2025-03-11T00:00:00Z", WHO + ",py3,view,,2025-03-12T00:00:00Z",
        WHO + ",ds1,view,,2025-03-13T00:00:00Z") + "\n", StandardOpenOption.APPEND);
    config = EngineFixture.config(tmp, Map.of(ConfigKey.DATA_DIR, data.toString(), ConfigKey.TRAIN_ON_START, false));
  }

  @Test
  void eraseLeavesNoTraceInStoreCachesOrModelsAndTrainingDoesNotBringThemBack() throws Exception {
    String v1 = build(config);
    String v2 = build(config);
    assertThat(filesHolding(tmp.resolve("models"))).as("the probe finds the learner before erasure").isNotEmpty();
    try (Engine e = Engines.open(config)) {
      EngineFixture.await(() -> e.status().ready(), "ready");
      e.feedback(List.of(new Interaction(WHO, "py4", EventType.ENROLL, null, Instant.now(), WHO + "-evt-1"),
          new Interaction("u02", "py5", EventType.VIEW, null, Instant.now(), "keep-1")));
      assertThat(filesHolding(tmp, "feedback.db")).isNotEmpty();
      assertThat(e.recommend(query(WHO)).strategy()).isEqualTo(io.courserec.rec.Strategy.PERSONAL);

      ErasureResult r = e.forget(WHO);
      assertThat(r.storedEventsErased()).isEqualTo(1);
      assertThat(r.alreadyListed()).isFalse();
      // at once: the serving model (still v2 until the job finishes) answers them as a learner it never saw
      assertThat(e.recommend(query(WHO)).strategy()).isEqualTo(io.courserec.rec.Strategy.POPULAR);
      assertThatThrownBy(() -> e.history(WHO)).isInstanceOf(UnknownEntityException.class);
      assertThat(filesHolding(tmp, "feedback.db")).as("store files right after the erasure").isEmpty();

      JobStatus done = EngineFixture.awaitJob(e, r.completion().id());
      assertThat(done.state()).as(done.message()).isEqualTo("succeeded");
      assertThat(filesHolding(tmp.resolve("models"))).as("every file under models/").isEmpty();
      String v3 = e.status().modelVersion();
      assertThat(v3).isNotIn(v1, v2);
      assertThat(e.models()).extracting(ModelInfo::version).containsExactly(v3);
      // the other learners are untouched: u02's feedback is in the new version's data
      assertThat(e.history("u02")).anySatisfy(x -> assertThat(x.eventId()).isEqualTo("keep-1"));
      assertThat(e.recommend(query("u01")).strategy()).isEqualTo(io.courserec.rec.Strategy.PERSONAL);
      assertThat(e.forget(WHO).alreadyListed()).isTrue();
    }
    // a later training from the same data/ files does not bring them back
    String v4 = build(config);
    assertThat(filesHolding(tmp.resolve("models"))).isEmpty();
    ModelManifest m4 = new ModelStore(tmp.resolve("models")).readManifest(tmp.resolve("models").resolve(v4)).orElseThrow();
    assertThat(m4.learners()).as("the fixture's 60 learners").isEqualTo(EngineFixture.LEARNERS);
    QualityReport q = ErasedLearners.open(config).loadData(config).report();
    assertThat(rejectedAsErased(q, "users.csv")).isEqualTo(1);
    assertThat(rejectedAsErased(q, "interactions.csv")).isEqualTo(5);
    assertThat(q.toString()).doesNotContain(WHO);
    // the list and the generated key: no id in the list, the key readable by its owner only
    Path key = tmp.resolve(LearnerPseudonyms.KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(Files.readString(tmp.resolve("models").resolve(ErasedLearners.FILE))).doesNotContain(WHO)
        .containsPattern("(?m)^[0-9a-f]{64}$");
  }

  @Test
  void theCommandLineForgetCompletesBeforeItReturns() throws Exception {
    build(config);
    try (DefaultEngine e = Engines.openForTraining(config)) {
      String summary = e.forgetNow(WHO, s -> { });
      assertThat(summary).contains("rebuilt and promoted");
    }
    assertThat(filesHolding(tmp.resolve("models"))).isEmpty();
    assertThat(new ModelStore(tmp.resolve("models")).versions()).hasSize(1);
  }

  @Test
  void aListWrittenUnderAnotherKeyRefusesToLoadRatherThanForget() throws Exception {
    try (DefaultEngine e = Engines.openForTraining(config)) {
      e.forgetNow(WHO, s -> { });
    }
    Config otherKey = config.with(ConfigKey.LOG_ID_KEY, "another-key-of-at-least-32-characters!!");
    assertThatThrownBy(() -> ErasedLearners.open(otherKey).loadData(otherKey))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("another learner id key");
  }

  private static long rejectedAsErased(QualityReport q, String file) {
    return q.files().stream().filter(f -> f.file().equals(file)).flatMap(f -> f.reasons().stream())
        .filter(c -> c.reason().equals("erased learner")).mapToLong(QualityReport.ReasonCount::count).sum();
  }

  private static RecommendQuery query(String user) {
    return new RecommendQuery(user, 5, 0, null, null, false, null);
  }

  private static String build(Config config) {
    try (DefaultEngine e = Engines.openForTraining(config)) {
      return e.retrainNow(false).version();
    }
  }

  /** Files under {@code dir} (whose name starts with {@code prefix}, if given) whose bytes contain {@link #WHO}. */
  static List<Path> filesHolding(Path dir, String... prefix) throws IOException {
    byte[] needle = WHO.getBytes(StandardCharsets.UTF_8);
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        if (prefix.length > 0 && !f.getFileName().toString().startsWith(prefix[0])) continue;
        if (f.startsWith(dir.resolve("data"))) continue; // the operator's own files: never rewritten
        if (indexOf(Files.readAllBytes(f), needle) >= 0) out.add(f);
      }
    }
    return out;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }


}
