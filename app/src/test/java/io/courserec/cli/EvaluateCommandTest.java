package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import io.courserec.eval.CountingPopularityRecommender;
import io.courserec.eval.EvalFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The evaluate command with a generated data set and a test popularity recommender as its services. */
class EvaluateCommandTest {
  private static final Dataset DATA = EvalFixtures.generated(150, 30, 20, 1);
  private final List<Config> configsSeen = new CopyOnWriteArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    EvaluateCommand cmd = new EvaluateCommand((dir, config) -> DATA, (name, config) -> {
      if (!name.equals("pop") && !name.equals("hybrid")) throw new IllegalArgumentException("no algorithm named " + name);
      configsSeen.add(config);
      return new CountingPopularityRecommender();
    });
    CommandLine cl = new CommandLine(cmd);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    // the same mapping as Main: expected failures are one line and exit code 2
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UserError || ex instanceof ConfigException) {
        c.getErr().println("error: " + ex.getMessage());
        return 2;
      }
      throw ex;
    });
    return cl.execute(args);
  }

  @Test
  void writesReportAndAppendsToTheLog(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report");
    Path log = dir.resolve("log/experiments.jsonl");
    int code = execute("--data", dir.toString(), "--split", "random,cold-start", "--k", "5", "--algorithms", "pop",
        "--variant", "pop-r8=pop:mf.rank=8", "--report", report.toString(), "--log", log.toString(),
        "--set", "eval.cold_start_fraction=0.5");
    assertThat(code).as(err.toString()).isZero();
    assertThat(report.resolve("results.json")).exists();
    assertThat(report.resolve("results.md")).exists();
    assertThat(report.resolve("ndcg.png")).exists();
    assertThat(report.resolve("index.html")).exists();
    JsonNode json = new ObjectMapper().readTree(report.resolve("results.json").toFile());
    assertThat(json.get("k").asInt()).isEqualTo(5);
    assertThat(json.get("splits")).hasSize(2);
    // 2 splits x (pop, pop-r8), in split order
    assertThat(json.get("results")).hasSize(4);
    assertThat(json.get("results").get(0).get("algorithm").asText()).isEqualTo("pop");
    assertThat(json.get("results").get(1).get("algorithm").asText()).isEqualTo("pop-r8");
    assertThat(json.get("results").get(2).get("split").asText()).isEqualTo("cold-start");
    assertThat(json.get("evalSettings").get("eval.cold_start_fraction").asText()).isEqualTo("0.5");
    assertThat(configsSeen).anyMatch(c -> c.integer(ConfigKey.MF_RANK) == 8)
        .anyMatch(c -> c.integer(ConfigKey.MF_RANK) == Integer.parseInt(ConfigKey.MF_RANK.defaultValue()));
    assertThat(Files.readAllLines(log)).hasSize(1);
    assertThat(out.toString()).contains("| pop | random |").contains("| pop-r8 | cold-start |");
    // stages may be thinned out when stderr is not a terminal; the per-algorithm result lines never are
    assertThat(err.toString()).containsPattern("\\[ *\\d+\\.\\d s\\] random/pop: NDCG@5 \\d\\.\\d{4}")
        .contains("appended the run to");

    assertThat(execute("--data", dir.toString(), "--algorithms", "pop", "--report", report.toString(),
        "--log", log.toString())).isZero();
    assertThat(Files.readAllLines(log)).hasSize(2);
  }

  @Test
  void expectedMistakesAreOneLineErrors(@TempDir Path dir) {
    assertThat(execute("--data", dir.toString(), "--split", "sideways")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown split 'sideways'").contains("leave-last-out");
    assertThat(execute("--data", dir.toString(), "--algorithms", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown algorithm 'nope'");
    assertThat(execute("--data", dir.toString(), "--algorithms", "pop", "--variant", "x=pop")).isEqualTo(2);
    assertThat(err.toString()).contains("--variant must look like");
    assertThat(execute("--data", dir.toString(), "--algorithms", "pop", "--variant", "x=pop:mf.rnak=3")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown configuration key 'mf.rnak'");
    assertThat(execute("--data", dir.resolve("missing").toString(), "--algorithms", "pop")).isEqualTo(2);
    assertThat(err.toString()).contains("data directory not found");
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void pathQualityIsMeasuredOnLeaveLastOutWithTheHybrid(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report");
    // the registry's "hybrid" is the test popularity recommender: what matters here is where paths are measured
    int code = execute("--data", dir.toString(), "--split", "random,leave-last-out", "--algorithms", "pop,hybrid",
        "--no-tune", "--report", report.toString(), "--log", dir.resolve("log.jsonl").toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode paths = new ObjectMapper().readTree(report.resolve("results.json").toFile()).get("paths");
    assertThat(paths).hasSize(1);
    assertThat(paths.get(0).get("split").asText()).isEqualTo("leave-last-out");
    assertThat(paths.get(0).get("ranker").asText()).isEqualTo("hybrid");
    assertThat(out.toString()).contains("## Learning paths").contains("| leave-last-out | hybrid |");
    assertThat(err.toString()).contains("leave-last-out/paths:");

    assertThat(execute("--data", dir.toString(), "--split", "leave-last-out", "--algorithms", "pop", "--no-tune",
        "--report", report.toString(), "--log", dir.resolve("log.jsonl").toString())).isZero();
    assertThat(new ObjectMapper().readTree(report.resolve("results.json").toFile()).get("paths")).isEmpty();
  }

  @Test
  void registeredInMain() {
    assertThat(Main.run("evaluate", "--split", "sideways")).isEqualTo(2);
  }
}
