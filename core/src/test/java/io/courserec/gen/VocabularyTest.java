package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  @Test
  void standardVocabularyIsRichEnough() {
    Vocabulary v = Vocabulary.standard();
    assertThat(v.subjects()).hasSizeBetween(15, 30);
    for (Vocabulary.Subject s : v.subjects()) {
      assertThat(s.tracks()).as(s.name()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(Arrays.stream(s.orgShares()).sum()).as(s.name()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(s.group()).as(s.name()).isNotBlank();
      for (Vocabulary.Track t : s.tracks()) {
        assertThat(t.skills()).as(t.topic()).hasSizeGreaterThanOrEqualTo(4);
        for (String skill : t.skills()) assertThat(skill).as("canonical skill").isEqualTo(skill.toLowerCase().strip());
      }
    }
    for (OrgFamily f : OrgFamily.values()) assertThat(v.organizations().get(f)).as(f.name()).isNotEmpty();
  }

  @Test
  void parsesTheDocumentedFormat() {
    Vocabulary v = Vocabulary.parse(List.of(
        "# comment", "[organizations]", "university: U1; U2", "",
        "[subject Maths]", "group: science", "weight: 2", "orgs: university 3",
        "terms: numbers", "applications: Engineers", "track Algebra: algebra; matrices"));
    assertThat(v.subjects()).hasSize(1);
    Vocabulary.Subject s = v.subjects().get(0);
    assertThat(s.name()).isEqualTo("Maths");
    assertThat(s.weight()).isEqualTo(2.0);
    assertThat(s.orgShares()[OrgFamily.UNIVERSITY.ordinal()]).isEqualTo(1.0); // 3 normalised to a share of 1
    assertThat(s.tracks().get(0).skills()).containsExactly("algebra", "matrices");
    assertThat(v.organizations().get(OrgFamily.UNIVERSITY)).containsExactly("U1", "U2");
  }

  @Test
  void errorsNameTheLine() {
    assertThatThrownBy(() -> Vocabulary.parse(List.of("[subject X]", "colour: blue")))
        .hasMessage("vocabulary line 2: unknown key 'colour'");
    assertThatThrownBy(() -> Vocabulary.parse(List.of("[subject X]", "terms: a", "applications: b",
        "track T: t", "orgs: industry 1")))
        .hasMessageContaining("uses family INDUSTRY without organisations");
  }
}
