package io.courserec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.rec.CourseFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogSearchTest {
  @TempDir static Path root;
  private static CatalogIndex index;
  private static CatalogSearch search;

  @BeforeAll
  static void build() throws IOException {
    new CatalogIndexer(root, Config.defaults()).reindex(TestCatalog.dataset());
    index = CatalogIndex.open(root);
    search = new CatalogSearch(index, Config.defaults());
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static List<String> ids(CatalogHits r) {
    return r.hits().stream().map(CatalogHits.Hit::courseId).toList();
  }

  private static CatalogHits run(String text, CourseFilter f, int k, int offset) throws IOException {
    return search.search(new SearchRequest(text, f, k, offset));
  }

  @Test
  void cPlusPlusFindsOnlyTheCPlusPlusCourseAndCOnlyTheCCourse() throws IOException {
    assertThat(ids(run("C++", null, 10, 0))).containsExactly("cpp");
    assertThat(ids(run("c++", null, 10, 0))).containsExactly("cpp");
    assertThat(ids(run("C", null, 10, 0))).containsExactly("c-lang");
  }

  @Test
  void titleMatchesOutrankDescriptionMatchesAndMatchedFieldsAreReported() throws IOException {
    CatalogHits r = run("python", null, 10, 0);
    assertThat(r.status()).isEqualTo(CatalogHits.Status.OK);
    assertThat(r.totalMatches()).isEqualTo(3);
    // title + skills + description + exact skill "python" beat skills + description only
    assertThat(ids(r).subList(0, 2)).containsExactlyInAnyOrder("py-intro", "py-data");
    assertThat(ids(r).get(2)).isEqualTo("ml");
    CatalogHits.Hit ml = r.hits().get(2);
    assertThat(ml.matchedFields()).containsExactly("skills", "description");
    assertThat(ml.rank()).isEqualTo(3);
    assertThat(ml.title()).isEqualTo("Machine Learning");
    assertThat(r.hits().get(0).matchedFields()).containsExactly("title", "skills", "description");
    assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(1).score()).isGreaterThan(ml.score());
  }

  @Test
  void stemmedWordsMatchAndTheWholeSkillPhraseIsBoosted() throws IOException {
    // "learning" matches py-intro (description "Learn") and ml (title, skills, description); the exact skill wins
    CatalogHits r = run("Machine Learning", null, 10, 0);
    assertThat(ids(r).get(0)).isEqualTo("ml");
    assertThat(ids(r)).contains("py-intro");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AND", "title:(", "\"", "python AND", "(python", "python~2", "*", "py*", "-python",
      "+sql", "sql OR", "NOT sql", "\\", "[a TO z]", "{!lucene}sql", "/regex/", "a:b:c", "&&", "||", "!", "^2"})
  void hostileTextIsOnlyWordsAndNeverThrows(String text) throws IOException {
    CatalogHits r = run(text, null, 10, 0);
    assertThat(r.status()).isIn(CatalogHits.Status.OK, CatalogHits.Status.NO_MATCH, CatalogHits.Status.NO_TERMS);
    if (r.status() != CatalogHits.Status.OK) assertThat(r.hits()).isEmpty();
  }

  @Test
  void hostileTextFindsWhatItsWordsFind() throws IOException {
    assertThat(ids(run("(python", null, 10, 0))).isEqualTo(ids(run("python", null, 10, 0)));
    assertThat(ids(run("+sql", null, 10, 0))).containsExactly("sql-basics");
    assertThat(ids(run("NOT sql", null, 10, 0))).containsExactly("sql-basics"); // "not" is a stop word, not an operator
    assertThat(run("title:(", null, 10, 0).status()).isEqualTo(CatalogHits.Status.NO_MATCH);
  }

  @Test
  void emptyAndStopWordOnlyQueriesSaySoAndAVeryLongQueryIsCapped() throws IOException {
    assertThat(run("", null, 10, 0).status()).isEqualTo(CatalogHits.Status.NO_TERMS);
    assertThat(run("   ", null, 10, 0).status()).isEqualTo(CatalogHits.Status.NO_TERMS);
    assertThat(run("AND", null, 10, 0).status()).isEqualTo(CatalogHits.Status.NO_TERMS);
    assertThat(run("the of and", null, 10, 0).status()).isEqualTo(CatalogHits.Status.NO_TERMS);
    assertThat(run("quantum", null, 10, 0).status()).isEqualTo(CatalogHits.Status.NO_MATCH);
    // 2000 distinct words would exceed Lucene's 1024-clause limit if all were used
    StringBuilder sb = new StringBuilder("sql");
    for (int i = 0; i < 2000; i++) sb.append(" w").append(i);
    assertThat(ids(run(sb.toString(), null, 10, 0))).containsExactly("sql-basics");
  }

  @Test
  void filtersAreHardAndMixedPassesAnyLevel() throws IOException {
    CourseFilter beginner = new CourseFilter(Level.BEGINNER, null, null, null, null);
    // "data": ds-found (mixed level passes; title match first), sql-basics (beginner; subject "Data Science");
    // py-data and ml also say "data" but are intermediate / advanced
    assertThat(ids(run("data", beginner, 10, 0))).containsExactly("ds-found", "sql-basics");
    assertThat(ids(run("python", new CourseFilter(null, null, "IBM", null, null), 10, 0))).containsExactly("py-data");
    assertThat(ids(run("python", new CourseFilter(null, "EN", null, "data science", null), 10, 0)))
        .containsExactlyInAnyOrder("py-data", "ml");
    assertThat(ids(run("espanol", new CourseFilter(null, "es", null, null, null), 10, 0))).containsExactly("spanish");
    // max duration drops courses longer than 30 h and courses of unknown duration
    assertThat(ids(run("python programming", new CourseFilter(null, null, null, null, 30.0), 10, 0)))
        .containsExactlyInAnyOrder("py-intro", "py-data");
    assertThat(ids(run("espanol", new CourseFilter(null, null, null, null, 100.0), 10, 0))).isEmpty();
    CatalogHits none = run("python", new CourseFilter(Level.MIXED, null, null, null, null), 10, 0);
    assertThat(none.status()).isEqualTo(CatalogHits.Status.NO_MATCH);
  }

  @Test
  void pagingSkipsOffsetAndKeepsRanks() throws IOException {
    List<String> all = ids(run("programming", null, 10, 0));
    assertThat(all).containsExactlyInAnyOrder("py-intro", "cpp", "c-lang"); // title, skills or description say it
    CatalogHits page = run("programming", null, 2, 1);
    assertThat(ids(page)).isEqualTo(all.subList(1, 3));
    assertThat(page.hits().get(0).rank()).isEqualTo(2);
    assertThat(page.totalMatches()).isEqualTo(3);
    assertThatThrownBy(() -> new SearchRequest("x", null, 9_999, 2)).hasMessageContaining("at most 10000");
    CatalogHits past = run("programming", null, 5, 10);
    assertThat(past.status()).isEqualTo(CatalogHits.Status.OK);
    assertThat(past.hits()).isEmpty();
  }
}
