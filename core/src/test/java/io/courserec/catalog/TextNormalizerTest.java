package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void cleanAppliesNfkcAndCollapsesEveryKindOfSpace() {
    assertThat(TextNormalizer.clean("  Ｄａｔａ\u00A0\u00A0Science\t\n")).isEqualTo("Data Science"); // full-width, NBSP
    assertThat(TextNormalizer.clean("\uFEFFcourse_id")).isEqualTo("course_id"); // byte-order mark
    assertThat(TextNormalizer.clean("ﬁnance")).isEqualTo("finance"); // ligature
    assertThat(TextNormalizer.clean("Line one\nline two")).isEqualTo("Line one line two");
    assertThat(TextNormalizer.clean("Café")).isEqualTo("Café"); // accents kept for display
    assertThat(TextNormalizer.clean(null)).isEmpty();
  }

  @Test
  void cleanTagStripsStrayPunctuationAtTheEnds() {
    assertThat(TextNormalizer.cleanTag(" \"Python.\" ")).isEqualTo("Python");
    assertThat(TextNormalizer.cleanTag("- Excel Formulas;")).isEqualTo("Excel Formulas");
    assertThat(TextNormalizer.cleanTag("C++")).isEqualTo("C++");
    assertThat(TextNormalizer.cleanTag("Securities (Finance)")).isEqualTo("Securities (Finance)");
    assertThat(TextNormalizer.cleanName(" MongoDB Inc. ")).isEqualTo("MongoDB Inc.");
    assertThat(TextNormalizer.cleanName("\"Yale University,\"")).isEqualTo("Yale University");
  }

  @Test
  void matchKeyIgnoresCaseAccentsPunctuationAndSpacing() {
    assertThat(TextNormalizer.matchKey("Café-Society")).isEqualTo("cafe society");
    assertThat(TextNormalizer.matchKey("CAFÉ  SOCIETY")).isEqualTo("cafe society");
    assertThat(TextNormalizer.matchKey("Cafe\u0301 society")).isEqualTo("cafe society"); // decomposed accent
    assertThat(TextNormalizer.matchKey("Food & Beverage")).isEqualTo(TextNormalizer.matchKey("food and beverage"));
    assertThat(TextNormalizer.matchKey("CS50's Intro")).isEqualTo("cs50s intro");
    assertThat(TextNormalizer.matchKey("École Polytechnique Fédérale")).isEqualTo("ecole polytechnique federale");
    assertThat(TextNormalizer.matchKey("ＭＬ")).isEqualTo("ml");
  }

  @Test
  void matchKeyKeepsProgrammingLanguageMarks() {
    assertThat(TextNormalizer.matchKey("C++")).isEqualTo("c++");
    assertThat(TextNormalizer.matchKey("C#")).isEqualTo("c#");
    assertThat(TextNormalizer.matchKey("C")).isEqualTo("c");
    assertThat(TextNormalizer.matchKey("中文")).isEqualTo("中文");
  }

  @Test
  void slugIsAsciiDashes() {
    assertThat(TextNormalizer.slug("Café Society: An Overview!")).isEqualTo("cafe-society-an-overview");
    assertThat(TextNormalizer.slug("中文")).isEmpty();
  }
}
