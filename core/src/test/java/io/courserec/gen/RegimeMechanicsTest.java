package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.EventType;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts the regimes are built from: follow-up lists, the log-normal popularity, ratings, the truth file. */
class RegimeMechanicsTest {
  @TempDir Path tmp;

  private static final GeneratorSettings SMALL = GeneratorSettings.defaults(5).withCourses(300).withUsers(800).withThreads(1);

  @Test
  void followUpsStayInTheSubjectStartWithAChainSuccessorAndAreSeeded() {
    SyntheticCatalog catalog = new DataGenerator(SMALL).synthesizeCatalog();
    FollowUps f = FollowUps.build(catalog, 5);
    int withSuccessor = 0;
    for (int c = 0; c < catalog.numCourses(); c++) {
      int[] next = f.of(c);
      assertThat(next).as("course %d", c).hasSize(FollowUps.LENGTH).doesNotContain(c).doesNotHaveDuplicates();
      for (int d : next) assertThat(catalog.traits(d).subject()).isEqualTo(catalog.traits(c).subject());
      if (catalog.successors(c).length > 0) {
        withSuccessor++;
        assertThat(catalog.successors(c)).contains(next[0]);
      }
    }
    assertThat(withSuccessor).isGreaterThan(50); // about 44 % of courses have a prerequisite, so many have successors
    assertThat(FollowUps.build(catalog, 5).of(17)).isEqualTo(f.of(17));
    // slot draws: [0, 0.6) -> 0, [0.6, 0.85) -> 1, [0.85, 1) -> 2
    assertThat(List.of(FollowUps.slot(0.0), FollowUps.slot(0.59), FollowUps.slot(0.6), FollowUps.slot(0.849),
        FollowUps.slot(0.85), FollowUps.slot(0.999))).containsExactly(0, 0, 1, 1, 2, 2);
  }

  @Test
  void inverseNormalMatchesTablesAndIsSymmetric() {
    // Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.8413447) = 1.0, Φ⁻¹(0.001) = −3.090232 (standard tables); Acklam's error < 1.2e-9
    assertThat(PopularityPrior.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-6));
    assertThat(PopularityPrior.inverseNormal(0.8413447461)).isCloseTo(1.0, within(1e-6));
    assertThat(PopularityPrior.inverseNormal(0.001)).isCloseTo(-3.090232, within(1e-6));
    assertThat(PopularityPrior.inverseNormal(0.5)).isCloseTo(0, within(1e-12));
    assertThat(PopularityPrior.inverseNormal(0.3) + PopularityPrior.inverseNormal(0.7)).isCloseTo(0, within(1e-9));
  }

  @Test
  void logNormalPopularityKeepsTheOrderAndSpreadZeroKeepsTheCatalogValues() {
    SyntheticCatalog catalog = new DataGenerator(SMALL).synthesizeCatalog();
    PopularityPrior same = PopularityPrior.of(catalog, 0);
    PopularityPrior spread = PopularityPrior.of(catalog, 1.75);
    assertThat(same.sampler()).isSameAs(catalog.popularity());
    int n = catalog.numCourses();
    double sum = 0;
    for (int c = 0; c < n; c++) {
      assertThat(same.logPopularity(c)).isEqualTo(catalog.traits(c).logPopularity());
      sum += spread.logPopularity(c);
      for (int d = 0; d < n; d += 7) {
        if (catalog.traits(c).logPopularity() > catalog.traits(d).logPopularity()) {
          assertThat(spread.logPopularity(c)).isGreaterThan(spread.logPopularity(d));
        }
      }
    }
    // symmetric normal quantiles: mean 0; the most popular of 300 gets 1.75 Φ⁻¹(1 − 0.5/300) = 1.75 x 2.935 = 5.14
    assertThat(sum / n).isCloseTo(0, within(1e-9));
    double max = 0;
    for (int c = 0; c < n; c++) max = Math.max(max, spread.logPopularity(c));
    assertThat(max).isCloseTo(5.136, within(0.01));
  }

  @Test
  void ratingsFollowTheHiddenTaste() {
    // simulate ratings-only learners directly and correlate each rating with the hidden-factor match h_u . h_c
    // (which no file shows). Measured r = 0.146 over 57,895 ratings of 800 learners (standard error of r about
    // 0.004, so the lower bound 0.10 is more than 10 standard errors below, and no taste would give 0); the hidden
    // term is one part of the fit among subject, goals, style and organisation, and the rating adds quality and
    // N(0, 0.8) noise, so r stays modest.
    GeneratorSettings s = SMALL.withRegimes(List.of(GeneratorRegime.RATINGS_ONLY));
    BehaviourModel model = GeneratorRegime.model(s.regimes());
    SyntheticCatalog catalog = new DataGenerator(s).synthesizeCatalog();
    LearnerSynthesizer learners = new LearnerSynthesizer(catalog, model, s.eventsPerUser());
    BehaviourSimulator sim = new BehaviourSimulator(catalog, model, PopularityPrior.of(catalog, 0), null,
        s.windowStart().getEpochSecond(), s.windowEnd().getEpochSecond());
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < s.numUsers(); i++) {
      SplittableRandom rng = new SplittableRandom(1000 + i);
      LearnerSynthesizer.SyntheticLearner l = learners.draw("u" + i, false, rng);
      for (BehaviourSimulator.SimulatedEvent e : sim.simulate(l.taste(), rng)) {
        assertThat(e.type()).isEqualTo(EventType.RATE);
        float[] hc = catalog.traits(e.course()).hidden();
        double dot = 0;
        for (int k = 0; k < hc.length; k++) dot += l.taste().hidden()[k] * hc[k];
        pairs.add(new double[] {e.rating(), dot});
      }
    }
    assertThat(pairs.size()).isGreaterThan(20_000);
    assertThat(pearson(pairs)).isBetween(0.10, 0.25);
  }

  private static double pearson(List<double[]> xy) {
    double n = xy.size();
    double mx = xy.stream().mapToDouble(p -> p[0]).sum() / n;
    double my = xy.stream().mapToDouble(p -> p[1]).sum() / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double[] p : xy) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void noPrerequisitesHidesTheColumnWritesTheTruthAndKeepsTheBehaviour() throws IOException {
    new DataGenerator(SMALL).generate(tmp.resolve("with"), ProgressListener.NONE);
    new DataGenerator(SMALL.withPrerequisiteColumn(false)).generate(tmp.resolve("without"), ProgressListener.NONE);
    // the learners and their events are the same bytes: only the column moved
    for (String f : List.of("users.csv", "interactions.csv")) {
      assertThat(Files.mismatch(tmp.resolve("with").resolve(f), tmp.resolve("without").resolve(f))).as(f).isEqualTo(-1L);
    }
    assertThat(tmp.resolve("with").resolve(DataGenerator.PREREQUISITES_TRUTH)).doesNotExist();
    GeneratedFiles with = GeneratedFiles.read(tmp.resolve("with"));
    GeneratedFiles without = GeneratedFiles.read(tmp.resolve("without"));
    Set<String> edges = new HashSet<>();
    for (Map<String, String> c : with.courses()) {
      if (c.get("prerequisites").isEmpty()) continue;
      for (String p : c.get("prerequisites").split("\\|")) edges.add(c.get("course_id") + "," + p);
    }
    assertThat(edges).hasSizeGreaterThan(100); // about 44 % of 300 courses list one or two
    Map<String, String> titles = new HashMap<>();
    for (Map<String, String> c : with.courses()) titles.put(c.get("course_id"), c.get("title"));
    for (int i = 0; i < with.courses().size(); i++) {
      Map<String, String> a = new HashMap<>(with.courses().get(i));
      Map<String, String> b = without.courses().get(i);
      // the column is empty and the description no longer names the first prerequisite; nothing else changes
      assertThat(b.get("prerequisites")).isEmpty();
      assertThat(b.get("description")).doesNotContain("It continues where");
      if (!a.get("prerequisites").isEmpty()) {
        String sentence = " It continues where " + titles.get(a.get("prerequisites").split("\\|")[0]) + " left off.";
        assertThat(a.get("description")).contains(sentence);
        a.put("description", a.get("description").replace(sentence, ""));
      }
      a.put("prerequisites", "");
      assertThat(b).isEqualTo(a);
    }
    List<String> truth = Files.readAllLines(tmp.resolve("without").resolve(DataGenerator.PREREQUISITES_TRUTH));
    assertThat(truth.get(0)).isEqualTo("course_id,prerequisite_id");
    assertThat(truth.subList(1, truth.size())).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(edges);
    // a later run with the column removes the stale truth file
    new DataGenerator(SMALL).generate(tmp.resolve("without"), ProgressListener.NONE);
    assertThat(tmp.resolve("without").resolve(DataGenerator.PREREQUISITES_TRUTH)).doesNotExist();
  }
}
