package io.courserec.cli;

import io.courserec.catalog.EventWeights;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, retrain, recommend and explain through the real command line, on the engine tests' small fixture. */
class EngineCommandsTest {
  private static final Path DATA = Path.of("app/src/test/resources/engine/small");
  @TempDir static Path dir;
  private static Dataset data;

  private static IndexCommandsTest.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", DATA.toString(), "--models", dir.resolve("models").toString(),
        "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve("feedback.db"), "--set", "mf.rank=8",
        "--set", "mf.iterations=5", "--set", "tune.enabled=false"));
    return IndexCommandsTest.run(all.toArray(String[]::new));
  }

  @BeforeAll
  static void train() {
    IndexCommandsTest.Run r = run("train");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("model v-").contains("promoted (first model)").contains("40 courses, 60 learners, 474 interactions")
        .contains("ndcg@10").contains("timings").contains(" train ");
    data = CatalogLoader.load(DATA, Config.defaults()).dataset();
  }

  /** The error line comes last on stderr, after the log lines (logback writes INFO to stderr). */
  private static String lastLine(String err) {
    List<String> lines = err.strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  /** Enrolled, completed or dismissed in the data: must never be recommended. */
  private static Set<String> excluded(String user) {
    Set<String> s = new HashSet<>();
    for (Interaction e : data.eventsOf(user)) if (EventWeights.defaults().excludes(e)) s.add(e.courseId());
    return s;
  }

  @Test
  void csvForAFileOfLearnersIsWellFormedInInputOrderAndSkipsUnknownOnes() throws IOException {
    Path users = dir.resolve("users.txt");
    // u07 and u14 dismissed their home subject's capstone in the data (every 7th learner does)
    Files.writeString(users, "# learners to score\nu07\nu14\nghost\nu01\n\nu33\n");
    IndexCommandsTest.Run r = run("recommend", "--users", users.toString(), "--k", "5", "--format", "csv");
    assertThat(r.exit()).isEqualTo(1); // one learner failed
    assertThat(r.err()).contains("error: learner 'ghost': unknown user 'ghost'").contains("1 of 5 learners failed");
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("user_id,rank,course_id,score");
    assertThat(lines).hasSize(1 + 4 * 5);
    Map<String, List<String>> byUser = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      assertThat(f).hasSize(4);
      if (!byUser.containsKey(f[0])) order.add(f[0]);
      List<String> list = byUser.computeIfAbsent(f[0], u -> new ArrayList<>());
      assertThat(Integer.parseInt(f[1])).isEqualTo(list.size() + 1);
      assertThat(data.course(f[2])).isPresent();
      assertThat(Double.parseDouble(f[3])).isBetween(0.0, 1.0);
      list.add(f[2]);
    }
    assertThat(order).containsExactly("u07", "u14", "u01", "u33");
    byUser.forEach((u, courses) -> assertThat(courses).as(u).doesNotContainAnyElementsOf(excluded(u)).doesNotHaveDuplicates());
  }

  @Test
  void aUsersCsvWithHeaderWorksAndSingleAlgorithmsToo() throws IOException {
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "user_id,interests\nu02,\nu03,x\n");
    IndexCommandsTest.Run r = run("recommend", "--users", users.toString(), "--k", "3", "--format", "csv",
        "--algorithm", "itemknn", "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1).map(l -> l.split(",")[0]).distinct().toList()).containsExactly("u02", "u03");
  }

  @Test
  void oneLearnerAsTableJsonAndFile() throws IOException {
    IndexCommandsTest.Run t = run("recommend", "--user", "u01", "--k", "3", "--explain");
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(t.out()).contains("recommendations for u01: hybrid, strategy personal").contains("rank").contains("signals");
    IndexCommandsTest.Run j = run("recommend", "--user", "u01", "--k", "3", "--format", "json");
    JsonNode n = new ObjectMapper().readTree(j.out());
    assertThat(n.get("user_id").asText()).isEqualTo("u01");
    assertThat(n.get("items")).hasSize(3);
    assertThat(n.get("items").get(0).get("course_id").asText()).isNotIn(excluded("u01"));
    Path out = dir.resolve("out.csv");
    assertThat(run("recommend", "--user", "u01", "--k", "3", "--format", "csv", "--out", out.toString()).exit()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(4);
  }

  @Test
  void unknownLearnerAlgorithmOrMissingModelAreOneLineErrors() {
    IndexCommandsTest.Run u = run("recommend", "--user", "ghost");
    assertThat(u.exit()).isEqualTo(2);
    assertThat(lastLine(u.err())).isEqualTo("error: unknown user 'ghost'");
    IndexCommandsTest.Run cold = run("recommend", "--user", "ghost", "--interests", "Spanish|Grammar", "--k", "2");
    assertThat(cold.exit()).as(cold.err()).isZero();
    assertThat(cold.out()).contains("strategy cold-start");
    IndexCommandsTest.Run a = run("recommend", "--user", "u01", "--algorithm", "svd");
    assertThat(a.exit()).isEqualTo(2);
    assertThat(lastLine(a.err())).startsWith("error: --algorithm: unknown algorithm 'svd'");
    IndexCommandsTest.Run none = IndexCommandsTest.run("recommend", "--user", "u01", "--models",
        dir.resolve("empty-models").toString(), "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve("other.db"));
    assertThat(none.exit()).isEqualTo(2);
    assertThat(lastLine(none.err())).isEqualTo("error: no trained model in " + dir.resolve("empty-models") + "/: run ./courserec train");
  }

  @Test
  void idsWithControlCharactersOrPaddingAreOneLineErrors() {
    IndexCommandsTest.Run u = run("recommend", "--user", "u01\u0001");
    assertThat(u.exit()).isEqualTo(2);
    assertThat(lastLine(u.err())).isEqualTo("error: --user: user holds the control character U+0001 at position 3");
    IndexCommandsTest.Run c = run("explain", "--user", "u05", "--course", "bz8 ");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(lastLine(c.err())).isEqualTo("error: --course: course must not start or end with whitespace");
    IndexCommandsTest.Run s = run("search", "--user", " u05", "python");
    assertThat(lastLine(s.err())).isEqualTo("error: --user: user must not start or end with whitespace");
  }

  @Test
  void trainTunesByDefaultAndSavesWhatItChoseWithTheVersion() throws java.io.IOException {
    Path models = dir.resolve("tuned-models");
    IndexCommandsTest.Run r = IndexCommandsTest.run("train", "--data", DATA.toString(), "--models", models.toString(),
        "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve("tuned.db"), "--set", "mf.iterations=5");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(" tune ").containsPattern("tuned .*cf.item.neighbors=\\d+ cf.item.shrinkage=\\d+ .*mf.alpha=\\d");
    Path version;
    try (var dirs = java.nio.file.Files.list(models)) {
      version = dirs.filter(p -> p.getFileName().toString().startsWith("v-")).findFirst().orElseThrow();
    }
    assertThat(version.resolve("tuning.md")).content().contains("## Blend weights per segment");
    java.util.Properties p = new java.util.Properties();
    try (var in = java.nio.file.Files.newBufferedReader(version.resolve("tuning.properties"))) {
      p.load(in);
    }
    assertThat(p.getProperty("cf.item.neighbors")).isIn("20", "50", "100", "200");
    IndexCommandsTest.Run off = IndexCommandsTest.run("train", "--no-tune", "--data", DATA.toString(), "--models",
        dir.resolve("untuned-models").toString(), "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve("untuned.db"),
        "--set", "mf.iterations=5");
    assertThat(off.exit()).as(off.err()).isZero();
    assertThat(off.out()).contains("tuning    off: configured values").doesNotContain(" tune ");
  }

  @Test
  void aCourseRatedThroughTheServiceNeverComesBackInTheCli() {
    IndexCommandsTest.Run before = run("recommend", "--user", "u02", "--k", "40", "--format", "csv");
    assertThat(before.exit()).as(before.err()).isZero();
    List<String> rows = before.out().strip().lines().skip(1).toList();
    String rated = rows.get(0).split(",")[2];
    String low = rows.get(1).split(",")[2];
    try (io.courserec.store.InteractionStore store = io.courserec.store.InteractionStores.open("jdbc:sqlite:" + dir.resolve("feedback.db"))) {
      store.appendAll(List.of(new Interaction("u02", rated, EventType.RATE, 4.0, java.time.Instant.now(), "cli-rate-1"),
          new Interaction("u02", low, EventType.RATE, 1.0, java.time.Instant.now(), "cli-rate-2")));
    }
    for (String algorithm : List.of("hybrid", "itemknn", "mf", "pop")) {
      IndexCommandsTest.Run after = run("recommend", "--user", "u02", "--k", "40", "--format", "csv", "--algorithm", algorithm);
      assertThat(after.exit()).as(after.err()).isZero();
      assertThat(after.out().lines().skip(1).map(l -> l.split(",")[2]).toList()).as(algorithm).doesNotContain(rated, low);
    }
  }

  @Test
  void explainNamesSignalsAndExclusions() {
    IndexCommandsTest.Run r = run("explain", "--user", "u05", "--course", "bz8");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("for learner u05").containsPattern("rank \\d+, score")
        .contains("contribution").contains("content").contains("prior").contains("ranks ");
    String taken = data.eventsOf("u05").stream().filter(e -> EventWeights.defaults().marksTaken(e.event())).findFirst().orElseThrow().courseId();
    IndexCommandsTest.Run x = run("explain", "--user", "u05", "--course", taken);
    assertThat(x.out()).containsPattern("not recommended: you already (enrolled in|completed|enrolled)");
    IndexCommandsTest.Run bad = run("explain", "--user", "u05", "--course", "nope");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(lastLine(bad.err())).isEqualTo("error: unknown course 'nope'");
  }

  @Test
  void explainPathAndSkillsPrintTheApiDocumentAsJsonAndRefuseAnUnknownFormat() throws IOException {
    var json = io.courserec.api.JsonCodec.mapper();
    IndexCommandsTest.Run e = run("explain", "--user", "u05", "--course", "bz8", "--format", "json");
    assertThat(e.exit()).as(e.err()).isZero();
    var explained = json.readTree(e.out());
    assertThat(explained.get("user_id").asText()).isEqualTo("u05");
    assertThat(explained.get("course_id").asText()).isEqualTo("bz8");

    IndexCommandsTest.Run k = run("skills", "--user", "u05", "--format", "json");
    assertThat(k.exit()).as(k.err()).isZero();
    assertThat(json.readTree(k.out()).get("user_id").asText()).isEqualTo("u05");

    IndexCommandsTest.Run p = run("path", "--user", "u05", "--goal", "Algorithms", "--format", "json");
    assertThat(p.exit()).as(p.err()).isZero();
    var steps = json.readTree(p.out()).get("steps");
    assertThat(steps.isArray()).isTrue();
    for (var step : steps) assertThat(excluded("u05")).doesNotContain(step.get("course_id").asText());

    for (String command : List.of("explain", "path", "skills")) {
      IndexCommandsTest.Run bad = command.equals("explain")
          ? run(command, "--user", "u05", "--course", "bz8", "--format", "xml")
          : run(command, "--user", "u05", "--format", "xml");
      assertThat(bad.exit()).as(command).isEqualTo(2);
      assertThat(lastLine(bad.err())).as(command).isEqualTo("error: --format must be table or json, got 'xml'");
    }
  }

  @Test
  void personalisedSearchBlendsTextWithTheLearnersSignals() {
    String word = data.course(0).title().split(" ")[0];
    IndexCommandsTest.Run r = run("search", word, "--user", "u05", "--k", "5");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("personalised for u05").contains("content ");
    IndexCommandsTest.Run none = run("search", "zzzqqqxx", "--user", "u05");
    assertThat(none.exit()).isZero();
    assertThat(none.out()).contains("no course matches \"zzzqqqxx\"");
    IndexCommandsTest.Run stranger = run("search", word, "--user", "stranger");
    assertThat(stranger.out()).contains("plain BM25 (learner unknown to the model)");
  }

  @Test
  void trainWithoutDataIsAOneLineError() {
    IndexCommandsTest.Run r = IndexCommandsTest.run("train", "--data", dir.resolve("no-such-dir").toString(),
        "--models", dir.resolve("models-x").toString(), "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve("x.db"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(lastLine(r.err())).isEqualTo("error: data directory not found: " + dir.resolve("no-such-dir"));
  }

  @Test
  void retrainAppliesTheGate() {
    IndexCommandsTest.Run r = run("retrain");
    assertThat(r.exit()).as(r.err()).isZero();
    // same data and seed: the holdout NDCG equals the serving one up to parallel rounding, far inside the 0.02 margin
    assertThat(r.out()).contains("promoted: ndcg@10");
  }
}
