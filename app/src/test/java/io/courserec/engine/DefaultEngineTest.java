package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.UnknownEntityException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request round trips through the real engine on the small fixture ({@link EngineFixture}), with one model built
 * once for the class. Tests that send feedback use their own learners, so they do not see each other's events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultEngineTest {
  Config config;
  DefaultEngine engine;
  Dataset data;

  @BeforeAll
  void build(@TempDir Path tmp) {
    config = EngineFixture.config(tmp);
    engine = Engines.openForTraining(config);
    engine.retrainNow(false);
    data = CatalogLoader.load(EngineFixture.DATA, config).dataset();
  }

  @AfterAll
  void close() {
    if (engine != null) engine.close();
  }

  private RecommendResult recommend(String user, int k) {
    return engine.recommend(new RecommendQuery(user, k, 0, null, "hybrid", false, null));
  }

  private static List<String> ids(List<RankedCourse> items) {
    return items.stream().map(RankedCourse::courseId).toList();
  }

  /** Courses the learner enrolled in, completed or dismissed in the CSV data: never recommended. */
  private Set<String> excludedInData(String user) {
    Set<String> s = new HashSet<>();
    for (Interaction e : data.eventsOf(user)) if (EventWeights.defaults().excludes(e)) s.add(e.courseId());
    return s;
  }

  @Test
  void statusDescribesTheServingModel() {
    EngineStatus s = engine.status();
    assertThat(s.ready()).isTrue();
    assertThat(s.modelVersion()).startsWith("v-");
    assertThat(s.courses()).isEqualTo(EngineFixture.COURSES);
    assertThat(s.learners()).isEqualTo(EngineFixture.LEARNERS);
    assertThat(s.trainingInteractions()).isEqualTo(EngineFixture.INTERACTIONS);
    assertThat(s.metrics()).containsKeys("ndcg@10", "recall@10", "test_users");
    assertThat(s.metrics().get("ndcg@10")).isBetween(0.0, 1.0);
    assertThat(s.indexGeneration()).isPositive();
    assertThat(s.modelCreatedAt()).isBefore(Instant.now().plusSeconds(1));
    assertThat(s.feedbackByEvent()).containsKeys("view", "enroll", "complete", "rate", "dismiss", "bookmark");
  }

  @Test
  void recommendsForAKnownLearnerWithCatalogFieldsAndSignalShares() {
    RecommendResult r = recommend("u01", 5);
    assertThat(r.strategy()).isEqualTo(io.courserec.rec.Strategy.PERSONAL);
    assertThat(r.segment()).isIn("warm", "rich");
    assertThat(r.modelVersion()).isEqualTo(engine.status().modelVersion());
    assertThat(r.items()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      RankedCourse c = r.items().get(i);
      assertThat(c.rank()).isEqualTo(i + 1);
      assertThat(c.title()).isEqualTo(data.course(c.courseId()).orElseThrow().title());
      assertThat(c.subject()).isEqualTo(data.course(c.courseId()).orElseThrow().subject());
      // shares are contribution / score; the score is Lucene's float, the contributions doubles: 1 to float precision
      assertThat(c.signals().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-6));
      assertThat(c.confidence()).isBetween(0.0, 1.0);
    }
    assertThat(ids(r.items())).doesNotContainAnyElementsOf(excludedInData("u01"));
    // paging: offset 2 continues the same list with ranks 3..
    RecommendResult page = engine.recommend(new RecommendQuery("u01", 3, 2, null, "hybrid", false, null));
    assertThat(ids(page.items())).containsExactlyElementsOf(ids(r.items()).subList(2, 5));
    assertThat(page.items().get(0).rank()).isEqualTo(3);
  }

  @Test
  void everySingleAlgorithmAnswersFromTheSavedComponents() {
    for (String a : List.of("pop", "cbr", "itemknn", "userknn", "mf")) {
      RecommendResult r = engine.recommend(new RecommendQuery("u06", 10, 0, null, a, false, null));
      assertThat(r.algorithm()).isEqualTo(a);
      assertThat(r.strategy()).as(a).isEqualTo(io.courserec.rec.Strategy.PERSONAL);
      assertThat(r.items()).as(a).isNotEmpty();
      assertThat(ids(r.items())).as(a).doesNotContainAnyElementsOf(excludedInData("u06"));
    }
  }

  @Test
  void unknownAlgorithmIsAnInputError() {
    assertThatThrownBy(() -> engine.recommend(new RecommendQuery("u01", 5, 0, null, "svdpp", false, null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("svdpp").hasMessageContaining("itemknn")
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("algorithm");
    assertThatThrownBy(() -> engine.recommend(new RecommendQuery("u01", 0, 0, null, "hybrid", false, null)))
        .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("k");
  }

  @Test
  void unknownLearnerWithoutSignalGetsPopularCoursesMarkedSo() {
    // popularity counted independently: learners whose summed event weight on the course is positive
    EventWeights w = EventWeights.from(config);
    Map<String, Map<String, Double>> sums = new HashMap<>();
    for (Interaction e : data.interactions()) {
      sums.computeIfAbsent(e.courseId(), c -> new HashMap<>()).merge(e.userId(), w.of(e, null), Double::sum);
    }
    Map<String, Long> pop = new HashMap<>();
    sums.forEach((c, byUser) -> pop.put(c, byUser.values().stream().filter(x -> x > 0).count()));
    long max = pop.values().stream().mapToLong(Long::longValue).max().orElseThrow();

    RecommendResult r = recommend("stranger", 10);
    assertThat(r.strategy()).isEqualTo(io.courserec.rec.Strategy.POPULAR);
    assertThat(r.items()).hasSize(10);
    assertThat(r.items().get(0).score()).isEqualTo(1.0);
    assertThat(pop.get(r.items().get(0).courseId())).isEqualTo(max);
    for (int i = 0; i < 10; i++) {
      RankedCourse c = r.items().get(i);
      assertThat(c.score()).isCloseTo((double) pop.get(c.courseId()) / max, within(1e-6)); // float scores
      if (i > 0) assertThat(c.score()).isLessThanOrEqualTo(r.items().get(i - 1).score());
    }
    // the same for a single algorithm that cannot serve a stranger
    assertThat(engine.recommend(new RecommendQuery("stranger", 3, 0, null, "itemknn", false, null)).strategy())
        .isEqualTo(io.courserec.rec.Strategy.POPULAR);
  }

  @Test
  void unknownLearnerWithInterestsGetsContentBasedColdStart() {
    RecommendResult r = engine.recommend(new RecommendQuery("newcomer", 5, 0, null, "hybrid", false,
        List.of("Spanish", "Conversation")));
    assertThat(r.strategy()).isEqualTo(io.courserec.rec.Strategy.COLD_START);
    assertThat(r.segment()).isEqualTo("cold");
    // the fixture's Spanish and Conversation skills belong to languages courses only (es1..es8)
    assertThat(r.items().get(0).courseId()).startsWith("es");
    assertThat(r.items().get(0).signals()).containsKey("content");
  }

  @Test
  void filtersApply() {
    RecommendResult r = engine.recommend(new RecommendQuery("u02", 10, 0,
        new CourseFilter(io.courserec.catalog.Level.ADVANCED, null, null, null, null), "hybrid", false, null));
    assertThat(r.items()).isNotEmpty().allSatisfy(c -> assertThat(c.level()).isIn("advanced", "mixed"));
  }

  @Test
  void feedbackChangesTheNextRecommendationAtOnce() {
    String user = "u11";
    RecommendResult before = recommend(user, 40);
    String enrolled = before.items().get(0).courseId();
    String dismissed = before.items().get(1).courseId();
    FeedbackResult f = engine.feedback(List.of(
        new Interaction(user, enrolled, EventType.ENROLL, null, Instant.now(), null),
        new Interaction(user, dismissed, EventType.DISMISS, null, Instant.now(), null)));
    assertThat(f.accepted()).isEqualTo(2);
    RecommendResult after = recommend(user, 40);
    assertThat(ids(after.items())).doesNotContain(enrolled, dismissed);
    assertThat(after.items()).hasSize(before.items().size() - 2);
    for (String a : List.of("pop", "cbr", "itemknn", "userknn", "mf")) {
      assertThat(ids(engine.recommend(new RecommendQuery(user, 40, 0, null, a, false, null)).items())).as(a)
          .doesNotContain(enrolled, dismissed);
    }
    ExplainResult why = engine.explain(user, dismissed);
    assertThat(why.rank()).isEqualTo(-1);
    assertThat(why.excludedBecause()).contains("dismissed");
    List<Interaction> history = engine.history(user);
    assertThat(history).hasSize(data.eventsOf(user).size() + 2);
    assertThat(history.subList(history.size() - 2, history.size())).extracting(Interaction::courseId)
        .containsExactly(enrolled, dismissed);
  }

  @Test
  void aRatedCourseNeverComesBackWhateverTheRating() {
    String user = "u14";
    RecommendResult before = recommend(user, 40);
    String likedIt = before.items().get(0).courseId();
    String hatedIt = before.items().get(1).courseId();
    engine.feedback(List.of(
        new Interaction(user, likedIt, EventType.RATE, 5.0, Instant.now(), null),
        new Interaction(user, hatedIt, EventType.RATE, 1.0, Instant.now(), null)));
    for (String a : List.of("hybrid", "pop", "cbr", "itemknn", "userknn", "mf")) {
      assertThat(ids(engine.recommend(new RecommendQuery(user, 40, 0, null, a, false, null)).items())).as(a)
          .doesNotContain(likedIt, hatedIt);
    }
    assertThat(engine.explain(user, likedIt).excludedBecause()).isEqualTo("you already rated it (5)");
  }

  @Test
  void aStrangerBecomesPersonalAfterFeedback() {
    String user = "walk-in";
    assertThatThrownBy(() -> engine.history(user)).isInstanceOf(UnknownEntityException.class);
    engine.feedback(List.of(new Interaction(user, "ds1", EventType.COMPLETE, null, Instant.now(), "w-1")));
    RecommendResult r = recommend(user, 5);
    assertThat(r.strategy()).isEqualTo(io.courserec.rec.Strategy.PERSONAL);
    assertThat(ids(r.items())).doesNotContain("ds1");
    assertThat(engine.history(user)).extracting(Interaction::eventId).containsExactly("w-1");
  }

  @Test
  void feedbackIsIdempotentByEventId() {
    long before = engine.status().feedbackEvents();
    Interaction e = new Interaction("u12", "py5", EventType.VIEW, null, Instant.now(), "idem-1");
    assertThat(engine.feedback(List.of(e))).isEqualTo(new FeedbackResult(1, 0, List.of()));
    assertThat(engine.feedback(List.of(e))).isEqualTo(new FeedbackResult(0, 1, List.of("idem-1")));
    assertThat(engine.status().feedbackEvents()).isEqualTo(before + 1);
    assertThat(engine.history("u12")).filteredOn(x -> "idem-1".equals(x.eventId())).hasSize(1);
  }

  @Test
  void feedbackIsValidatedBeforeAnythingIsStored() {
    long before = engine.status().feedbackEvents();
    Interaction good = new Interaction("u13", "py1", EventType.VIEW, null, Instant.now(), null);
    assertThatThrownBy(() -> engine.feedback(List.of(good,
        new Interaction("u13", "nope", EventType.VIEW, null, Instant.now(), null))))
        .isInstanceOf(UnknownEntityException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> engine.feedback(List.of(good,
        new Interaction("u13", "py1", EventType.RATE, null, Instant.now(), null))))
        .isInstanceOf(InvalidInputException.class).extracting(x -> ((InvalidInputException) x).field())
        .isEqualTo("events[1].rating");
    assertThatThrownBy(() -> engine.feedback(List.of(new Interaction("u13", "py1", EventType.RATE, 6.0, Instant.now(), null))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("[1, 5]");
    assertThatThrownBy(() -> engine.feedback(List.of(new Interaction("u13", "py1", EventType.VIEW, 4.0, Instant.now(), null))))
        .isInstanceOf(InvalidInputException.class).extracting(x -> ((InvalidInputException) x).field())
        .isEqualTo("events[0].rating");
    assertThatThrownBy(() -> engine.feedback(List.of(new Interaction("u13", "py1", EventType.VIEW, null,
        Instant.now().plusSeconds(7200), null))))
        .isInstanceOf(InvalidInputException.class).extracting(x -> ((InvalidInputException) x).field())
        .isEqualTo("events[0].timestamp");
    assertThat(engine.status().feedbackEvents()).isEqualTo(before);
  }

  @Test
  void searchFindsCoursesAndSaysWhenNothingMatched() {
    SearchResult r = engine.search(new SearchQuery("SQL", null, null, 5, 0));
    assertThat(r.personalised()).isFalse();
    assertThat(r.totalHits()).isPositive();
    assertThat(r.items().get(0).courseId()).isEqualTo("ds1"); // "SQL Foundations": the only title with SQL
    SearchResult p = engine.search(new SearchQuery("SQL", "u02", null, 5, 0));
    assertThat(p.personalised()).isTrue();
    assertThat(p.totalHits()).isEqualTo(r.totalHits());
    SearchResult stranger = engine.search(new SearchQuery("SQL", "nobody-at-all", null, 5, 0));
    assertThat(stranger.personalised()).isFalse();
    assertThat(engine.search(new SearchQuery("zyzzyva", null, null, 5, 0)).totalHits()).isZero();
    assertThatThrownBy(() -> engine.search(new SearchQuery(" ", null, null, 5, 0))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void similarCoursesAndCourseLookup() {
    List<RankedCourse> s = engine.similar("py1", 5);
    assertThat(s).hasSize(5).extracting(RankedCourse::courseId).doesNotContain("py1");
    assertThat(s.get(0).rank()).isEqualTo(1);
    assertThat(engine.course("py1").title()).isEqualTo("Python Foundations");
    assertThatThrownBy(() -> engine.similar("nope", 5)).isInstanceOf(UnknownEntityException.class)
        .extracting(e -> ((UnknownEntityException) e).kind()).isEqualTo("course");
    assertThatThrownBy(() -> engine.course("nope")).isInstanceOf(UnknownEntityException.class);
  }

  @Test
  void explainAgreesWithTheRankingAndNamesSignals() {
    RecommendResult r = recommend("u03", 3);
    for (RankedCourse c : r.items()) {
      ExplainResult e = engine.explain("u03", c.courseId());
      assertThat(e.rank()).isEqualTo(c.rank());
      assertThat(e.score()).isCloseTo(c.score(), within(1e-6)); // Lucene float scores vs the re-read blend
      assertThat(e.signals()).isNotEmpty();
      double sum = e.signals().values().stream().mapToDouble(ExplainResult.SignalPart::contribution).sum();
      assertThat(sum).isCloseTo(e.score(), within(1e-5));
      assertThat(e.summary()).contains("ranks " + c.rank());
    }
    String taken = data.eventsOf("u03").stream().filter(x -> EventWeights.defaults().marksTaken(x.event())).findFirst().orElseThrow().courseId();
    ExplainResult ex = engine.explain("u03", taken);
    assertThat(ex.rank()).isEqualTo(-1);
    assertThat(ex.excludedBecause()).containsAnyOf("enrolled", "completed");
    assertThatThrownBy(() -> engine.explain("u03", "nope")).isInstanceOf(UnknownEntityException.class);
    assertThatThrownBy(() -> engine.explain("nobody", "py1")).isInstanceOf(UnknownEntityException.class)
        .extracting(e -> ((UnknownEntityException) e).kind()).isEqualTo("user");
  }

  @Test
  void historyIsOldestFirst() {
    List<Interaction> h = engine.history("u04");
    assertThat(h).hasSize(data.eventsOf("u04").size());
    for (int i = 1; i < h.size(); i++) assertThat(h.get(i).timestamp()).isAfterOrEqualTo(h.get(i - 1).timestamp());
    assertThatThrownBy(() -> engine.history("nobody")).isInstanceOf(UnknownEntityException.class);
  }

  @Test
  void jobsAndModelsAreListed() {
    assertThatThrownBy(() -> engine.job("retrain-none")).isInstanceOf(UnknownEntityException.class)
        .extracting(e -> ((UnknownEntityException) e).kind()).isEqualTo("job");
    List<ModelInfo> models = engine.models();
    assertThat(models).hasSize(1);
    assertThat(models.get(0).current()).isTrue();
    assertThat(models.get(0).promoted()).isTrue();
    assertThat(models.get(0).timingsMs()).containsKeys("load_catalog", "read_feedback", "evaluate", "train", "save", "total");
  }
}
