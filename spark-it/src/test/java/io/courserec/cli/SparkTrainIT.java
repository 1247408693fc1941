package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.store.InteractionStore;
import io.courserec.store.InteractionStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --engine spark --master local[2]} through the real command line, as a user runs it: the trainer runs
 * in a child process from {@code spark/target} (built earlier in the reactor), reads the data directory's CSV and
 * the SQLite feedback store over JDBC up to the build's sequence, leaves out an erased learner, and the version it
 * writes is served like any other (recommendations for a learner known only from the store). Runs from the
 * repository root.
 */
class SparkTrainIT {
  private static final Path DATA = Path.of("app/src/test/resources/engine/small");
  @TempDir Path dir;

  private String storeUrl;

  private IndexCommandsTest.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", DATA.toString(), "--models", dir.resolve("models").toString(),
        "--set", "store.jdbc_url=" + storeUrl(), "--set", "mf.rank=8", "--set", "mf.iterations=5",
        "--set", "tune.enabled=false", "--set", "spark.partitions=2", "--set", "spark.java_opts=-Xmx1g"));
    return IndexCommandsTest.run(all.toArray(String[]::new));
  }

  private String storeUrl() {
    return storeUrl != null ? storeUrl : "jdbc:sqlite:" + dir.resolve("feedback.db");
  }

  @Test
  void trainsOnSparkAndTheVersionServes() throws IOException {
    trainAndServe();
  }

  /** The same with the feedback store on the real PostgreSQL (skipped when none is reachable). */
  @Test
  void readsThePostgresStoreOverJdbc() throws Exception {
    String base = io.courserec.store.PostgresTestDatabase.assumeReachable();
    String schema = io.courserec.store.PostgresTestDatabase.freshSchema();
    storeUrl = io.courserec.store.PostgresTestDatabase.withSchema(base, schema);
    try {
      trainAndServe();
    } finally {
      io.courserec.store.PostgresTestDatabase.dropSchema(base, schema);
    }
  }

  private void trainAndServe() throws IOException {
    Dataset data = CatalogLoader.load(DATA, Config.defaults()).dataset();
    String c0 = data.course(0).id();
    String c1 = data.course(1).id();
    String c2 = data.course(2).id();
    Instant t = Instant.parse("2025-01-10T10:00:00Z");
    try (InteractionStore store = InteractionStores.open(storeUrl())) {
      store.appendAll(List.of(
          new Interaction("newbie", c0, EventType.ENROLL, null, t),
          new Interaction("newbie", c1, EventType.COMPLETE, null, t.plusSeconds(60)),
          new Interaction("newbie", c2, EventType.VIEW, null, null)));
    }
    String erased = data.learner(1).id();
    long erasedEvents = data.interactions().stream().filter(e -> e.userId().equals(erased)).count();
    assertThat(erasedEvents).isPositive();
    IndexCommandsTest.Run forget = run("forget", "--user", erased);
    assertThat(forget.exit()).as(forget.err()).isZero();

    IndexCommandsTest.Run r = run("train", "--engine", "spark", "--master", "local[2]");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("promoted (first model)").contains(" spark ");

    Path version;
    try (Stream<Path> s = Files.list(dir.resolve("models"))) {
      version = s.filter(p -> p.getFileName().toString().startsWith("v-")).findFirst().orElseThrow();
    }
    JsonNode info = new ObjectMapper().readTree(version.resolve("courseside.json").toFile());
    assertThat(info.get("engine").asText()).isEqualTo("spark");
    assertThat(info.get("master").asText()).isEqualTo("local[2]");
    // every CSV row but the erased learner's, plus the three stored events
    assertThat(info.get("events").asLong()).isEqualTo(data.interactions().size() - erasedEvents + 3);
    assertThat(info.get("sources").toString()).contains("up to sequence 3");
    assertThat(info.get("rejected").size()).isZero();
    assertThat(Files.exists(version.resolve("spark-trainer.log"))).isTrue();
    assertThat(Files.exists(version.resolve("spark-work"))).as("work files (config copy, id key) removed").isFalse();
    JsonNode knn = new ObjectMapper().readTree(version.resolve("hybrid/itemknn/manifest.json").toFile());
    assertThat(knn.get("params").get("engine").asText()).isEqualTo("spark");
    JsonNode mf = new ObjectMapper().readTree(version.resolve("hybrid/mf/manifest.json").toFile());
    assertThat(mf.get("params").get("regularization_scaling").asText()).isEqualTo("count");

    IndexCommandsTest.Run rec = run("recommend", "--user", "newbie", "--k", "5", "--format", "csv");
    assertThat(rec.exit()).as(rec.err()).isZero();
    List<String> lines = rec.out().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(rec.out()).doesNotContain("," + c0 + ",").doesNotContain("," + c1 + ",");
  }

  @Test
  void anUnbuiltOrBrokenTrainerIsAClearErrorAndNoVersion() throws IOException {
    IndexCommandsTest.Run r = run("train", "--engine", "spark", "--set", "spark.classpath=" + dir.resolve("nothing.jar"));
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("Spark trainer failed");
    try (Stream<Path> s = Files.list(dir.resolve("models"))) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("v-")).toList()).isEmpty();
    }
    IndexCommandsTest.Run bad = run("train", "--engine", "hadoop");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("train.engine must be inprocess or spark");
  }
}
