package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagVocabularyTest {
  private final AliasTable aliases = AliasTable.parse(List.of("[skills]", "ML = Machine Learning",
      "[organization-words]", "univ = University", "[organizations]", "NYIF = New York Institute of Finance"), "t");

  @Test
  void mostFrequentSpellingIsShownAndAliasesMerge() {
    TagVocabulary v = new TagVocabulary(aliases, AliasTable.Kind.SKILL);
    String k1 = v.register("machine learning");
    v.register("Machine Learning");
    v.register(" Machine  Learning ");
    v.register("ML");
    v.register("Ｍａｃｈｉｎｅ Learning"); // full-width: NFKC
    assertThat(v.register("MACHINE-LEARNING")).isEqualTo(k1);
    // display votes (cleaned spellings): "Machine Learning" x3 (as written, the double-spaced one, the full-width
    // one after NFKC), "machine learning" x1, "MACHINE-LEARNING" x1; "ML" came through an alias and does not vote.
    assertThat(v.display(k1)).isEqualTo("Machine Learning");
    // distinct raw names, only trimmed: machine learning, Machine Learning, "Machine  Learning", ML,
    // Ｍａｃｈｉｎｅ Learning, MACHINE-LEARNING = 6
    assertThat(v.distinctRaw()).isEqualTo(6);
    assertThat(v.distinctCanonical()).isEqualTo(1);
    assertThat(v.aliasedRaw()).isEqualTo(1); // only "ML" changed key through an alias
  }

  @Test
  void aliasTextIsShownWhenNoDirectSpellingExists() {
    TagVocabulary v = new TagVocabulary(aliases, AliasTable.Kind.SKILL);
    assertThat(v.display(v.register("ml"))).isEqualTo("Machine Learning");
    assertThat(v.register("  ")).isEmpty();
    assertThat(v.register(null)).isEmpty();
  }

  @Test
  void organisationsIgnoreLeadingTheAndApplyWordRules() {
    TagVocabulary v = new TagVocabulary(aliases, AliasTable.Kind.ORGANIZATION);
    String k = v.register("The University of Michigan");
    assertThat(v.register("University of Michigan")).isEqualTo(k);
    assertThat(v.register("Univ. of Michigan")).isEqualTo(k);
    assertThat(v.register("University of Michigan")).isEqualTo(k);
    assertThat(v.display(k)).isEqualTo("University of Michigan"); // 3 votes (one via the word rule) vs 1
    assertThat(v.display(v.register("nyif"))).isEqualTo("New York Institute of Finance");
    assertThat(v.aliasedRaw()).isEqualTo(2); // "Univ. of Michigan" and "nyif"; "The ..." is normalisation
  }

  @Test
  void freezeKeepsCatalogDisplaysWhenLaterNamesOutnumberThem() {
    TagVocabulary v = new TagVocabulary(aliases, AliasTable.Kind.SKILL);
    String k = v.register("Python");
    v.freeze();
    v.register("python");
    v.register("python");
    assertThat(v.display(k)).isEqualTo("Python");
    String later = v.register("data science");
    assertThat(v.display(later)).isEqualTo("data science");
  }
}
