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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User-kNN similarities and scores, derived by hand in the comments; float tolerance 1e-6. */
class UserKnnRecommenderTest {
  private static UserKnnRecommender trained(Dataset d, String similarity, int k) {
    UserKnnRecommender r = new UserKnnRecommender(Fixtures.config(Map.of(ConfigKey.USERKNN_SIMILARITY, similarity,
        ConfigKey.USERKNN_NEIGHBORS, k, ConfigKey.USERKNN_SHRINK, 1)));
    r.train(d);
    return r;
  }

  /*
   * Cosine on Fixtures.knnMatrix() for u3 (x = c0:1, c2:3; ‖x‖ = √10), λ = 1:
   *   u0 (‖x‖ = √35): co-rated c0, c2: 1·5 + 3·1 = 8, n = 2 → 8/√350 · 2/3 = 0.285079
   *   u1 (‖x‖ = √34, c3's dismissal is not positive): c0: 1·3 = 3, n = 1 → 3/√340 · 1/2 = 0.081349
   *   u2 (‖x‖ = √30): c2: 3·5 = 15, n = 1 → 15/√300 · 1/2 = √3/4 = 0.433013
   * K = 2 keeps u2, u0. Scores Σ sim·r(v,i): c0 = 5·s0; c1 = 3·s0 + 1·s2; c2 (taken) excluded; c3 = 2·s2.
   */
  @Test
  void cosineNeighboursAndScores() {
    UserKnnRecommender r = trained(Fixtures.knnMatrix(), "cosine", 2);
    UserHistory h = r.snapshot().history("u3", List.of());
    Neighbors n = r.neighbors(h);
    double s0 = 8 / Math.sqrt(350) * 2 / 3;
    double s2 = Math.sqrt(3) / 4;
    assertThat(n.ids()).containsExactly(2, 0);
    assertThat(n.similarities()[0]).isCloseTo((float) s2, within(1e-6f));
    assertThat(n.similarities()[1]).isCloseTo((float) s0, within(1e-6f));
    float[] scores = r.scoresFor(h);
    assertThat(scores[2]).isCloseTo((float) (s0 + 5 * s2), within(1e-6f));
    List<Recommendation> recs = r.recommend(RecommendRequest.of("u3", 10).withExplain(true));
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c0", "c1", "c3");
    assertThat(recs.get(0).score()).isCloseTo(5 * s0, within(1e-6));
    assertThat(recs.get(1).score()).isCloseTo(3 * s0 + s2, within(1e-6));
    assertThat(recs.get(2).score()).isCloseTo(2 * s2, within(1e-6));
    // c0: u0 completed it (taken); c3: u2 only bookmarked it.
    assertThat(recs.get(0).evidence()).extracting(Evidence::text).containsExactly("1 similar learner took it");
    assertThat(recs.get(2).evidence()).extracting(Evidence::text)
        .containsExactly("1 similar learner showed interest in it");
  }

  /*
   * Pearson on Fixtures.knnMatrix() for u3 (mean 2: a = c0 -1, c2 +1), λ = 1:
   *   u0 (mean 3: c0 +2, c2 -2): Σab = -2 - 2 = -4 < 0 → not a neighbour
   *   u1 (mean 4: c0 -1): Σab = 1, Σa² = 1, Σb² = 1 → 1 · 1/2 = 0.5
   *   u2 (mean 8/3: c2 +7/3): Σab = 7/3, Σa² = 1, Σb² = 49/9 → 1 · 1/2 = 0.5   (tie: u1 first by ordinal)
   * Scores: c0 = 0.5·3 = 1.5; c1 = 0.5·5 + 0.5·1 = 3; c3 = 0.5·(-5) + 0.5·2 = -1.5 (negative, not returned).
   */
  @Test
  void pearsonNeighboursAndScores() {
    UserKnnRecommender r = trained(Fixtures.knnMatrix(), "pearson", 5);
    Neighbors n = r.neighbors(r.snapshot().history("u3", List.of()));
    assertThat(n.ids()).containsExactly(1, 2);
    assertThat(n.similarities()).containsExactly(0.5f, 0.5f);
    List<Recommendation> recs = r.recommend(RecommendRequest.of("u3", 10));
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c1", "c0");
    assertThat(recs.get(0).score()).isCloseTo(3.0, within(1e-6));
    assertThat(recs.get(1).score()).isCloseTo(1.5, within(1e-6));
  }

  /*
   * Three co-rated courses. t: c0 5, c1 3, c2 1 (mean 3 → a = 2, 0, -2; ‖x‖² = 35);
   * v: c0 5, c1 2, c2 1, c3 3 (mean 11/4 → b = 9/4, -3/4, -7/4, c3 not co-rated; ‖x‖² = 39).
   * Pearson: Σab = 9/2 + 0 + 7/2 = 8, Σa² = 8, Σb² = 81/16 + 9/16 + 49/16 = 139/16 → 8/√(8·139/16) · 3/4
   * Cosine: (25 + 6 + 1)/√(35·39) · 3/4
   */
  @Test
  void pearsonAndCosineOverSeveralCoRatedCourses() {
    List<Interaction> e = List.of(
        Fixtures.ev("t", "c0", EventType.COMPLETE), Fixtures.ev("t", "c1", EventType.ENROLL),
        Fixtures.ev("t", "c2", EventType.VIEW),
        Fixtures.ev("v", "c0", EventType.COMPLETE), Fixtures.ev("v", "c1", EventType.BOOKMARK),
        Fixtures.ev("v", "c2", EventType.VIEW), Fixtures.ev("v", "c3", EventType.ENROLL));
    Dataset d = Dataset.of(Fixtures.courses(4), List.<Learner>of(), e);
    UserKnnRecommender pearson = trained(d, "pearson", 5);
    assertThat(pearson.neighbors(pearson.snapshot().history("t", List.of())).similarities()[0])
        .isCloseTo((float) (8 / Math.sqrt(8 * 139.0 / 16) * 3 / 4), within(1e-6f));
    UserKnnRecommender cosine = trained(d, "cosine", 5);
    assertThat(cosine.neighbors(cosine.snapshot().history("t", List.of())).similarities()[0])
        .isCloseTo((float) (32 / Math.sqrt(35 * 39) * 3 / 4), within(1e-6f));
    // t has taken c0 and c1 and viewed c2: v's c3 (r = 3) is the recommendation, and c2 (viewed) scores 1·sim.
    assertThat(cosine.recommend(RecommendRequest.of("t", 5))).extracting(Recommendation::courseId)
        .containsExactly("c3", "c2");
  }

  /*
   * A learner not in training with a recent completion of c2 (x = c2:5, norm 5), cosine, λ = 1:
   * u0: 5·1/(5·√35)·1/2, u2: 5·5/(5·√30)·1/2, u3: 5·3/(5·√10)·1/2 → u3 (0.4743) > u2 (0.4564) > u0 (0.0845).
   */
  @Test
  void learnerNotInTrainingGetsNeighboursFromRecentEvents() {
    UserKnnRecommender r = trained(Fixtures.knnMatrix(), "cosine", 3);
    UserHistory h = r.snapshot().history("newbie", List.of(Fixtures.ev("x", "c2", EventType.COMPLETE)));
    assertThat(h.inTraining()).isFalse();
    Neighbors n = r.neighbors(h);
    assertThat(n.ids()).containsExactly(3, 2, 0);
    assertThat(n.similarities()[0]).isCloseTo((float) (3 / Math.sqrt(10) / 2), within(1e-6f));
  }

  /*
   * cf.user.max_postings: knnMatrix plus u4 enrolled in c2, so u3's courses have postings c0 = 3 learners (u0, u1,
   * u3) and c2 = 4 (u0, u2, u3, u4). A budget below 7 walks the rarer c0 alone (at least one course is always walked;
   * c0 + c2 = 7 exceeds it): u3 (‖x‖ = √10) meets u0 (c0: 1·5, ‖x‖ = √35, n = 1 → 5/√350 · 1/2) and u1 (c0: 1·3,
   * ‖x‖ = √34 → 3/√340 · 1/2); u2, met only through c2, is not found. A budget of 7 walks both: the full search.
   */
  @Test
  void aPostingsBudgetWalksTheRarestCoursesFirst() {
    List<Interaction> e = new java.util.ArrayList<>(Fixtures.knnMatrix().interactions());
    e.add(Fixtures.ev("u4", "c2", EventType.ENROLL));
    Dataset d = Dataset.of(Fixtures.courses(4), List.of(Learner.anonymous("u0")), e);
    for (int budget : new int[] {1, 3, 6}) {
      UserKnnRecommender r = new UserKnnRecommender(Fixtures.config(Map.of(ConfigKey.USERKNN_NEIGHBORS, 5,
          ConfigKey.USERKNN_SHRINK, 1, ConfigKey.USERKNN_MAX_POSTINGS, budget)));
      r.train(d);
      Neighbors n = r.neighbors(r.snapshot().history("u3", List.of()));
      assertThat(n.ids()).as("budget %d", budget).containsExactly(0, 1);
      assertThat(n.similarities()[0]).isCloseTo((float) (5 / Math.sqrt(350) / 2), within(1e-6f));
      assertThat(n.similarities()[1]).isCloseTo((float) (3 / Math.sqrt(340) / 2), within(1e-6f));
    }
    for (int budget : new int[] {0, 7}) {
      UserKnnRecommender bounded = new UserKnnRecommender(Fixtures.config(Map.of(ConfigKey.USERKNN_NEIGHBORS, 5,
          ConfigKey.USERKNN_SHRINK, 1, ConfigKey.USERKNN_MAX_POSTINGS, budget)));
      bounded.train(d);
      Neighbors n = bounded.neighbors(bounded.snapshot().history("u3", List.of()));
      assertThat(n.ids()).as("budget %d: every course walked", budget).contains(0, 1, 2);
    }
  }

  /** A course only this learner took costs 1 and finds nobody: the walk goes on to the first course others share. */
  @Test
  void aBudgetStillReachesACourseOthersTook() {
    List<Interaction> e = new java.util.ArrayList<>(Fixtures.knnMatrix().interactions());
    e.add(Fixtures.ev("u3", "c4", EventType.ENROLL)); // c4: u3's alone, posting 1; then c0 and c2 (3 each)
    Dataset d = Dataset.of(Fixtures.courses(5), List.of(Learner.anonymous("u0")), e);
    UserKnnRecommender r = new UserKnnRecommender(Fixtures.config(Map.of(ConfigKey.USERKNN_NEIGHBORS, 5,
        ConfigKey.USERKNN_SHRINK, 1, ConfigKey.USERKNN_MAX_POSTINGS, 1)));
    r.train(d);
    assertThat(r.neighbors(r.snapshot().history("u3", List.of())).size()).isPositive();
  }

  /**
   * The per-request accumulators are a hash table over the learners met (not arrays over all learners): on 3,000
   * learners, reused across requests from the pool, the neighbours equal a brute-force pass over every learner
   * with the class comment's formulas, for both similarities; and a model saved and loaded (its rows mapped from
   * disk) answers exactly as the trained one. Tolerance 1e-5 relative: the brute force sums in another order.
   */
  @Test
  void neighboursEqualABruteForcePassAndSurviveAMappedReload(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.util.Random rnd = new java.util.Random(11);
    EventType[] types = {EventType.VIEW, EventType.ENROLL, EventType.COMPLETE, EventType.BOOKMARK, EventType.DISMISS};
    List<Interaction> e = new java.util.ArrayList<>();
    for (int u = 0; u < 3000; u++) {
      int n = 1 + rnd.nextInt(12);
      for (int k = 0; k < n; k++) e.add(Fixtures.ev("u" + u, "c" + rnd.nextInt(60), types[rnd.nextInt(types.length)]));
    }
    Dataset d = Dataset.of(Fixtures.courses(60), List.of(), e);
    for (String similarity : List.of("cosine", "pearson")) {
      UserKnnRecommender r = new UserKnnRecommender(Fixtures.config(Map.of(ConfigKey.USERKNN_SIMILARITY, similarity,
          ConfigKey.USERKNN_NEIGHBORS, 20, ConfigKey.USERKNN_SHRINK, 2, ConfigKey.USERKNN_MAX_POSTINGS, 0)));
      r.train(d);
      io.courserec.catalog.InteractionMatrix m = r.snapshot().matrix();
      for (int u = 0; u < 3000; u += 97) {
        Neighbors n = r.neighbors(r.snapshot().history("u" + u, List.of()));
        double[] brute = bruteForce(m, u, similarity.equals("pearson"), 2);
        Integer[] order = new Integer[brute.length];
        for (int v = 0; v < order.length; v++) order[v] = v;
        java.util.Arrays.sort(order, (a, b) -> brute[a] != brute[b] ? Double.compare(brute[b], brute[a]) : Integer.compare(a, b));
        int expected = 0;
        while (expected < 20 && brute[order[expected]] > 0) expected++;
        assertThat(n.size()).as("%s u%d", similarity, u).isEqualTo(expected);
        for (int q = 0; q < expected; q++) {
          assertThat((double) n.similarities()[q]).isCloseTo(brute[order[q]], within(1e-5 * brute[order[q]]));
        }
      }
      java.nio.file.Path saved = dir.resolve(similarity);
      r.save(saved);
      UserKnnRecommender loaded = new UserKnnRecommender(Fixtures.config(Map.of(ConfigKey.USERKNN_MAX_POSTINGS, 0)));
      loaded.load(saved, d);
      for (int u = 0; u < 3000; u += 31) {
        RecommendRequest req = RecommendRequest.of("u" + u, 10).withExplain(true);
        assertThat(loaded.recommend(req)).as("u%d", u).isEqualTo(r.recommend(req));
      }
      // a rows file written before the unit column: cosine divides by the norms at the end instead; same neighbours
      java.nio.file.Path older = dir.resolve(similarity + "-older");
      r.save(older);
      dropLastColumn(older.resolve(LearnerRows.FILE));
      UserKnnRecommender old = new UserKnnRecommender(Fixtures.config(Map.of(ConfigKey.USERKNN_MAX_POSTINGS, 0)));
      old.load(older, d);
      assertThat(old.snapshot().rows().positive().unit()).isNull();
      for (int u = 0; u < 3000; u += 31) {
        Neighbors a = loaded.neighbors(loaded.snapshot().history("u" + u, List.of()));
        Neighbors b = old.neighbors(old.snapshot().history("u" + u, List.of()));
        assertThat(b.size()).isEqualTo(a.size());
        for (int q = 0; q < a.size(); q++) {
          // 1e-6 relative: the unit values are b / |b| rounded to float
          assertThat(b.similarities()[q]).as("u%d neighbour %d", u, q).isCloseTo(a.similarities()[q], within(1e-6f * a.similarities()[q]));
        }
      }
    }
  }

  /** Rewrites a rows file without its last column (the unit values), as a build before that column wrote it. */
  private static void dropLastColumn(java.nio.file.Path file) throws java.io.IOException {
    io.courserec.catalog.ColumnFile.Reader r = io.courserec.catalog.ColumnFile.open(file, "learner-rows");
    long nl = r.readLong();
    long nc = r.readLong();
    List<Object> cols = new java.util.ArrayList<>(List.of(r.ints(), r.ints(), r.floats(), r.bytes(), r.ints(), r.floats(),
        r.ints(), r.ints(), r.floats(), r.floats(), r.doubles()));
    r.floats(); // the unit values, left out
    r.finish();
    java.nio.file.Path tmp = file.resolveSibling("rows.tmp");
    try (io.courserec.catalog.ColumnFile.Writer w = io.courserec.catalog.ColumnFile.writer(tmp, "learner-rows")) {
      w.writeLong(nl);
      w.writeLong(nc);
      for (Object c : cols) {
        if (c instanceof io.courserec.catalog.Column.Ints i) w.writeInts(i);
        else if (c instanceof io.courserec.catalog.Column.Floats f) w.writeFloats(f);
        else if (c instanceof io.courserec.catalog.Column.Doubles x) w.writeDoubles(x);
        else w.writeBytes((io.courserec.catalog.Column.Bytes) c);
      }
    }
    java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** sim(u,v) for every learner v by the class comment's formulas, straight from the matrix (0 for u itself). */
  private static double[] bruteForce(io.courserec.catalog.InteractionMatrix m, int u, boolean pearson, double shrink) {
    double[] sim = new double[m.numLearners()];
    double meanU = mean(m, u);
    double normU = 0;
    for (int p = m.rowStart(u); p < m.rowEnd(u); p++) if (m.vals()[p] > 0) normU += (double) m.vals()[p] * m.vals()[p];
    normU = Math.sqrt(normU);
    for (int v = 0; v < m.numLearners(); v++) {
      if (v == u) continue;
      double meanV = mean(m, v);
      double normV = 0;
      for (int p = m.rowStart(v); p < m.rowEnd(v); p++) if (m.vals()[p] > 0) normV += (double) m.vals()[p] * m.vals()[p];
      normV = Math.sqrt(normV);
      double ab = 0;
      double aa = 0;
      double bb = 0;
      int n = 0;
      for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
        float x = m.vals()[p];
        float y = m.get(v, m.cols()[p]);
        if (x > 0 && y > 0) {
          double a = pearson ? x - meanU : x;
          double b = pearson ? y - meanV : y;
          ab += a * b;
          aa += a * a;
          bb += b * b;
          n++;
        }
      }
      double denom = pearson ? Math.sqrt(aa * bb) : normU * normV;
      sim[v] = n == 0 || denom == 0 ? 0 : ab / denom * (n / (n + shrink));
    }
    return sim;
  }

  private static double mean(io.courserec.catalog.InteractionMatrix m, int u) {
    double s = 0;
    int n = 0;
    for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
      if (m.vals()[p] > 0) {
        s += m.vals()[p];
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }
}
