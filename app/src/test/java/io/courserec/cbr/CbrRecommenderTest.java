package io.courserec.cbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.TestCatalog;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.Evidence;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour on the shared 8-course test catalog plus one more SQL course. */
class CbrRecommenderTest {
  @TempDir static Path root;
  private static CatalogIndex index;
  private static Dataset data;
  private static CbrRecommender cbr;

  static List<Course> courses() {
    List<Course> cs = new ArrayList<>(TestCatalog.courses());
    cs.add(new Course("sql-adv", "Advanced SQL Queries", "Window functions, joins and query tuning for relational databases.",
        List.of("SQL", "Databases", "Query Optimization"), "Stanford University", Level.ADVANCED, "Data Science", "en",
        25.0, "25 hours", 4.6, 400, "", List.of("sql-basics")));
    return cs;
  }

  @BeforeAll
  static void setUp() throws IOException {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    List<Learner> learners = List.of(
        new Learner("goal-sql", List.of(), List.of("SQL"), Level.UNKNOWN, "en"),
        new Learner("pythonista", List.of(), List.of(), Level.UNKNOWN, "en"),
        new Learner("nothing", List.of(), List.of(), Level.UNKNOWN, "en"));
    List<Interaction> events = List.of(
        new Interaction("pythonista", "py-intro", EventType.COMPLETE, null, t0),
        new Interaction("pythonista", "py-data", EventType.DISMISS, null, t0.plusSeconds(60)),
        new Interaction("pythonista", "sql-basics", EventType.ENROLL, null, t0.plusSeconds(120)));
    data = Dataset.of(courses(), learners, events);
    new CatalogIndexer(root, Config.defaults()).reindex(data);
    index = CatalogIndex.open(root);
    cbr = new CbrRecommender(index, Config.defaults());
    cbr.train(data);
  }

  @AfterAll
  static void tearDown() throws IOException {
    index.close();
  }

  private static List<String> ids(List<Recommendation> r) {
    return r.stream().map(Recommendation::courseId).toList();
  }

  @Test
  void coldStartLearnerWithADeclaredGoalGetsCoursesTeachingItFirst() {
    List<Recommendation> r = cbr.recommend(RecommendRequest.of("goal-sql", 3));
    assertThat(ids(r).subList(0, 2)).containsExactlyInAnyOrder("sql-basics", "sql-adv");
    assertThat(r.get(0).score()).isGreaterThan(r.get(2).score());
  }

  @Test
  void unknownLearnerWithRequestInterestsIsServedAndANeverTakenCourseIsJustText() {
    RecommendRequest req = RecommendRequest.of("visitor-1", 2).withInterests(List.of("Spanish"));
    assertThat(cbr.canRecommend(req)).isTrue();
    assertThat(ids(cbr.recommend(req)).get(0)).isEqualTo("spanish"); // nobody ever interacted with it
  }

  @Test
  void unknownLearnerWithNothingIsAnErrorAndAKnownEmptyOneGetsNothing() {
    RecommendRequest req = RecommendRequest.of("ghost", 5);
    assertThat(cbr.canRecommend(req)).isFalse();
    assertThatThrownBy(() -> cbr.recommend(req)).isInstanceOf(UnknownEntityException.class)
        .hasMessage("unknown user 'ghost'");
    assertThat(cbr.canRecommend(RecommendRequest.of("nothing", 5))).isFalse();
    assertThat(cbr.recommend(RecommendRequest.of("nothing", 5))).isEmpty();
  }

  @Test
  void recentEventsAloneServeAnUnknownLearner() {
    RecommendRequest req = RecommendRequest.of("visitor-2", 3)
        .withRecentEvents(List.of(Interaction.of("visitor-2", "sql-basics", EventType.COMPLETE)));
    assertThat(cbr.canRecommend(req)).isTrue();
    assertThat(ids(cbr.recommend(req)).get(0)).isEqualTo("sql-adv");
  }

  @Test
  void takenAndDismissedCoursesAreNeverReturned() {
    List<String> all = ids(cbr.recommend(RecommendRequest.of("pythonista", 20)));
    assertThat(all).hasSize(courses().size() - 3).doesNotContain("py-intro", "py-data", "sql-basics");
    RecommendRequest withTaken = new RecommendRequest("pythonista", 20, 0, null, Set.of("ml"), true, false,
        List.of(Interaction.of("pythonista", "spanish", EventType.DISMISS)), List.of());
    List<String> incl = ids(cbr.recommend(withTaken));
    assertThat(incl).contains("py-intro", "sql-basics").doesNotContain("py-data", "ml", "spanish");
  }

  @Test
  void filtersHold() {
    for (Level level : List.of(Level.BEGINNER, Level.INTERMEDIATE, Level.ADVANCED)) {
      CourseFilter f = new CourseFilter(level, null, null, null, null);
      List<Recommendation> r = cbr.recommend(RecommendRequest.of("goal-sql", 20).withFilter(f));
      assertThat(r).isNotEmpty();
      for (Recommendation rec : r) assertThat(f.test(data.course(rec.courseId()).orElseThrow())).as(rec.courseId()).isTrue();
    }
    CourseFilter shortEnglish = new CourseFilter(null, "EN", null, "data science", 20.0);
    List<String> r = ids(cbr.recommend(RecommendRequest.of("goal-sql", 20).withFilter(shortEnglish)));
    assertThat(r).containsExactlyInAnyOrder("sql-basics", "ds-found");
  }

  @Test
  void pagingReturnsTheSameRankingShifted() {
    List<String> all = ids(cbr.recommend(RecommendRequest.of("pythonista", 6)));
    RecommendRequest page = new RecommendRequest("pythonista", 2, 3, null, null, false, false, null, null);
    assertThat(ids(cbr.recommend(page))).isEqualTo(all.subList(3, 5));
  }

  @Test
  void explanationsNameTheGoalSkillAndTheCompletedCourse() {
    Recommendation top = cbr.recommend(RecommendRequest.of("goal-sql", 1).withExplain(true)).get(0);
    assertThat(top.evidence()).first().extracting(Evidence::text).isEqualTo("matches your goal *SQL* (skills)");
    assertThat(top.evidence()).allMatch(e -> e.signal() == io.courserec.rec.EvidenceSource.CONTENT);

    List<Recommendation> r = cbr.recommend(RecommendRequest.of("pythonista", 10).withExplain(true));
    Recommendation ml = r.stream().filter(x -> x.courseId().equals("ml")).findFirst().orElseThrow();
    assertThat(ml.evidence()).extracting(Evidence::text)
        .contains("similar to *Introduction to Python Programming*, which you completed");
    assertThat(cbr.recommend(RecommendRequest.of("pythonista", 10)).get(0).evidence()).isEmpty();
  }

  @Test
  void dismissedContentPullsScoresDown() {
    // dismissing Python for Data Analysis subtracts its terms (python, data, ...) from the profile, so ml, which
    // shares them, scores lower than for the same learner without the dismissal
    RecommendRequest onlyComplete = RecommendRequest.of("visitor-3", 10)
        .withRecentEvents(List.of(Interaction.of("visitor-3", "py-intro", EventType.COMPLETE)));
    RecommendRequest withDismiss = onlyComplete.withRecentEvents(List.of(
        Interaction.of("visitor-3", "py-intro", EventType.COMPLETE),
        Interaction.of("visitor-3", "py-data", EventType.DISMISS)));
    double mlBefore = score(cbr.recommend(onlyComplete), "ml");
    double mlAfter = score(cbr.recommend(withDismiss), "ml");
    assertThat(mlAfter).isLessThan(mlBefore);
  }

  private static double score(List<Recommendation> r, String id) {
    return r.stream().filter(x -> x.courseId().equals(id)).findFirst().orElseThrow().score();
  }

  @Test
  void saveThenLoadGivesIdenticalRecommendations(@TempDir Path models) throws IOException {
    RecommendRequest req = RecommendRequest.of("pythonista", 5).withExplain(true);
    List<Recommendation> before = cbr.recommend(req);
    cbr.save(models);
    CbrRecommender loaded = new CbrRecommender(index, Config.defaults());
    loaded.load(models, data);
    assertThat(loaded.recommend(req)).isEqualTo(before);
    assertThatThrownBy(() -> loaded.load(models.resolve("missing"), data)).hasMessageContaining("cbr.json");
  }

  @Test
  void similarRanksTheObviouslySimilarCourseFirstAndNeverItself() {
    List<Recommendation> s = cbr.similar("sql-basics", 3);
    assertThat(s.get(0).courseId()).isEqualTo("sql-adv");
    assertThat(ids(s)).doesNotContain("sql-basics");
    assertThat(s.get(0).evidence()).extracting(Evidence::text).contains("both teach *databases*, *sql*");
    assertThat(ids(cbr.similar("py-intro", 2))).doesNotContain("py-intro").hasSize(2);
    assertThatThrownBy(() -> cbr.similar("nope", 3)).isInstanceOf(UnknownEntityException.class).hasMessageContaining("course");
  }
}
