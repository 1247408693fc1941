package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '=', value = {
      "Introductory = BEGINNER", "Beginner Level = BEGINNER", "beginners = BEGINNER", "Entry-level = BEGINNER",
      "Basic = BEGINNER", "Intermediate = INTERMEDIATE", "Intermediate Level = INTERMEDIATE", "Advanced = ADVANCED",
      "ADVANCED LEVEL = ADVANCED", "Expert = ADVANCED", "Mixed = MIXED", "All Levels = MIXED", "all-levels = MIXED",
      "Beginner to Advanced = MIXED", "Beginner/Intermediate = MIXED", "unknown = UNKNOWN"})
  void mapsNamesToLevels(String name, Level expected) {
    assertThat(LevelNames.parse(name)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"Not specified", "Guru", "3"})
  void nameWithoutLevelWordIsUnrecognised(String name) {
    assertThat(LevelNames.parse(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "'   '"})
  void blankIsUnknown(String name) {
    assertThat(LevelNames.parse(name)).isEqualTo(Optional.of(Level.UNKNOWN));
  }
}
