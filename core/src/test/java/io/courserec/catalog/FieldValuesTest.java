package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FieldValuesTest {
  @Test
  void listSeparatorIsPipeThenSemicolonThenComma() {
    assertThat(FieldValues.list("a|b, c")).containsExactly("a", "b, c");
    assertThat(FieldValues.list("a; b ;c")).containsExactly("a", "b", "c");
    assertThat(FieldValues.list("Python, SQL")).containsExactly("Python", "SQL");
    assertThat(FieldValues.list("one, two;three")).containsExactly("one, two", "three");
    assertThat(FieldValues.list("Law, Regulation|")).containsExactly("Law, Regulation");
    assertThat(FieldValues.list("a||NA| ")).containsExactly("a");
    assertThat(FieldValues.list(" ")).isEmpty();
  }

  @Test
  void missingMarkers() {
    assertThat(FieldValues.isMissing("NA")).isTrue();
    assertThat(FieldValues.isMissing(" n/a ")).isTrue();
    assertThat(FieldValues.isMissing("null")).isTrue();
    assertThat(FieldValues.isMissing("0")).isFalse();
    assertThat(FieldValues.text("  x ")).isEqualTo("x");
  }

  @Test
  void numbersAndCounts() {
    assertThat(FieldValues.number(" 4.5 ")).isEqualTo(4.5);
    assertThat(FieldValues.number("NaN")).isNull(); // a missing marker
    assertThat(FieldValues.number("Infinity")).isNull();
    assertThat(FieldValues.number("4,5")).isNull();
    assertThat(FieldValues.count("124,980")).isEqualTo(124980);
    assertThat(FieldValues.count("6.1K")).isEqualTo(6100);
    assertThat(FieldValues.count("2m")).isEqualTo(2_000_000);
    assertThat(FieldValues.count("-3")).isNull();
    assertThat(FieldValues.count("12,34")).isNull(); // not a thousands grouping
    assertThat(FieldValues.count("99999999999")).isNull(); // beyond int
  }

  @Test
  void timestampsInIsoAndEpochSeconds() {
    Instant t = Instant.parse("2024-01-05T10:00:00Z");
    assertThat(FieldValues.timestamp("1704448800")).isEqualTo(t);
    assertThat(FieldValues.timestamp("1704448800.5")).isEqualTo(t.plusMillis(500));
    assertThat(FieldValues.timestamp("2024-01-05T10:00:00Z")).isEqualTo(t);
    assertThat(FieldValues.timestamp("2024-01-05T12:00:00+02:00")).isEqualTo(t);
    assertThat(FieldValues.timestamp("2024-01-05T10:00:00")).isEqualTo(t); // local: read as UTC
    assertThat(FieldValues.timestamp("2024-01-05 10:00:00")).isEqualTo(t);
    assertThat(FieldValues.timestamp("2024-01-05")).isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
    assertThat(FieldValues.timestamp("1704448800000")).isNull(); // milliseconds are not accepted
    assertThat(FieldValues.timestamp("2024-02-30")).isNull();
    assertThat(FieldValues.timestamp("yesterday")).isNull();
    assertThat(FieldValues.timestamp("")).isNull();
  }
}
