package io.courserec.hybrid;

import io.courserec.catalog.EventWeights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.UnknownEntityException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridRecommenderTest {
  @TempDir static Path dir;
  static Dataset data = HybridFixture.build(11);
  static Config config = Config.defaults().with(io.courserec.config.ConfigKey.MF_RANK, 8);
  static HybridRecommender hybrid;

  @BeforeAll
  static void train() {
    hybrid = new HybridRecommender(config, dir.resolve("index"));
    hybrid.train(data);
  }

  @AfterAll
  static void close() {
    hybrid.close();
  }

  private static Set<String> takenOrDismissed(String user, List<Interaction> extra) {
    Set<String> s = new HashSet<>();
    for (Interaction e : data.eventsOf(user)) if (EventWeights.defaults().excludes(e)) s.add(e.courseId());
    for (Interaction e : extra) if (EventWeights.defaults().excludes(e)) s.add(e.courseId());
    return s;
  }

  @Test
  void neverRecommendsTakenOrDismissedCoursesAndScoresDecompose() {
    for (int u = 0; u < 120; u += 7) {
      String user = "u" + u;
      HybridRanking r = hybrid.rank(RecommendRequest.of(user, 10).withExplain(true));
      assertThat(r.strategy()).isEqualTo(io.courserec.rec.Strategy.PERSONAL);
      assertThat(r.items()).hasSize(10);
      for (HybridItem i : r.items()) {
        assertThat(takenOrDismissed(user, List.of())).doesNotContain(i.courseId());
        double sum = i.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(i.score(), within(1e-5)); // float scores vs double sums
        assertThat(i.confidence()).isBetween(0.0, 1.0);
        assertThat(i.evidence()).isNotEmpty();
      }
      for (int k = 1; k < r.items().size(); k++) {
        assertThat(r.items().get(k).score()).isLessThanOrEqualTo(r.items().get(k - 1).score());
      }
    }
  }

  @Test
  void recentFeedbackExcludesAndDismissIsNeverRecommended() {
    List<Recommendation> before = hybrid.recommend(RecommendRequest.of("u1", 5));
    String first = before.get(0).courseId();
    String second = before.get(1).courseId();
    List<Interaction> recent = List.of(Interaction.of("u1", first, EventType.ENROLL), Interaction.of("u1", second, EventType.DISMISS));
    List<Recommendation> after = hybrid.recommend(RecommendRequest.of("u1", 40).withRecentEvents(recent));
    assertThat(after).extracting(Recommendation::courseId).doesNotContain(first, second);
    assertThat(after).extracting(Recommendation::courseId).doesNotContainAnyElementsOf(takenOrDismissed("u1", recent));
  }

  @Test
  void coldStartLearnerGetsContentMatchesAndUnknownLearnerIsAnError() {
    HybridRanking cold = hybrid.rank(RecommendRequest.of("cold", 5).withExplain(true));
    assertThat(cold.strategy()).isEqualTo(io.courserec.rec.Strategy.COLD_START);
    assertThat(cold.segment()).isEqualTo(UserSegment.COLD);
    // declared kubernetes/docker/aws: the cloud subject (s2) must lead
    assertThat(cold.items().get(0).courseId()).startsWith("s2");
    assertThat(cold.items().get(0).evidence()).anySatisfy(e -> assertThat(e.signal()).isEqualTo(io.courserec.rec.EvidenceSource.CONTENT));
    HybridRanking byInterest = hybrid.rank(RecommendRequest.of("nobody", 5).withInterests(List.of("photoshop typography")));
    assertThat(byInterest.items().get(0).courseId()).startsWith("s3");
    assertThatThrownBy(() -> hybrid.rank(RecommendRequest.of("nobody", 5))).isInstanceOf(UnknownEntityException.class)
        .hasMessageContaining("nobody");
  }

  @Test
  void filtersHoldAndPagesAgree() {
    CourseFilter adv = new CourseFilter(Level.ADVANCED, null, null, null, null);
    List<Recommendation> page = hybrid.recommend(RecommendRequest.of("u3", 6).withFilter(adv));
    for (Recommendation r : page) assertThat(data.course(r.courseId()).orElseThrow().level()).isEqualTo(Level.ADVANCED);
    List<Recommendation> all = hybrid.recommend(RecommendRequest.of("u3", 8));
    RecommendRequest second = new RecommendRequest("u3", 4, 4, CourseFilter.NONE, Set.of(), false, false, List.of(), List.of());
    assertThat(hybrid.recommend(second)).extracting(Recommendation::courseId)
        .containsExactlyElementsOf(all.subList(4, 8).stream().map(Recommendation::courseId).toList());
  }

  @Test
  void explainMatchesTheRankingAndNamesExclusions() {
    HybridRanking r = hybrid.rank(RecommendRequest.of("u5", 10));
    HybridItem third = r.items().get(2);
    HybridExplanation e = hybrid.explain(RecommendRequest.of("u5", 10), third.courseId());
    assertThat(e.rank()).isEqualTo(3);
    assertThat(e.item().score()).isCloseTo(third.score(), within(1e-6));
    assertThat(e.luceneExplanation()).contains("hybrid blend");
    String taken = data.eventsOf("u5").stream().filter(x -> EventWeights.defaults().marksTaken(x.event())).findFirst().orElseThrow().courseId();
    HybridExplanation ex = hybrid.explain(RecommendRequest.of("u5", 10), taken);
    assertThat(ex.rank()).isEqualTo(-1);
    assertThat(ex.excludedBecause()).startsWith("you already");
    assertThatThrownBy(() -> hybrid.explain(RecommendRequest.of("u5", 10), "nope")).isInstanceOf(UnknownEntityException.class);
  }

  @Test
  void searchIsPlainBm25WithoutUserAndPersonalWithOne() {
    HybridRanking plain = hybrid.search("kubernetes", null, CourseFilter.NONE, 5, 0);
    assertThat(plain.strategy()).isEqualTo(io.courserec.rec.Strategy.SEARCH);
    assertThat(plain.items()).isNotEmpty().allSatisfy(i -> assertThat(i.courseId()).startsWith("s2"));
    HybridRanking personal = hybrid.search("learn", "u2", CourseFilter.NONE, 10, 0);
    assertThat(personal.strategy()).isEqualTo(io.courserec.rec.Strategy.SEARCH_PERSONAL);
    assertThat(hybrid.search("zzzqqq", null, CourseFilter.NONE, 5, 0).items()).isEmpty();
    assertThat(hybrid.search("C++ AND title:(", null, CourseFilter.NONE, 5, 0).items()).isEmpty();
  }

  @Test
  void saveLoadGivesIdenticalRecommendations() throws Exception {
    Path models = dir.resolve("models");
    hybrid.save(models);
    try (HybridRecommender loaded = new HybridRecommender(config, dir.resolve("index"))) {
      loaded.load(models, data);
      for (String u : List.of("u0", "u9", "u33", "cold")) {
        List<Recommendation> a = hybrid.recommend(RecommendRequest.of(u, 10));
        List<Recommendation> b = loaded.recommend(RecommendRequest.of(u, 10));
        assertThat(b).extracting(Recommendation::courseId).containsExactlyElementsOf(a.stream().map(Recommendation::courseId).toList());
        for (int i = 0; i < a.size(); i++) assertThat(b.get(i).score()).isCloseTo(a.get(i).score(), within(1e-6));
      }
    }
  }

  @Test
  void aSavedVersionHoldsTheSnapshotOnceAndEveryLoadedComponentSharesIt() throws Exception {
    Path models = dir.resolve("models-shared");
    hybrid.save(models);
    List<String> components = List.of("pop", "itemknn", "userknn", "mf", "itemknn-recent", "seq", "ease");
    assertThat(models.resolve(io.courserec.cf.SnapshotModel.SHARED_DIR).resolve("learners.bin")).isRegularFile();
    for (String c : components) {
      assertThat(models.resolve(c).resolve("manifest.json")).isRegularFile();
      assertThat(models.resolve(c).resolve("learners.bin")).as(c + " keeps no copy").doesNotExist();
      assertThat(models.resolve(c).resolve("rows.col")).as(c + " keeps no copy").doesNotExist();
    }
    try (HybridRecommender loaded = new HybridRecommender(config, dir.resolve("index"))) {
      loaded.load(models, data);
      HybridModels m = loaded.models();
      io.courserec.cf.InteractionSnapshot one = m.snapshot();
      List<io.courserec.cf.SnapshotModel> all = new java.util.ArrayList<>(List.of(m.pop(), m.itemKnn(), m.userKnn(), m.mf()));
      all.addAll(m.lists().values());
      assertThat(all).hasSize(7).allSatisfy(c -> assertThat(c.snapshot()).as(c.name()).isSameAs(one));
      assertSameLists(loaded);
    }

    // a version written before the snapshot was shared: every component with its own copy, no shared directory
    Path old = dir.resolve("models-old");
    hybrid.save(old);
    for (String c : components) {
      for (String f : List.of("learners.bin", "rows.col")) {
        java.nio.file.Files.copy(old.resolve("snapshot").resolve(f), old.resolve(c).resolve(f));
      }
    }
    HybridFiles.deleteTree(old.resolve("snapshot"));
    try (HybridRecommender loaded = new HybridRecommender(config, dir.resolve("index"))) {
      loaded.load(old, data);
      assertThat(loaded.models().mf().snapshot()).as("still read once").isSameAs(loaded.models().itemKnn().snapshot());
      assertSameLists(loaded);
    }
  }

  @Test
  void aModelIsNotLoadedOntoAnotherDataSetsSnapshot() throws Exception {
    Path models = dir.resolve("models-mismatch");
    hybrid.save(models);
    Dataset other = HybridFixture.build(12);
    io.courserec.cf.InteractionSnapshot foreign = io.courserec.cf.InteractionSnapshot.build(other, config);
    io.courserec.mf.MfRecommender mf = new io.courserec.mf.MfRecommender(config);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mf.load(models.resolve("mf"), data, foreign))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("another snapshot");
  }

  private static void assertSameLists(HybridRecommender loaded) {
    for (String u : List.of("u0", "u9", "u33", "cold")) {
      List<Recommendation> a = hybrid.recommend(RecommendRequest.of(u, 10));
      List<Recommendation> b = loaded.recommend(RecommendRequest.of(u, 10));
      assertThat(b).extracting(Recommendation::courseId).containsExactlyElementsOf(a.stream().map(Recommendation::courseId).toList());
    }
  }

  @Test
  void switchingModeUsesOneSignal() {
    try (HybridRecommender sw = new HybridRecommender(config.with(io.courserec.config.ConfigKey.HYBRID_MODE, "switch"), null)) {
      sw.train(data);
      HybridRanking r = sw.rank(RecommendRequest.of("u0", 5));
      long nonZero = r.weights().asMap().values().stream().filter(w -> w > 0).count();
      assertThat(nonZero).isEqualTo(1);
    }
  }
}
