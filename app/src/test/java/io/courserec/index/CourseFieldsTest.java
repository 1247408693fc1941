package io.courserec.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CourseFieldsTest {
  @Test
  void englishAnalysisStemsDropsStopWordsAndKeepsProgrammingNames() {
    assertThat(CourseFields.analyze(CourseFields.TITLE, "Introduction to Machine Learning"))
        .containsExactly("introduct", "machin", "learn");
    assertThat(CourseFields.analyze(CourseFields.TITLE, "C++ and C# for .NET")).containsExactly("cplusplus", "csharp", "dotnet");
    assertThat(CourseFields.analyze(CourseFields.TITLE, "The C language")).containsExactly("c", "languag");
    assertThat(CourseFields.analyze(CourseFields.DESCRIPTION, "Español for everyone's data")).containsExactly("espanol", "everyon", "data");
    assertThat(CourseFields.analyze(CourseFields.TITLE, "AND")).isEmpty();
    assertThat(CourseFields.analyze(CourseFields.TITLE, "title:(")).containsExactly("titl");
    assertThat(CourseFields.analyze(CourseFields.TITLE, "   ")).isEmpty();
    assertThat(CourseFields.analyze(CourseFields.TITLE, null)).isEmpty();
  }

  @Test
  void skillTermIsTheWholeNormalisedPhrase() {
    assertThat(CourseFields.skillTerm("  Machine \t  Learning ")).isEqualTo("machine learning");
    assertThat(CourseFields.skillTerm("C++")).isEqualTo("c++");
    assertThat(CourseFields.skillTerm("Análisis")).isEqualTo("analisis");
    assertThat(CourseFields.skillTerm(" ")).isEmpty();
    assertThat(CourseFields.analyze(CourseFields.SKILL_EXACT, "Data Analysis")).containsExactly("data analysis");
  }

  @Test
  void keywordValuesAreLowerCasedAndTrimmed() {
    assertThat(CourseFields.keyword(" Stanford University ")).isEqualTo("stanford university");
    assertThat(CourseFields.keyword(null)).isEmpty();
  }
}
