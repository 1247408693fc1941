package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MmrRerankerTest {
  // Candidates 0 and 1 are near duplicates (sim 0.9); 2 is different from both (sim 0.1).
  private static final double[][] SIM = {{1, 0.9, 0.1}, {0.9, 1, 0.1}, {0.1, 0.1, 1}};
  private static final double[] REL = {1.0, 0.95, 0.6};

  @Test
  void lambdaOneKeepsRelevanceOrder() {
    assertThat(new MmrReranker(1.0).rerank(REL, 3, (a, b) -> SIM[a][b])).containsExactly(0, 1, 2);
  }

  @Test
  void lowerLambdaPromotesTheDifferentItem() {
    // lambda 0.5, after picking 0: item1 = 0.5*0.95 - 0.5*0.9 = 0.025; item2 = 0.5*0.6 - 0.5*0.1 = 0.25 -> 2 next.
    assertThat(new MmrReranker(0.5).rerank(REL, 3, (a, b) -> SIM[a][b])).containsExactly(0, 2, 1);
    // lambda 0.9: item1 = 0.855 - 0.09 = 0.765; item2 = 0.54 - 0.01 = 0.53 -> relevance wins.
    assertThat(new MmrReranker(0.9).rerank(REL, 3, (a, b) -> SIM[a][b])).containsExactly(0, 1, 2);
  }

  @Test
  void takesAtMostKAndRejectsBadLambda() {
    assertThat(new MmrReranker(0.5).rerank(REL, 2, (a, b) -> SIM[a][b])).hasSize(2);
    assertThat(new MmrReranker(0.5).rerank(new double[0], 5, (a, b) -> 0)).isEmpty();
    assertThatThrownBy(() -> new MmrReranker(1.5)).hasMessageContaining("1.5");
  }
}
