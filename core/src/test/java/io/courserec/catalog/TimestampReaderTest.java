package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Epoch units by magnitude and by choice. Reference instants (python {@code datetime.fromtimestamp(s, UTC)}):
 * 1e10 s = 2286-11-20T17:46:40Z, 1e11 ms = 1973-03-03T09:46:40Z, 1.7e9 ms = 1970-01-20T16:13:20Z,
 * 1.7e9 s = 2023-11-14T22:13:20Z.
 */
class TimestampReaderTest {
  @Test
  void autoReadsSecondsUpTo1e10AndMillisecondsFrom1e11() {
    TimestampReader t = new TimestampReader(TimestampReader.Unit.AUTO);
    assertThat(t.parse("1700000000")).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(t.parse("1700000000123")).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
    assertThat(t.parse("1700000000.5")).isEqualTo(Instant.parse("2023-11-14T22:13:20.500Z"));
    assertThat(t.parse("10000000000")).isEqualTo(Instant.parse("2286-11-20T17:46:40Z")); // the last second accepted
    assertThat(t.parse("10000000001")).isNull();
    assertThat(t.parse("99999999999")).isNull();
    assertThat(t.parse("100000000000")).isEqualTo(Instant.parse("1973-03-03T09:46:40Z")); // the first millisecond value
    assertThat(t.parse("0")).isEqualTo(Instant.EPOCH);
    assertThat(t.parse("-5")).isNull();
    assertThat(t.why("-5")).isEqualTo("'-5' is negative");
    assertThat(t.why("50000000000")).isEqualTo("'50000000000' is between 1e10 and 1e11: neither epoch seconds nor "
        + "milliseconds; set the unit (--time-unit)");
    assertThat(t.describe()).isEqualTo(
        "timestamps (unit detected by magnitude): 4 epoch seconds, 2 epoch milliseconds, 0 ISO-8601");
  }

  @Test
  void anExplicitUnitOverridesTheMagnitude() {
    TimestampReader ms = new TimestampReader(TimestampReader.Unit.MILLISECONDS);
    assertThat(ms.parse("1700000000")).isEqualTo(Instant.parse("1970-01-20T16:13:20Z"));
    assertThat(ms.parse("10000000000000")).isEqualTo(Instant.parse("2286-11-20T17:46:40Z"));
    assertThat(ms.parse("10000000000001")).isNull();
    TimestampReader s = new TimestampReader(TimestampReader.Unit.SECONDS);
    assertThat(s.parse("1700000000000")).isNull();
    assertThat(s.why("1700000000000")).isEqualTo("'1700000000000' is after the year 2286 in seconds");
  }

  @Test
  void isoFormsAreReadWhateverTheUnit() {
    TimestampReader t = new TimestampReader(TimestampReader.Unit.SECONDS);
    assertThat(t.parse("2023-11-14T22:13:20Z")).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(t.parse("2023-11-15T00:13:20+02:00")).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(t.parse("2023-11-14 22:13:20")).isEqualTo(Instant.parse("2023-11-14T22:13:20Z")); // local: UTC
    assertThat(t.parse("2023-11-14")).isEqualTo(Instant.parse("2023-11-14T00:00:00Z"));
    assertThat(t.parse("+12023-11-14T00:00:00Z")).isNull(); // beyond 1e10 s
    assertThat(t.parse("yesterday")).isNull();
    assertThat(t.why("yesterday")).startsWith("'yesterday' is neither an epoch number nor ISO-8601");
    assertThat(t.describe()).endsWith("0 epoch seconds, 0 epoch milliseconds, 4 ISO-8601");
  }

  @Test
  void unitNames() {
    assertThat(TimestampReader.Unit.named("ms")).contains(TimestampReader.Unit.MILLISECONDS);
    assertThat(TimestampReader.Unit.named(" Seconds ")).contains(TimestampReader.Unit.SECONDS);
    assertThat(TimestampReader.Unit.named("auto")).contains(TimestampReader.Unit.AUTO);
    assertThat(TimestampReader.Unit.named("hours")).isEmpty();
  }
}
