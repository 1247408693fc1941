package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact hours with the default of 5 study hours per week; each expected value is derived in its comment. */
class DurationParserTest {
  private final DurationParser parser = new DurationParser(5);

  @ParameterizedTest(name = "{0} -> {1} h")
  @CsvSource(delimiter = '=', value = {
      "Less Than 2 Hours = 1.0",            // midpoint of (0, 2]
      "3 hours = 3.0",
      "90 minutes = 1.5",
      "12.5 = 12.5",                        // bare number: already hours
      "6 weeks = 30.0",                     // 6 x 5 h/week
      "1 - 4 Weeks = 12.5",                 // 2.5 weeks x 5
      "1 - 3 Months = 43.5",                // 2 months x 4.348 weeks x 5 = 43.48
      "3 - 6 Months = 97.8",                // 4.5 x 4.348 x 5 = 97.83
      "2–3 hours per week, 2 Weeks = 5.0",  // en dash; 2.5 h/week x 2 weeks
      "6 weeks, 2-4 hours/week = 18.0",     // 3 h/week x 6 weeks, effort after the length
      "2 to 4 hrs a week for 10 wks = 30.0",
      "1 hour a day for 30 days = 30.0",    // 7 h/week x 30/7 weeks
      "3 hours weekly, 4 weeks = 12.0",
      "10+ hours = 10.0",                   // lower bound
      "1 year = 260.9"})                    // 52.18 weeks x 5
  void parsesTotalHours(String text, double hours) {
    assertThat(parser.hours(text)).isEqualTo(hours);
  }

  @ParameterizedTest
  @CsvSource(value = {"2–3 hours per week", "2-4 hours/week", "Self-paced", "''", "0", "flexible"})
  void returnsNullWithoutATotal(String text) {
    assertThat(parser.hours(text)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"6 weeks, 60.0", "1 - 3 Months, 87.0"})
  void usesTheConfiguredWeeklyEffort(String text, double hours) {
    assertThat(new DurationParser(10).hours(text)).isEqualTo(hours); // 6 x 10; 2 x 4.348 x 10 = 86.96
  }
}
