package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageNamesTest {
  private final LanguageNames names = new LanguageNames(AliasTable.parse(List.of("[languages]", "اللغة العربية = ar"), "t"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"English, en", "en, en", "EN-us, en", "eng, en", "pt_BR, pt", "Español, es", "spanish, es",
      "Français, fr", "中文, zh", "日本語, ja", "اللغة العربية, ar", "Deutsch, de", "Korean, ko"})
  void mapsNamesAndTagsToIsoCodes(String name, String code) {
    assertThat(names.code(name)).contains(code);
  }

  @ParameterizedTest
  @CsvSource({"Elvish", "''"})
  void unknownNamesHaveNoCode(String name) {
    assertThat(names.code(name)).isEmpty();
  }
}
