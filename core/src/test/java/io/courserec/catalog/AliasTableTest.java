package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasTableTest {
  private static AliasTable parse(String... lines) {
    return AliasTable.parse(List.of(lines), "test.txt");
  }

  @Test
  void variantsMatchByKeyAndChainsAreFollowed() {
    AliasTable t = parse("# comment", "[skills]", "ML = machine-learning", "machine learning = Machine Learning",
        "[organizations]", "MIT = Massachusetts Institute of Technology", "[languages]", "Mandarin = ZH");
    assertThat(t.canonical(AliasTable.Kind.SKILL, TextNormalizer.matchKey(" ML "))).isEqualTo("Machine Learning");
    assertThat(t.canonical(AliasTable.Kind.SKILL, "machine learning")).isEqualTo("Machine Learning");
    assertThat(t.canonical(AliasTable.Kind.SKILL, TextNormalizer.matchKey("M.L."))).isNull(); // "m l": dots are spaces
    assertThat(t.canonical(AliasTable.Kind.ORGANIZATION, "mit")).isEqualTo("Massachusetts Institute of Technology");
    assertThat(t.canonical(AliasTable.Kind.SKILL, "mit")).isNull(); // sections are separate
    assertThat(t.canonical(AliasTable.Kind.LANGUAGE, "mandarin")).isEqualTo("zh");
  }

  @Test
  void wordRulesRewriteSingleWordsKeepingTheRest() {
    AliasTable t = parse("[organization-words]", "univ = University", "inst = Institute");
    assertThat(t.rewriteWords(AliasTable.Kind.ORGANIZATION, "Univ. of Iceland")).isEqualTo("University of Iceland");
    assertThat(t.rewriteWords(AliasTable.Kind.ORGANIZATION, "Tech Inst of Univ")).isEqualTo("Tech Institute of University");
    assertThat(t.rewriteWords(AliasTable.Kind.ORGANIZATION, "Universal Studios")).isEqualTo("Universal Studios");
    assertThat(t.rewriteWords(AliasTable.Kind.SKILL, "Univ. of Iceland")).isEqualTo("Univ. of Iceland");
  }

  @Test
  void brokenFilesNameFileAndLine() {
    assertThatThrownBy(() -> parse("ML = Machine Learning")).isInstanceOf(DataException.class)
        .hasMessage("test.txt:1: entry before the first [section]");
    assertThatThrownBy(() -> parse("[skills]", "", "just words")).hasMessage("test.txt:3: expected 'variant = canonical', got 'just words'");
    assertThatThrownBy(() -> parse("[colours]")).hasMessage("test.txt:1: unknown section [colours]");
    assertThatThrownBy(() -> parse("[skills]", "a = b", "b = a")).hasMessage("test.txt: alias cycle a -> b -> a");
    assertThatThrownBy(() -> parse("[skills]", "ml = Machine Learning", "ML = Markup Language"))
        .hasMessage("test.txt:3: 'ML' already maps to 'Machine Learning'");
    assertThatThrownBy(() -> AliasTable.load(Path.of("no/such/file.txt"))).hasMessage("alias file not found: no/such/file.txt");
  }

  @Test
  void shippedAliasFileLoads() {
    AliasTable t = AliasTable.load(Path.of("config/aliases.txt"));
    assertThat(t.canonical(AliasTable.Kind.SKILL, "ml")).isEqualTo("Machine Learning");
    assertThat(t.rewriteWords(AliasTable.Kind.ORGANIZATION, "Univ. of X")).isEqualTo("University of X");
  }
}
