package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.config.ConfigKey;
import io.courserec.rec.Evidence;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequence signal on a hand-made ordered log over courses A = c0, B = c1, C = c2, D = c3 (enrolments, one per
 * day; the file order is deliberately not the time order for u2):
 *
 * <pre>
 *   u0: A(day 1) B(day 2) C(day 3)
 *   u1: A(day 1) C(day 2)
 *   u2: A(day 3) B(day 1) C(day 2)     → in time order B, C, A
 *   u3: D dismissed (day 1), A (day 2) → D is not positive and takes no place in the sequence
 * </pre>
 *
 * Window w = 2, weight 1/distance, shrinkage β = 1:
 * <pre>
 *   u0: A→B 1, A→C 1/2, B→C 1      u1: A→C 1      u2: B→C 1, B→A 1/2, C→A 1      u3: nothing
 *   C(A→B) = 1, C(A→C) = 3/2, C(A) = 5/2;  C(B→C) = 2, C(B→A) = 1/2, C(B) = 5/2;  C(C→A) = 1, C(C) = 1
 *   s = C(X→Y) / (C(X) + 1):  s(A→B) = 2/7, s(A→C) = 3/7, s(B→C) = 4/7, s(B→A) = 1/7, s(C→A) = 1/2
 * </pre>
 *
 * Stored at the targets, strongest first: N(A) = {C 1/2, B 1/7}, N(B) = {A 2/7}, N(C) = {B 4/7, A 3/7}, N(D) = {}.
 * Lists are floats: tolerance 1e-6.
 */
class SequenceRecommenderTest {
  private static final Instant DAY0 = Instant.parse("2024-03-01T00:00:00Z");

  private static Interaction at(String user, String course, EventType type, int day) {
    return new Interaction(user, course, type, null, DAY0.plusSeconds(86_400L * day));
  }

  static Dataset orderedLog() {
    List<Interaction> e = new ArrayList<>(List.of(
        at("u0", "c0", EventType.ENROLL, 1), at("u0", "c1", EventType.ENROLL, 2), at("u0", "c2", EventType.ENROLL, 3),
        at("u1", "c0", EventType.ENROLL, 1), at("u1", "c2", EventType.ENROLL, 2),
        at("u2", "c0", EventType.ENROLL, 3), at("u2", "c1", EventType.ENROLL, 1), at("u2", "c2", EventType.ENROLL, 2),
        at("u3", "c3", EventType.DISMISS, 1), at("u3", "c0", EventType.ENROLL, 2)));
    return Dataset.of(Fixtures.courses(4), List.of(Learner.anonymous("u0")), e);
  }

  private static SequenceRecommender trained(int neighbors) {
    SequenceRecommender r = new SequenceRecommender(Fixtures.config(Map.of(ConfigKey.SEQ_WINDOW, 2,
        ConfigKey.SEQ_SHRINKAGE, 1, ConfigKey.SEQ_NEIGHBORS, neighbors, ConfigKey.SEQ_DECAY, 0.5)));
    r.train(orderedLog());
    return r;
  }

  @Test
  void countsOrderedPairsWithinTheWindow() {
    ItemKnnModel m = trained(50).model();
    assertThat(m.neighborOrdinals(0)).containsExactly(2, 1);
    assertThat(m.neighborSimilarities(0)).containsExactly(new float[] {1f / 2, 1f / 7}, within(1e-6f));
    assertThat(m.neighborOrdinals(1)).containsExactly(0);
    assertThat(m.neighborSimilarities(1)).containsExactly(new float[] {2f / 7}, within(1e-6f));
    assertThat(m.neighborOrdinals(2)).containsExactly(1, 0);
    assertThat(m.neighborSimilarities(2)).containsExactly(new float[] {4f / 7, 3f / 7}, within(1e-6f));
    assertThat(m.neighborOrdinals(3)).isEmpty();
  }

  /* K = 1 successor per source: A keeps C (3/7 > 2/7), B keeps C (4/7 > 1/7), C keeps A (1/2). */
  @Test
  void keepsTheTopKSuccessorsOfEachCourse() {
    ItemKnnModel m = trained(1).model();
    assertThat(m.neighborOrdinals(0)).containsExactly(2);
    assertThat(m.neighborOrdinals(1)).isEmpty();
    assertThat(m.neighborOrdinals(2)).containsExactly(1, 0);
  }

  /*
   * A new learner enrolled in A then B (recent events without timestamps: list order), decay 0.5: B is the most
   * recent (weight 1), A one step back (0.5). Both are taken, D has no predecessors, so only C is returned:
   *   score(C) = s(B→C)·1 + s(A→C)·0.5 = 4/7 + 3/14 = 11/14
   * In the other order (B then A): score(C) = s(A→C)·1 + s(B→C)·0.5 = 3/7 + 2/7 = 5/7.
   */
  @Test
  void theMostRecentCoursesDecideMost() {
    SequenceRecommender r = trained(50);
    List<Recommendation> ab = r.recommend(RecommendRequest.of("new", 10).withExplain(true).withRecentEvents(List.of(
        Fixtures.ev("new", "c0", EventType.ENROLL), Fixtures.ev("new", "c1", EventType.ENROLL))));
    assertThat(ab).extracting(Recommendation::courseId).containsExactly("c2");
    assertThat(ab.get(0).score()).isCloseTo(11.0 / 14, within(1e-6));
    List<Evidence> why = ab.get(0).evidence();
    assertThat(why).extracting(Evidence::text).containsExactly(
        "learners who took Course c1, which you enrolled in, often went on to this",
        "learners who took Course c0, which you enrolled in, often went on to this");
    assertThat(why.stream().mapToDouble(Evidence::contribution).sum()).isCloseTo(ab.get(0).score(), within(1e-6));
    List<Recommendation> ba = r.recommend(RecommendRequest.of("new", 10).withRecentEvents(List.of(
        Fixtures.ev("new", "c1", EventType.ENROLL), Fixtures.ev("new", "c0", EventType.ENROLL))));
    assertThat(ba.get(0).score()).isCloseTo(5.0 / 7, within(1e-6));
  }

  /* The index path: Σ_{j ∈ N(i) ∩ H} w(i,j)·x_u(j) from the lists and historyWeights equals scores(h), per course. */
  @Test
  void listsAndHistoryWeightsReproduceTheScores() {
    SequenceRecommender r = trained(50);
    UserHistory h = r.snapshot().history("u2", List.of());
    float[] x = r.historyWeights(h);
    float[] scores = r.scores(h);
    for (int i = 0; i < 4; i++) {
      Neighbors n = r.model().neighbors(i);
      double sum = 0;
      boolean any = false;
      for (int q = 0; q < n.size(); q++) {
        int p = h.indexOf(n.ids()[q]);
        if (p >= 0 && x[p] != 0) {
          sum += n.similarities()[q] * x[p];
          any = true;
        }
      }
      if (any) assertThat((double) scores[i]).isCloseTo(sum, within(1e-6));
      else assertThat(scores[i]).isNaN();
    }
  }

  /*
   * u2 was trained with A last (day 3): score(B) = s(A→B)·1 + (C one step back, C ∉ N(B)) = 2/7, while B is taken;
   * with includeTaken the ranking over A, B, C is C (s(A→C)·1 + s(B→C)·0.25 = 3/7 + 1/7 = 4/7), B (2/7),
   * A (s(C→A)·0.5 + s(B→A)·0.25 = 1/4 + 1/28 = 2/7): B and A tie at 2/7 in exact arithmetic, so only C's score and
   * place are asserted. The same answers after save → load (the order is in interactions.bin).
   */
  @Test
  void trainingOrderSurvivesSaveAndLoad(@TempDir Path dir) throws IOException {
    SequenceRecommender r = trained(50);
    RecommendRequest req = new RecommendRequest("u2", 10, 0, null, null, true, true, List.of(), List.of());
    List<Recommendation> before = r.recommend(req);
    assertThat(before.get(0).courseId()).isEqualTo("c2");
    assertThat(before.get(0).score()).isCloseTo(4.0 / 7, within(1e-6));
    r.save(dir);
    SequenceRecommender loaded = new SequenceRecommender(Fixtures.config(Map.of(ConfigKey.SEQ_DECAY, 0.5)));
    loaded.load(dir, orderedLog());
    assertThat(loaded.recommend(req)).isEqualTo(before);
    assertThat(loaded.params()).containsEntry("window", 2);
  }
}
