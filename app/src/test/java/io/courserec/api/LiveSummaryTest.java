package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The histogram quantile of the live summary, on histograms worked out by hand. */
class LiveSummaryTest {
  private static final double[] BOUNDS = {1, 2, 4, 8};

  @Test
  void interpolatesInsideTheBucketThatHoldsTheQuantile() {
    // 10 values: 2 in (0,1], 4 in (1,2], 4 in (2,4]
    double[] cumulative = {2, 6, 10, 10};
    // median: rank 5, the 3rd of 4 values in (1,2] -> 1 + (5 - 2) / 4 * 1 = 1.75
    assertThat(LiveSummary.quantile(BOUNDS, cumulative, 10, 0.5)).isCloseTo(1.75, within(1e-12));
    // p99: rank 9.9, in (2,4] -> 2 + (9.9 - 6) / 4 * 2 = 3.95
    assertThat(LiveSummary.quantile(BOUNDS, cumulative, 10, 0.99)).isCloseTo(3.95, within(1e-12));
    // p10: rank 1 in the first bucket, from 0 -> 0.5
    assertThat(LiveSummary.quantile(BOUNDS, cumulative, 10, 0.1)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void valuesAboveTheLastBoundReportTheLastBoundAndEmptyIsNaN() {
    double[] cumulative = {0, 0, 1, 1}; // 1 of 3 values at or below 8: two beyond every bound
    assertThat(LiveSummary.quantile(BOUNDS, cumulative, 3, 0.99)).isEqualTo(8);
    assertThat(LiveSummary.quantile(BOUNDS, new double[4], 0, 0.5)).isNaN();
  }

  @Test
  void aQuantileOnABucketEdgeIsTheEdge() {
    // 4 values, all in (2,4]: the median is halfway through that bucket
    double[] cumulative = {0, 0, 4, 4};
    assertThat(LiveSummary.quantile(BOUNDS, cumulative, 4, 0.5)).isCloseTo(3.0, within(1e-12));
    assertThat(LiveSummary.quantile(BOUNDS, cumulative, 4, 1.0)).isCloseTo(4.0, within(1e-12));
  }
}
