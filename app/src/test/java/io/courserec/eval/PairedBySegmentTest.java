package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.hybrid.UserSegment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hybrid against each algorithm, over all test learners and per hybrid segment. */
class PairedBySegmentTest {
  private static AlgorithmResult result(String algorithm, double[] ndcg, UserSegment[] segments) {
    MetricSummary m = new MetricSummary(0, 0, Arrays.stream(ndcg).average().orElse(0), 0, 0, 0, 0, 0, 0, 0, 0);
    return new AlgorithmResult(algorithm, "leave-last-out", 10, ndcg.length, ndcg.length, 0, m, 0,
        new LatencySummary(ndcg.length, 1, 1, 1, 1), null, ndcg, segments);
  }

  @Test
  void rowsForAllLearnersThenForEachSegmentWithEnoughLearners() {
    // 25 rich learners where the hybrid wins by 0.2, 30 warm where it loses by 0.1, 5 cold (too few for a row)
    int n = 60;
    double[] hybrid = new double[n];
    double[] itemknn = new double[n];
    UserSegment[] seg = new UserSegment[n];
    for (int i = 0; i < n; i++) {
      seg[i] = i < 25 ? UserSegment.RICH : i < 55 ? UserSegment.WARM : UserSegment.COLD;
      itemknn[i] = 0.3 + 0.01 * (i % 7);
      hybrid[i] = itemknn[i] + (seg[i] == UserSegment.RICH ? 0.2 : seg[i] == UserSegment.WARM ? -0.1 : 0.05);
    }
    ExperimentReport r = new ExperimentReport("t", "d", "h", "c", null, 1, 10, Map.of(), Map.of(), List.of(),
        List.of(result("hybrid", hybrid, seg), result("itemknn", itemknn, seg)));
    List<MarkdownReport.Paired> rows = MarkdownReport.paired(r);
    assertThat(rows).extracting(MarkdownReport.Paired::segment).containsExactly("all", "warm", "rich");
    assertThat(rows).extracting(MarkdownReport.Paired::learners).containsExactly(60, 30, 25);
    // all: (25 x 0.2 - 30 x 0.1 + 5 x 0.05) / 60 = 2.25 / 60
    assertThat(rows.get(0).interval().mean()).isCloseTo(2.25 / 60, within(1e-12));
    // every difference within a segment is the same, so the bootstrap interval is that single value
    assertThat(rows.get(1).interval().mean()).isCloseTo(-0.1, within(1e-12));
    assertThat(rows.get(1).interval().verdict()).isEqualTo("worse");
    assertThat(rows.get(2).interval().mean()).isCloseTo(0.2, within(1e-12));
    assertThat(rows.get(2).interval().verdict()).isEqualTo("better");

    StringBuilder md = new StringBuilder();
    MarkdownReport.pairedComparison(md, r);
    assertThat(md.toString()).contains("| leave-last-out | all 60 | itemknn | +0.0375 |", "| leave-last-out | rich 25 | itemknn | +0.2000 |");
  }
}
