package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.split.Split;
import io.courserec.split.SplittersTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ExperimentReport report() {
    Split s = ExperimentRunnerTest.split();
    Config c = Config.defaults().with(ConfigKey.EVAL_CALIBRATION_BINS, 2);
    List<AlgorithmResult> results = new ExperimentRunner(c, ContentSimilarity.of(s.train()), null).run(s, List.of(
        new AlgorithmSpec("fixed", ExperimentRunnerTest::fixed),
        new AlgorithmSpec("pop", CountingPopularityRecommender::new)), 3);
    return ExperimentReport.create(Instant.parse("2025-01-02T03:04:05.678Z"), c, "fixture",
        DatasetDigest.sha256(s.train()), "abc123", 3, List.of(s.summary()), results);
  }

  @Test
  void writesJsonMarkdownAndCharts(@TempDir Path dir) throws IOException {
    ExperimentReport r = report();
    List<Path> files = ReportWriter.write(r, dir.resolve("out"));
    // results.json, results.md, 6 metric charts, latency, one reliability diagram (only "fixed" has confidences),
    // index.html
    assertThat(files).hasSize(2 + ReportCharts.CHARTED.size() + 1 + 1 + 1);
    for (Path f : files) {
      assertThat(f).exists();
      if (f.toString().endsWith(".png")) { // PNG signature: 0x89 'P' 'N' 'G' 
        byte[] head = Files.readAllBytes(f);
        assertThat(head[1]).isEqualTo((byte) 'P');
        assertThat(head[2]).isEqualTo((byte) 'N');
        assertThat(head[3]).isEqualTo((byte) 'G');
      }
    }
    assertThat(dir.resolve("out/calibration-manual-fixed.png")).exists();

    JsonNode json = JSON.readTree(dir.resolve("out/results.json").toFile());
    assertThat(json.get("timestamp").asText()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(json.get("configHash").asText()).isEqualTo(Config.defaults().modelHash());
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("gitCommit").asText()).isEqualTo("abc123");
    assertThat(json.get("evalSettings").get("eval.calibration_bins").asText()).isEqualTo("2");
    JsonNode fixed = json.get("results").get(0);
    assertThat(fixed.get("metrics").get("ndcg").asDouble()).isEqualTo(r.results().getFirst().metrics().ndcg());
    // the empty-free calibration of "fixed"; "pop" has none -> null
    assertThat(fixed.get("calibration").get("bins")).hasSize(2);
    assertThat(json.get("results").get(1).get("calibration").isNull()).isTrue();
    assertThat(json.get("splits").get(0).get("testUsers").asInt()).isEqualTo(3);

    String md = Files.readString(dir.resolve("out/results.md"));
    assertThat(md).contains("| fixed | manual | 2 / 3 | 0.3333 | 0.6667 | 0.5169 | 0.4444 | 0.5000 | 0.6667 |")
        .contains("| pop | manual | 3 / 3 |")
        .contains("NDCG@3")
        .contains("### fixed on manual: ECE 0.2333")
        .doesNotContain("### pop on");
  }

  @Test
  void undefinedValuesBecomeJsonNullAndNaInMarkdown(@TempDir Path dir) throws IOException {
    ExperimentReport r = report();
    AlgorithmResult a = r.results().getFirst();
    MetricSummary m = a.metrics();
    AlgorithmResult undefined = new AlgorithmResult(a.algorithm(), a.split(), a.k(), a.testUsers(), a.servedUsers(),
        0, new MetricSummary(m.precision(), m.recall(), m.ndcg(), m.map(), m.mrr(), m.hitRate(), m.coverage(),
            Double.NaN, m.novelty(), m.serendipity(), Double.NaN), a.trainSeconds(), a.ranking(), null, a.perUserNdcg(), a.perUserSegment());
    ExperimentReport r2 = new ExperimentReport(r.timestamp(), r.dataSource(), r.dataHash(), r.configHash(),
        r.gitCommit(), r.seed(), r.k(), r.evalSettings(), r.environment(), r.splits(), List.of(undefined));
    ReportWriter.write(r2, dir);
    JsonNode metrics = JSON.readTree(dir.resolve("results.json").toFile()).get("results").get(0).get("metrics");
    assertThat(metrics.get("diversity").isNull()).isTrue();
    assertThat(metrics.get("personalisation").isNull()).isTrue();
    assertThat(Files.readString(dir.resolve("results.md"))).contains("n/a");
  }

  @Test
  void experimentLogAppendsOneJsonLinePerRun(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("nested/experiments.jsonl");
    ExperimentReport r = report();
    ExperimentLog.append(r, log);
    ExperimentLog.append(r, log);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(2);
    for (String l : lines) {
      JsonNode n = JSON.readTree(l);
      assertThat(n.get("dataHash").asText()).hasSize(64).isEqualTo(r.dataHash());
      assertThat(n.get("configHash").asText()).isEqualTo(r.configHash());
      assertThat(n.get("results")).hasSize(2);
      assertThat(n.get("results").get(0).get("ranking").get("p99Ms").isNumber()).isTrue();
      assertThat(n.get("results").get(0).get("trainSeconds").isNumber()).isTrue();
    }
  }

  @Test
  void datasetDigestFollowsContent() {
    Dataset a = SplittersTest.fixture();
    Dataset same = SplittersTest.fixture();
    List<io.courserec.catalog.Interaction> fewer = new ArrayList<>(a.interactions());
    fewer.removeLast();
    assertThat(DatasetDigest.sha256(a)).isEqualTo(DatasetDigest.sha256(same)).hasSize(64);
    assertThat(DatasetDigest.sha256(a.withInteractions(fewer))).isNotEqualTo(DatasetDigest.sha256(a));
    List<io.courserec.catalog.Interaction> changed = new ArrayList<>(a.interactions());
    changed.set(0, EvalFixtures.ev("u1", "c1", EventType.COMPLETE, 1));
    assertThat(DatasetDigest.sha256(a.withInteractions(changed))).isNotEqualTo(DatasetDigest.sha256(a));
  }
}
