package io.courserec.cbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogIndexer;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact scores on a four-course index, computed by hand.
 *
 * <pre>
 * courses (no description, no subject):   c0 "SQL" [SQL]   c1 "Python" [Python]   c2 "SQL Python" [SQL, Python]
 *                                         c3 "Python Basics" [Python]
 * N = 4; idf = 1 + ln((N+1)/(df+1)):  sql (df 2) 1.5108256,  python (df 3) 1.2231436,  basic (df 1) 1.9162907
 *   (the same df in title, skill words and whole skills)
 * learner: goal "SQL" (weight 4), interest "Python" (weight 2), no history
 *   P_title  = 4 {sql:1} + 2 {python:1} = {sql:4, python:2},  |P| = sqrt(20)
 *   P_skills = 4 {sql:.7071, =sql:.7071} + 2 {python:.7071, =python:.7071},  |P| = sqrt(20)
 *   description, subject: no course has the words -> idf 0 -> empty
 * unit course vectors (tf = 1, so weight = idf, normalised):
 *   c2 title {sql: 1.5108/1.9439 = .77722, python: .62923};  c3 title {python: .53803, basic: .84292}
 * cos_title:  c0 4/sqrt20 = .89443   c1 2/sqrt20 = .44721   c2 (4 x .77722 + 2 x .62923)/sqrt20 = .97657   c3 .24061
 * cos_skills: c0 .89443   c1 .44721   c2 .97657   c3 .44721      (same structure as the titles)
 * score = (3 cos_skills + 2 cos_title + 1 x 0 + 1 x 0 + 0.5 L) / 7.5, L = 0 (no level known):
 *   c2 0.65104456   c0 0.59628479   c1 0.29814240   c3 0.24304914
 * </pre>
 * Tolerance 1e-6: the hand values are rounded to 8 decimals.
 */
class CbrExactScoreTest {
  @TempDir Path root;
  private CatalogIndex index;

  @AfterEach
  void close() throws IOException {
    if (index != null) index.close();
  }

  private CbrRecommender recommender(Level learnerLevel, Level c0Level) throws IOException {
    List<Course> courses = List.of(
        Course.of("c0", "SQL", "", List.of("SQL"), c0Level, ""),
        Course.of("c1", "Python", "", List.of("Python"), Level.UNKNOWN, ""),
        Course.of("c2", "SQL Python", "", List.of("SQL", "Python"), Level.UNKNOWN, ""),
        Course.of("c3", "Python Basics", "", List.of("Python"), Level.UNKNOWN, ""));
    Dataset d = Dataset.of(courses, List.of(new Learner("u", List.of("Python"), List.of("SQL"), learnerLevel, "en")), List.of());
    new CatalogIndexer(root, Config.defaults()).reindex(d);
    index = CatalogIndex.open(root);
    CbrRecommender r = new CbrRecommender(index, Config.defaults());
    r.train(d);
    return r;
  }

  @Test
  void scoresEqualTheHandComputedWeightedCosine() throws IOException {
    List<Recommendation> recs = recommender(Level.UNKNOWN, Level.UNKNOWN).recommend(RecommendRequest.of("u", 4));
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c2", "c0", "c1", "c3");
    assertThat(recs.get(0).score()).isCloseTo(0.65104456, within(1e-6));
    assertThat(recs.get(1).score()).isCloseTo(0.59628479, within(1e-6));
    assertThat(recs.get(2).score()).isCloseTo(0.29814240, within(1e-6));
    assertThat(recs.get(3).score()).isCloseTo(0.24304914, within(1e-6));
  }

  @Test
  void levelMatchAddsItsWeightOverZ() throws IOException {
    // learner and c0 are beginners: c0 gains 0.5 / 7.5 = 0.06666667 and overtakes c2
    List<Recommendation> recs = recommender(Level.BEGINNER, Level.BEGINNER)
        .recommend(RecommendRequest.of("u", 4).withExplain(true));
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c0", "c2", "c1", "c3");
    assertThat(recs.get(0).score()).isCloseTo(0.59628479 + 0.06666667, within(1e-6));
    assertThat(recs.get(0).evidence()).extracting(e -> e.text()).contains("suits your level (beginner)");
  }

  @Test
  void evidenceSplitsTheContentScoreBySource() throws IOException {
    Recommendation c2 = recommender(Level.UNKNOWN, Level.UNKNOWN).recommend(RecommendRequest.of("u", 1).withExplain(true)).get(0);
    // goal share: (3 x 4 x (.70711 x .54958 x 2) / sqrt20 + 2 x 4 x .77722 / sqrt20) / 7.5 = 0.46344516
    // interest share: the rest of 0.65104456
    assertThat(c2.evidence()).extracting(e -> e.text())
        .containsExactly("matches your goal *SQL* (skills)", "matches your interest *Python* (skills)");
    assertThat(c2.evidence().get(0).contribution()).isCloseTo(0.46344516, within(1e-6));
    assertThat(c2.evidence().get(0).contribution() + c2.evidence().get(1).contribution()).isCloseTo(c2.score(), within(1e-12));
  }
}
