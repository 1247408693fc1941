package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** r' = 1 + (r - min) x 4 / (max - min), rounded to 3 decimals; each expected value worked out in its comment. */
class RatingScaleTest {
  @Test
  void scalesMapLinearlyOntoOneToFive() {
    RatingScale half = RatingScale.parse("0.5-5");
    assertThat(half.toFivePoint(0.5)).isEqualTo(1.0);
    assertThat(half.toFivePoint(2.75)).isEqualTo(3.0); // the midpoint stays neutral
    assertThat(half.toFivePoint(3.0)).isEqualTo(3.222); // 1 + 2.5 x 4 / 4.5 = 3.2222
    assertThat(half.toFivePoint(5.0)).isEqualTo(5.0);
    RatingScale ten = RatingScale.parse("0..10");
    assertThat(ten.toFivePoint(7)).isEqualTo(3.8); // 1 + 7 x 0.4
    RatingScale signed = RatingScale.parse("-1 to 1"); // like/dislike logs
    assertThat(signed.toFivePoint(-1)).isEqualTo(1.0);
    assertThat(signed.toFivePoint(0)).isEqualTo(3.0);
    assertThat(RatingScale.parse("1-5")).isEqualTo(RatingScale.FIVE);
    assertThat(RatingScale.FIVE.toFivePoint(4.5)).isEqualTo(4.5); // kept as is, not rounded
  }

  @Test
  void boundsAreIncludedAndOutsideIsNotClamped() {
    RatingScale ten = RatingScale.parse("0-10");
    assertThat(ten.contains(0)).isTrue();
    assertThat(ten.contains(10)).isTrue();
    assertThat(ten.contains(10.01)).isFalse();
    assertThat(ten.contains(-0.01)).isFalse();
  }

  @Test
  void describesItselfAndRejectsNonsense() {
    assertThat(RatingScale.FIVE.describe()).isEqualTo("ratings on 1-5, kept as they are");
    assertThat(RatingScale.parse("0-10").describe()).isEqualTo("ratings on 0-10 mapped linearly onto 1-5: "
        + "r' = 1 + (r - 0) x 4 / 10, rounded to 3 decimals (0 -> 1, 5 -> 3, 10 -> 5)");
    assertThatThrownBy(() -> RatingScale.parse("5-1")).isInstanceOf(DataException.class)
        .hasMessage("rating scale 5.0-1.0: the minimum must be below the maximum");
    assertThatThrownBy(() -> RatingScale.parse("five")).hasMessageStartingWith("--rating-scale 'five'");
  }
}
