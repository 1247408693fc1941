package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.hybrid.BlendedSource;
import io.courserec.hybrid.signals.ContentSignal;
import io.courserec.hybrid.signals.CourseArraySignal;
import io.courserec.hybrid.signals.ItemCfSignal;
import io.courserec.hybrid.signals.MfSignal;
import io.courserec.hybrid.signals.PriorSignal;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.CourseFields;
import io.courserec.index.CourseSignals;
import io.courserec.index.IndexHandle;
import io.courserec.index.TestCatalog;
import io.courserec.rec.CourseFilter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hybrid query against a straightforward in-memory computation of the same blend on the 8-course test catalog.
 * Signals are planted by hand: factors for ordinals 0-6 (7 has none), neighbour lists for 1, 3, 5, 7 (others
 * none), priors for all but 6.
 */
class HybridQueryTest {
  @TempDir static Path root;
  static CatalogIndex index;
  static Dataset data = TestCatalog.dataset();
  static float[][] factors = new float[8][];
  static Map<Integer, int[]> nbrOrd = new HashMap<>();
  static Map<Integer, float[]> nbrSim = new HashMap<>();
  static float[] pop = new float[8];
  static float[] rating = new float[8];

  static final int[] HISTORY = {0, 2};
  static final float[] WEIGHTS = {1.0f, 0.5f};
  static final float[] USER = {0.5f, -0.2f, 0.9f};
  static final float[] USERCF = {0, 0.25f, 0, 1.0f, 0.5f, 0, 0, 0.75f};

  @BeforeAll
  static void build() throws Exception {
    CourseSignals.Builder b = CourseSignals.builder("test-model", 8);
    for (int i = 0; i < 7; i++) {
      factors[i] = new float[] {0.1f * i, 0.3f - 0.05f * i, 0.2f + 0.1f * (i % 3)};
      b.itemFactors(i, factors[i]);
    }
    nbrOrd.put(1, new int[] {0, 5, 2});
    nbrSim.put(1, new float[] {0.8f, 0.4f, 0.1f});
    nbrOrd.put(3, new int[] {4, 0});
    nbrSim.put(3, new float[] {0.9f, 0.3f});
    nbrOrd.put(5, new int[] {1, 2});
    nbrSim.put(5, new float[] {0.6f, 0.5f});
    nbrOrd.put(7, new int[] {5, 1});
    nbrSim.put(7, new float[] {0.7f, 0.2f});
    nbrOrd.forEach((o, n) -> b.neighbors(o, n, nbrSim.get(o)));
    for (int i = 0; i < 8; i++) {
      pop[i] = i == 6 ? Float.NaN : (i + 1) / 8f;
      rating[i] = i == 6 ? Float.NaN : 0.6f + 0.04f * i;
      if (i != 6) b.popularityPrior(i, pop[i]).ratingPrior(i, rating[i]);
    }
    for (int i = 0; i < 7; i++) MF_MAX = Math.max(MF_MAX, MfSignal.dot(USER, factors[i]));
    new CatalogIndexer(root, Config.defaults()).reindex(data, b.build());
    index = CatalogIndex.open(root);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static Query profileQuery() {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String t : CourseFields.analyze(CourseFields.SKILLS, "Python Programming")) {
      q.add(new TermQuery(new Term(CourseFields.SKILLS, t)), BooleanClause.Occur.SHOULD);
    }
    for (String t : CourseFields.analyze(CourseFields.TITLE, "data")) {
      q.add(new TermQuery(new Term(CourseFields.TITLE, t)), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  static double itemCfRaw(int ord) {
    int[] n = nbrOrd.get(ord);
    if (n == null) return 0;
    double s = 0;
    for (int k = 0; k < n.length; k++) {
      for (int h = 0; h < HISTORY.length; h++) if (HISTORY[h] == n[k]) s += nbrSim.get(ord)[k] * WEIGHTS[h];
    }
    return s;
  }

  /** The learner's best dot product over the planted factors (the MF normaliser). */
  static double MF_MAX;

  static final BlendWeights W = BlendWeights.of(java.util.Map.of(Signal.CONTENT, 0.3, Signal.ITEMCF, 0.25,
      Signal.USERCF, 0.15, Signal.MF, 0.2, Signal.PRIOR, 0.1));

  private BlendedSource blend(IndexSearcher s) throws Exception {
    Query profile = profileQuery();
    double contentMax = s.search(profile, 1).scoreDocs[0].score;
    double itemMax = 0;
    for (int i = 0; i < 8; i++) itemMax = Math.max(itemMax, itemCfRaw(i));
    Map<Signal, DoubleValuesSource> m = new EnumMap<>(Signal.class);
    m.put(Signal.CONTENT, ContentSignal.ofQuery(profile, contentMax));
    m.put(Signal.ITEMCF, ItemCfSignal.of(HISTORY, WEIGHTS, itemMax));
    m.put(Signal.USERCF, CourseArraySignal.of(Signal.USERCF.code(), USERCF, "test"));
    m.put(Signal.MF, MfSignal.of(USER, factors, MF_MAX));
    m.put(Signal.PRIOR, PriorSignal.of(0.3, 0.5));
    return BlendedSource.of(m, W);
  }

  /** The blend computed without Lucene scoring machinery (BM25 taken from a plain search of the profile query). */
  private Map<String, Double> expected(IndexSearcher s, Set<String> excluded, CourseFilter filter) throws Exception {
    Query profile = profileQuery();
    TopDocs all = s.search(profile, 100);
    double contentMax = all.scoreDocs[0].score;
    Map<String, Double> bm25 = new HashMap<>();
    try (IndexHandle h = index.acquire()) {
      for (ScoreDoc sd : all.scoreDocs) bm25.put(h.course(sd.doc).id(), (double) sd.score);
    }
    double itemMax = 0;
    for (int i = 0; i < 8; i++) itemMax = Math.max(itemMax, itemCfRaw(i));
    Map<String, Double> out = new HashMap<>();
    for (int i = 0; i < 8; i++) {
      var c = data.course(i);
      if (excluded.contains(c.id()) || !filter.test(c)) continue;
      double content = bm25.getOrDefault(c.id(), 0.0) / contentMax;
      double itemcf = itemCfRaw(i) / itemMax;
      double usercf = USERCF[i];
      double mf = factors[i] == null ? 0 : Math.max(0, Math.min(1, MfSignal.dot(USER, factors[i]) / MF_MAX));
      double p = Float.isNaN(pop[i]) ? 0 : pop[i];
      double r = Float.isNaN(rating[i]) ? 0.5 : rating[i];
      double prior = 0.7 * p + 0.3 * r;
      out.put(c.id(), W.of(Signal.CONTENT) * content + W.of(Signal.ITEMCF) * itemcf + W.of(Signal.USERCF) * usercf + W.of(Signal.MF) * mf + W.of(Signal.PRIOR) * prior);
    }
    return out;
  }

  private Map<String, Double> actual(IndexHandle h, HybridQuery q) throws Exception {
    Map<String, Double> out = new HashMap<>();
    for (ScoreDoc sd : h.searcher().search(q, 100).scoreDocs) out.put(h.course(sd.doc).id(), (double) sd.score);
    return out;
  }

  @Test
  void scoresEqualInMemoryBlend() throws Exception {
    try (IndexHandle h = index.acquire()) {
      IndexSearcher s = h.searcher();
      Set<String> excluded = Set.of("py-intro");
      HybridQuery q = HybridQuery.of(CandidateQueries.recommendation(CourseFilter.NONE, excluded), blend(s));
      Map<String, Double> want = expected(s, excluded, CourseFilter.NONE);
      Map<String, Double> got = actual(h, q);
      assertThat(got.keySet()).isEqualTo(want.keySet()).hasSize(7);
      // Lucene scores are floats: 1e-5 absolute is a few float ulps at scores <= 1.
      want.forEach((id, v) -> assertThat(got.get(id)).as(id).isCloseTo(v, within(1e-5)));
    }
  }

  @Test
  void filtersAndExclusionsHold() throws Exception {
    try (IndexHandle h = index.acquire()) {
      CourseFilter beginner = new CourseFilter(Level.BEGINNER, "en", null, null, null);
      Set<String> excluded = Set.of("sql-basics");
      HybridQuery q = HybridQuery.of(CandidateQueries.recommendation(beginner, excluded), blend(h.searcher()));
      Map<String, Double> got = actual(h, q);
      // beginner or mixed, English, minus sql-basics: py-intro (beginner) and ds-found (mixed)
      assertThat(got.keySet()).containsExactlyInAnyOrder("py-intro", "ds-found");
      Map<String, Double> want = expected(h.searcher(), excluded, beginner);
      want.forEach((id, v) -> assertThat(got.get(id)).as(id).isCloseTo(v, within(1e-5)));
    }
  }

  @Test
  void explainSumsToTheScoreAndNamesMissingSignals() throws Exception {
    try (IndexHandle h = index.acquire()) {
      IndexSearcher s = h.searcher();
      HybridQuery q = HybridQuery.of(CandidateQueries.recommendation(CourseFilter.NONE, Set.of()), blend(s));
      for (ScoreDoc sd : s.search(q, 100).scoreDocs) {
        Explanation e = s.explain(q, sd.doc);
        assertThat(e.getValue().doubleValue()).isCloseTo(sd.score, within(1e-5));
        Explanation blendExp = findBlend(e);
        double sum = 0;
        for (Explanation part : blendExp.getDetails()) sum += part.getValue().doubleValue();
        assertThat(sum).isCloseTo(sd.score, within(1e-5));
      }
      int ml = h.docId("ds-found"); // ordinal 7: no factors
      assertThat(s.explain(q, ml).toString()).contains("mf: course has no factors");
      int spanish = h.docId("spanish"); // ordinal 6: no priors, no neighbours
      assertThat(s.explain(q, spanish).toString()).contains("popularity missing (0)").contains("no neighbour list");
    }
  }

  private static Explanation findBlend(Explanation e) {
    if (e.getDescription().startsWith("hybrid blend")) return e;
    for (Explanation d : e.getDetails()) {
      Explanation f = findBlend(d);
      if (f != null) return f;
    }
    return null;
  }

  @Test
  void equalsAndHashCodeAreByValue() throws Exception {
    try (IndexHandle h = index.acquire()) {
      IndexSearcher s = h.searcher();
      Query cand = CandidateQueries.recommendation(CourseFilter.NONE, Set.of("cpp"));
      HybridQuery a = HybridQuery.of(cand, blend(s));
      HybridQuery b = HybridQuery.of(CandidateQueries.recommendation(CourseFilter.NONE, Set.of("cpp")), blend(s));
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      HybridQuery c = HybridQuery.of(cand, BlendedSource.of(blend(s).sources(), BlendWeights.only(Signal.CONTENT)));
      assertThat(a).isNotEqualTo(c);
      assertThat(MfSignal.of(new float[] {1, 2}, factors, 1)).isEqualTo(MfSignal.of(new float[] {1, 2}, factors, 1))
          .isNotEqualTo(MfSignal.of(new float[] {1, 3}, factors, 1)).isNotEqualTo(MfSignal.of(new float[] {1, 2}, factors, 2))
          .isNotEqualTo(MfSignal.of(new float[] {1, 2}, factors.clone(), 1));
      assertThat(a.toString()).contains("hybrid(");
    }
  }

  @Test
  void zeroWeightSignalsAreDroppedAndUserWithoutDataGetsPriorOnly() throws Exception {
    try (IndexHandle h = index.acquire()) {
      Map<Signal, DoubleValuesSource> m = new EnumMap<>(Signal.class);
      m.put(Signal.PRIOR, PriorSignal.of(0.3, 0.5));
      m.put(Signal.MF, null); // no factors for this learner
      BlendedSource only = BlendedSource.of(m, BlendWeights.of(java.util.Map.of(Signal.MF, 0.5, Signal.PRIOR, 0.5)));
      assertThat(only.sources()).containsOnlyKeys(Signal.PRIOR);
      HybridQuery q = HybridQuery.of(CandidateQueries.recommendation(CourseFilter.NONE, Set.of()), only);
      Map<String, Double> got = actual(h, q);
      // ml (ordinal 5): pop 6/8, rating 0.8 -> 0.5 * (0.7*0.75 + 0.3*0.8) = 0.3825
      assertThat(got.get("ml")).isCloseTo(0.3825, within(1e-6));
      // spanish (ordinal 6) has no priors: 0.5 * (0 + 0.3*0.5) = 0.075
      assertThat(got.get("spanish")).isCloseTo(0.075, within(1e-6));
    }
  }
}
