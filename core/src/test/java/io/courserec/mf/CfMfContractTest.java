package io.courserec.mf;

import io.courserec.catalog.EventWeights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.gen.SyntheticFeedback;
import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Level;
import io.courserec.cf.EaseRecommender;
import io.courserec.cf.Fixtures;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.RecentItemKnnRecommender;
import io.courserec.cf.SequenceRecommender;
import io.courserec.cf.UserKnnRecommender;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Recommender} contract for every CF/MF algorithm and variant, checked against the raw events (not
 * the model's own bookkeeping) on a seeded synthetic data set: exclusions, filters, paging, ordering, unknown ids,
 * persistence and concurrent use.
 */
class CfMfContractTest {
  private static Dataset data;
  private static Map<String, Set<String>> taken;
  private static Map<String, Set<String>> dismissed;

  @BeforeAll
  static void data() {
    data = SyntheticFeedback.generate(300, 60, 5000, 5, 21);
    taken = new HashMap<>();
    dismissed = new HashMap<>();
    for (Interaction e : data.interactions()) index(e);
  }

  private static void index(Interaction e) {
    if (EventWeights.defaults().marksTaken(e.event())) taken.computeIfAbsent(e.userId(), u -> new HashSet<>()).add(e.courseId());
    if (e.event() == EventType.DISMISS) dismissed.computeIfAbsent(e.userId(), u -> new HashSet<>()).add(e.courseId());
  }

  static Stream<Arguments> algorithms() {
    Function<Map<ConfigKey, Object>, Config> c = Fixtures::config;
    return Stream.of(
        Arguments.of("pop", (Function<Config, Recommender>) PopularityRecommender::new, c.apply(Map.of())),
        Arguments.of("itemknn cosine", (Function<Config, Recommender>) ItemKnnRecommender::new, c.apply(Map.of())),
        Arguments.of("itemknn adjusted cosine", (Function<Config, Recommender>) ItemKnnRecommender::new,
            c.apply(Map.of(ConfigKey.ITEMKNN_SIMILARITY, "adjusted_cosine"))),
        Arguments.of("userknn cosine", (Function<Config, Recommender>) UserKnnRecommender::new, c.apply(Map.of())),
        Arguments.of("userknn pearson", (Function<Config, Recommender>) UserKnnRecommender::new,
            c.apply(Map.of(ConfigKey.USERKNN_SIMILARITY, "pearson"))),
        Arguments.of("mf als", (Function<Config, Recommender>) MfRecommender::new,
            c.apply(Map.of(ConfigKey.MF_RANK, 8, ConfigKey.MF_ITERATIONS, 5))),
        Arguments.of("mf als count cg", (Function<Config, Recommender>) MfRecommender::new,
            c.apply(Map.of(ConfigKey.MF_RANK, 8, ConfigKey.MF_ITERATIONS, 5, ConfigKey.MF_REG_SCALING, "count",
                ConfigKey.MF_SOLVER, "cg"))),
        Arguments.of("mf puresvd", (Function<Config, Recommender>) MfRecommender::new,
            c.apply(Map.of(ConfigKey.MF_METHOD, "puresvd", ConfigKey.MF_RANK, 8))),
        Arguments.of("itemknn-recent position", (Function<Config, Recommender>) RecentItemKnnRecommender::new,
            c.apply(Map.of())),
        Arguments.of("itemknn-recent time", (Function<Config, Recommender>) RecentItemKnnRecommender::new,
            c.apply(Map.of(ConfigKey.RECENT_MODE, "time"))),
        Arguments.of("seq", (Function<Config, Recommender>) SequenceRecommender::new, c.apply(Map.of())),
        Arguments.of("ease", (Function<Config, Recommender>) EaseRecommender::new, c.apply(Map.of())),
        Arguments.of("ease weighted", (Function<Config, Recommender>) EaseRecommender::new,
            c.apply(Map.of(ConfigKey.EASE_INPUT, "weighted", ConfigKey.EASE_LAMBDA, 1000))));
  }

  private static Recommender trained(Function<Config, Recommender> ctor, Config config) {
    Recommender r = ctor.apply(config);
    r.train(data);
    return r;
  }

  private static String user(int learner) { return data.learner(learner).id(); }

  /** A random request: recent events, exclusions, a level filter, paging and includeTaken all vary. */
  private static RecommendRequest randomRequest(SplittableRandom rnd, String user) {
    List<Interaction> recent = new ArrayList<>();
    EventType[] types = EventType.values();
    for (int n = rnd.nextInt(4); n > 0; n--) {
      EventType t = types[rnd.nextInt(types.length)];
      recent.add(new Interaction(user, data.course(rnd.nextInt(data.numCourses())).id(), t,
          t == EventType.RATE ? 4.0 : null, null));
    }
    Set<String> exclude = new HashSet<>();
    for (int n = rnd.nextInt(4); n > 0; n--) exclude.add(data.course(rnd.nextInt(data.numCourses())).id());
    CourseFilter filter = rnd.nextBoolean() ? CourseFilter.NONE : new CourseFilter(Level.BEGINNER, null, null, null, null);
    return new RecommendRequest(user, 1 + rnd.nextInt(20), rnd.nextInt(6), filter, exclude, rnd.nextInt(5) == 0,
        rnd.nextBoolean(), recent, List.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void neverReturnsSeenDismissedExcludedOrFilteredCourses(String name, Function<Config, Recommender> ctor, Config config) {
    Recommender r = trained(ctor, config);
    SplittableRandom rnd = new SplittableRandom(5);
    int nonEmpty = 0;
    for (int n = 0; n < 150; n++) {
      String user = user(rnd.nextInt(data.numLearners()));
      RecommendRequest req = randomRequest(rnd, user);
      Set<String> tk = new HashSet<>(taken.getOrDefault(user, Set.of()));
      Set<String> dm = new HashSet<>(dismissed.getOrDefault(user, Set.of()));
      for (Interaction e : req.recentEvents()) {
        if (EventWeights.defaults().marksTaken(e.event())) tk.add(e.courseId());
        if (e.event() == EventType.DISMISS) dm.add(e.courseId());
      }
      List<Recommendation> recs = r.recommend(req);
      if (!recs.isEmpty()) nonEmpty++;
      assertThat(recs.size()).isLessThanOrEqualTo(req.k());
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < recs.size(); i++) {
        Recommendation rec = recs.get(i);
        Course course = data.course(rec.courseId()).orElseThrow();
        assertThat(ids.add(rec.courseId())).as("duplicate").isTrue();
        assertThat(dm).as("%s: dismissed course returned to %s", name, user).doesNotContain(rec.courseId());
        if (!req.includeTaken()) assertThat(tk).as("taken course returned").doesNotContain(rec.courseId());
        assertThat(req.exclude()).doesNotContain(rec.courseId());
        assertThat(req.filter().test(course)).isTrue();
        assertThat(rec.evidence().isEmpty()).isEqualTo(!req.explain());
        if (i > 0) {
          Recommendation prev = recs.get(i - 1);
          assertThat(rec.score()).isLessThanOrEqualTo(prev.score());
          if (rec.score() == prev.score()) {
            assertThat(data.courseOrdinal(rec.courseId())).isGreaterThan(data.courseOrdinal(prev.courseId()));
          }
        }
      }
    }
    assertThat(nonEmpty).as("most requests get recommendations").isGreaterThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void pagesAreSlicesOfTheLongerList(String name, Function<Config, Recommender> ctor, Config config) {
    Recommender r = trained(ctor, config);
    for (int u = 0; u < 30; u++) {
      List<Recommendation> all = r.recommend(RecommendRequest.of(user(u), 8));
      List<Recommendation> page = r.recommend(new RecommendRequest(user(u), 5, 3, null, null, false, false, null, null));
      assertThat(page).isEqualTo(all.subList(Math.min(3, all.size()), all.size()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void unknownLearnerAndCourseAreClearErrors(String name, Function<Config, Recommender> ctor, Config config) {
    Recommender r = trained(ctor, config);
    RecommendRequest ghost = RecommendRequest.of("nobody", 5);
    assertThat(r.canRecommend(ghost)).isFalse();
    assertThatThrownBy(() -> r.recommend(ghost)).isInstanceOfSatisfying(UnknownEntityException.class, e -> {
      assertThat(e.kind()).isEqualTo("user");
      assertThat(e.id()).isEqualTo("nobody");
    });
    RecommendRequest badCourse = RecommendRequest.of(user(0), 5)
        .withRecentEvents(List.of(Interaction.of(user(0), "no-such-course", EventType.VIEW)));
    assertThat(r.canRecommend(badCourse)).isFalse();
    assertThatThrownBy(() -> r.recommend(badCourse)).isInstanceOfSatisfying(UnknownEntityException.class, e -> {
      assertThat(e.kind()).isEqualTo("course");
      assertThat(e.id()).isEqualTo("no-such-course");
    });
    // A learner the model never saw is served from recent events alone.
    RecommendRequest cold = ghost.withRecentEvents(List.of(Interaction.of("nobody", data.course(0).id(), EventType.COMPLETE),
        Interaction.of("nobody", data.course(1).id(), EventType.ENROLL)));
    assertThat(r.canRecommend(cold)).isTrue();
    assertThat(r.recommend(cold)).isNotEmpty().extracting(Recommendation::courseId)
        .doesNotContain(data.course(0).id(), data.course(1).id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void saveThenLoadGivesIdenticalRecommendations(String name, Function<Config, Recommender> ctor, Config config,
                                                 @TempDir Path dir) throws IOException {
    Recommender r = trained(ctor, config);
    r.save(dir);
    assertThat(dir.resolve("manifest.json")).exists();
    Recommender loaded = ctor.apply(config);
    loaded.load(dir, data);
    SplittableRandom rnd = new SplittableRandom(8);
    for (int n = 0; n < 60; n++) {
      RecommendRequest req = randomRequest(rnd, user(rnd.nextInt(data.numLearners())));
      assertThat(loaded.recommend(req)).isEqualTo(r.recommend(req));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void loadRefusesAnotherCatalogAndDamagedFiles(String name, Function<Config, Recommender> ctor, Config config,
                                                @TempDir Path dir) throws IOException {
    Recommender r = trained(ctor, config);
    r.save(dir);
    Dataset other = SyntheticFeedback.generate(50, 61, 500, 5, 3);
    assertThatThrownBy(() -> ctor.apply(config).load(dir, other)).isInstanceOf(IOException.class)
        .hasMessageContaining("another course catalog");
    Path bin;
    try (Stream<Path> files = Files.list(dir)) {
      bin = files.filter(p -> p.toString().endsWith(".bin")).sorted().findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(bin);
    bytes[bytes.length - 12] ^= 0x5a;
    Files.write(bin, bytes);
    assertThatThrownBy(() -> ctor.apply(config).load(dir, data)).isInstanceOf(IOException.class);
    Files.delete(dir.resolve("manifest.json"));
    assertThatThrownBy(() -> ctor.apply(config).load(dir, data)).isInstanceOf(IOException.class)
        .hasMessageContaining("manifest.json");
    assertThatThrownBy(() -> ctor.apply(config).recommend(RecommendRequest.of(user(0), 3)))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void concurrentRequestsMatchSequentialOnes(String name, Function<Config, Recommender> ctor, Config config) throws Exception {
    Recommender r = trained(ctor, config);
    List<RecommendRequest> reqs = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(3);
    for (int n = 0; n < 80; n++) reqs.add(randomRequest(rnd, user(rnd.nextInt(data.numLearners()))));
    List<List<Recommendation>> expected = reqs.stream().map(r::recommend).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Recommendation>>> got = new ArrayList<>();
      for (RecommendRequest q : reqs) got.add(pool.submit(() -> r.recommend(q)));
      for (int i = 0; i < reqs.size(); i++) assertThat(got.get(i).get()).isEqualTo(expected.get(i));
    } finally {
      pool.shutdownNow();
    }
  }
}
