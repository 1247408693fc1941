package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Course;
import io.courserec.catalog.Level;
import io.courserec.hybrid.BlendedSource;
import io.courserec.hybrid.signals.ContentSignal;
import io.courserec.hybrid.signals.CourseArraySignal;
import io.courserec.hybrid.signals.ItemCfSignal;
import io.courserec.hybrid.signals.MfSignal;
import io.courserec.hybrid.signals.PriorSignal;
import io.courserec.index.CourseDocuments;
import io.courserec.index.CourseFields;
import io.courserec.index.CourseSignals;
import io.courserec.rec.CourseFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one scoring query in Lucene's test style: random catalogs indexed into many segments (no merging, documents
 * in shuffled order so doc ids and course ordinals disagree, some documents deleted), random planted signals and
 * weights, random candidate sets, filters and exclusions. Every case is checked against a brute-force
 * computation of the same blend from the planted arrays (the twin of the fast path); explain must give the score
 * and match exactly the candidates; the scorer's maximum score must bound every score; equal queries are equal and
 * hash alike. Each seed is one case; the seeds are fixed.
 */
class HybridQueryRandomTest {
  private static final String[] WORDS = {"python", "data", "sql", "statistics", "design", "music", "finance",
      "cloud", "security", "writing", "biology", "marketing", "robotics", "history", "ethics", "spanish"};
  /** Scores are floats: 1e-5 absolute is a few float ulps at blend values in [0,1]. */
  private static final double TOL = 1e-5;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void onePassScoresEqualTheBruteForceBlend(long seed) throws Exception {
    Random rnd = new Random(seed);
    int n = 40 + rnd.nextInt(260);
    int rank = 2 + rnd.nextInt(6);
    List<Course> courses = new ArrayList<>();
    CourseSignals.Builder sig = CourseSignals.builder("random-" + seed, n);
    float[][] factors = new float[n][];
    int[][] nbr = new int[n][];
    float[][] sim = new float[n][];
    float[] pop = new float[n];
    float[] rating = new float[n];
    for (int i = 0; i < n; i++) {
      String w1 = WORDS[rnd.nextInt(WORDS.length)];
      String w2 = WORDS[rnd.nextInt(WORDS.length)];
      courses.add(new Course("c" + i, w1 + " and " + w2, "about " + w2, List.of(w1), "org", Level.BEGINNER, "s",
          rnd.nextBoolean() ? "en" : "fr", 10.0, "10 hours", null, null, "", List.of()));
      if (rnd.nextDouble() < 0.9) {
        factors[i] = new float[rank];
        for (int d = 0; d < rank; d++) factors[i][d] = (float) rnd.nextGaussian();
        sig.itemFactors(i, factors[i]);
      }
      if (rnd.nextDouble() < 0.7) {
        int k = 1 + rnd.nextInt(8);
        nbr[i] = new int[k];
        sim[i] = new float[k];
        for (int q = 0; q < k; q++) {
          nbr[i][q] = (i + 1 + rnd.nextInt(n - 1)) % n; // another course
          sim[i][q] = rnd.nextFloat();
        }
        sig.neighbors(i, nbr[i], sim[i]);
      }
      pop[i] = rnd.nextDouble() < 0.1 ? Float.NaN : rnd.nextFloat();
      rating[i] = rnd.nextDouble() < 0.2 ? Float.NaN : rnd.nextFloat();
      if (!Float.isNaN(pop[i])) sig.popularityPrior(i, pop[i]);
      if (!Float.isNaN(rating[i])) sig.ratingPrior(i, rating[i]);
    }
    CourseSignals signals = sig.build();

    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig iwc = new IndexWriterConfig(CourseFields.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
      Set<Integer> deleted = new HashSet<>();
      try (IndexWriter w = new IndexWriter(dir, iwc)) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, rnd);
        int perSegment = 5 + rnd.nextInt(40);
        int inSegment = 0;
        for (int i : order) {
          w.addDocument(CourseDocuments.toDocument(courses.get(i), i, signals));
          if (++inSegment == perSegment) {
            w.flush();
            inSegment = 0;
          }
        }
        for (int i = 0; i < n; i++) {
          if (rnd.nextDouble() < 0.05) {
            deleted.add(i);
            w.deleteDocuments(new Term(CourseFields.ID, "c" + i));
          }
        }
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves().size()).as("several segments").isGreaterThan(1);
        IndexSearcher searcher = new IndexSearcher(reader);
        for (int trial = 0; trial < 6; trial++) {
          check(rnd, searcher, reader, courses, factors, nbr, sim, pop, rating, deleted, trial % 3 == 2);
        }
      }
    }
  }

  private void check(Random rnd, IndexSearcher searcher, DirectoryReader reader, List<Course> courses,
                     float[][] factors, int[][] nbr, float[][] sim, float[] pop, float[] rating, Set<Integer> deleted,
                     boolean search) throws Exception {
    int n = courses.size();
    // the learner
    int hist = rnd.nextInt(6);
    Set<Integer> histSet = new java.util.TreeSet<>();
    while (histSet.size() < hist) histSet.add(rnd.nextInt(n));
    int[] hOrd = histSet.stream().mapToInt(Integer::intValue).toArray();
    float[] hW = new float[hOrd.length];
    for (int p = 0; p < hW.length; p++) hW[p] = 0.1f + 0.9f * rnd.nextFloat();
    int rank = 0;
    for (float[] f : factors) if (f != null) rank = f.length;
    float[] user = new float[rank];
    for (int d = 0; d < rank; d++) user[d] = (float) rnd.nextGaussian();
    float[] ucf = new float[n];
    float[] seq = new float[n];
    for (int i = 0; i < n; i++) {
      ucf[i] = rnd.nextDouble() < 0.5 ? 0 : rnd.nextFloat();
      seq[i] = rnd.nextDouble() < 0.7 ? 0 : rnd.nextFloat();
    }
    double priorShare = rnd.nextDouble();
    double mfMax = 0;
    double itemMax = 0;
    for (int i = 0; i < n; i++) {
      if (factors[i] != null) mfMax = Math.max(mfMax, MfSignal.dot(user, factors[i]));
      itemMax = Math.max(itemMax, itemRaw(i, nbr, sim, hOrd, hW));
    }
    // the request: exclusions, a filter, a candidate set (recommendation) or a text query (search)
    Set<String> excluded = new HashSet<>();
    for (int i = 0; i < n; i++) if (rnd.nextDouble() < 0.1) excluded.add("c" + i);
    CourseFilter filter = rnd.nextBoolean() ? CourseFilter.NONE : new CourseFilter(null, "fr", null, null, null);
    Set<Integer> candidateSet = new HashSet<>();
    for (int i = 0; i < n; i++) if (rnd.nextDouble() < 0.4) candidateSet.add(i);
    Query text = new TermQuery(new Term(CourseFields.SKILLS, CourseFields.analyze(CourseFields.SKILLS,
        WORDS[rnd.nextInt(WORDS.length)]).get(0)));
    Query candidates = search ? CandidateQueries.search(text, filter, excluded)
        : CandidateQueries.recommendation(filter, excluded, candidateSet.stream().mapToInt(Integer::intValue).toArray(), reader);
    double textMax = 0;
    Map<Integer, Double> bm25 = new HashMap<>();
    for (ScoreDoc sd : searcher.search(text, n).scoreDocs) {
      int ord = ordinalOf(searcher, sd.doc);
      bm25.put(ord, (double) sd.score);
      textMax = Math.max(textMax, sd.score);
    }
    if (search && textMax == 0) return; // the word matches no live course: nothing to compare

    Map<Signal, DoubleValuesSource> sources = new EnumMap<>(Signal.class);
    Map<Signal, Double> weights = new EnumMap<>(Signal.class);
    if (search) sources.put(Signal.CONTENT, ContentSignal.ofScores(textMax));
    if (itemMax > 0) sources.put(Signal.ITEMCF, ItemCfSignal.of(hOrd, hW, itemMax));
    sources.put(Signal.USERCF, CourseArraySignal.of(Signal.USERCF.code(), ucf, "random"));
    // MF reads the exact candidate pass's dot products on catalogs of even size and computes them on odd ones
    if (mfMax > 0) sources.put(Signal.MF, n % 2 == 0
        ? MfSignal.of(user, factors, mfMax, MfCandidates.exact(factors, user, new boolean[n], 1).dots())
        : MfSignal.of(user, factors, mfMax));
    sources.put(Signal.PRIOR, PriorSignal.of(priorShare, 0.5));
    sources.put(Signal.SEQ, CourseArraySignal.of(Signal.SEQ.code(), seq, "random"));
    for (Signal s : sources.keySet()) if (rnd.nextDouble() < 0.8) weights.put(s, rnd.nextDouble());
    if (weights.isEmpty()) weights.put(Signal.PRIOR, 1.0);
    BlendWeights w = BlendWeights.of(weights);
    HybridQuery q = HybridQuery.of(candidates, BlendedSource.of(sources, w));

    // brute force: every live course that is a candidate, from the planted arrays
    Map<Integer, Double> want = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Course c = courses.get(i);
      if (deleted.contains(i) || excluded.contains(c.id()) || !filter.test(c)) continue;
      if (search ? !bm25.containsKey(i) : !candidateSet.contains(i)) continue;
      double v = 0;
      if (sources.containsKey(Signal.CONTENT)) v += w.of(Signal.CONTENT) * Math.min(1, bm25.get(i) / textMax);
      if (sources.containsKey(Signal.ITEMCF)) v += w.of(Signal.ITEMCF) * clamp(itemRaw(i, nbr, sim, hOrd, hW) / itemMax);
      v += w.of(Signal.USERCF) * ucf[i];
      if (sources.containsKey(Signal.MF) && factors[i] != null) v += w.of(Signal.MF) * clamp(MfSignal.dot(user, factors[i]) / mfMax);
      double p = Float.isNaN(pop[i]) ? 0 : pop[i];
      double r = Float.isNaN(rating[i]) ? 0.5 : rating[i];
      v += w.of(Signal.PRIOR) * clamp((1 - priorShare) * p + priorShare * r);
      v += w.of(Signal.SEQ) * seq[i];
      want.put(i, v);
    }

    Map<Integer, Double> got = new HashMap<>();
    ScoreDoc[] all = searcher.search(q, n).scoreDocs;
    for (ScoreDoc sd : all) got.put(ordinalOf(searcher, sd.doc), (double) sd.score);
    assertThat(got.keySet()).isEqualTo(want.keySet());
    want.forEach((o, v) -> assertThat(got.get(o)).as("course %d", o).isCloseTo(v, within(TOL)));

    // top-k with skipping allowed agrees with the full ranking at every position's score
    int k = 1 + rnd.nextInt(10);
    ScoreDoc[] top = searcher.search(q, k).scoreDocs;
    for (int i = 0; i < top.length; i++) assertThat(top[i].score).isEqualTo(all[i].score);

    // explain is the score taken apart, and matches exactly the candidates
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      int ord = ordinalOf(searcher, doc);
      Explanation e = searcher.explain(q, doc);
      if (got.containsKey(ord) && !isDeleted(reader, doc)) {
        assertThat(e.isMatch()).as("explain of a candidate").isTrue();
        assertThat(e.getValue().doubleValue()).isCloseTo(got.get(ord), within(TOL));
      } else if (!got.containsKey(ord)) {
        assertThat(e.isMatch()).as("explain of course %d, not a candidate", ord).isFalse();
      }
    }

    // the maximum score bounds every score in each leaf
    Weight weight = searcher.createWeight(searcher.rewrite(q), ScoreMode.TOP_SCORES, 1f);
    double bound = 0;
    for (Signal sg : sources.keySet()) bound += w.of(sg);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer s = weight.scorer(leaf);
      if (s == null) continue;
      float max = s.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
      assertThat((double) max).isFinite().isCloseTo(bound, within(TOL));
      for (int d = s.iterator().nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = s.iterator().nextDoc()) {
        assertThat(s.score()).isLessThanOrEqualTo(max);
      }
    }

    // value equality
    HybridQuery twin = HybridQuery.of(candidates, BlendedSource.of(sources, w));
    assertThat(twin).isEqualTo(q).hasSameHashCodeAs(q);
    Map<Signal, Double> other = new EnumMap<>(weights);
    other.merge(Signal.PRIOR, 0.5, Double::sum);
    assertThat(HybridQuery.of(candidates, BlendedSource.of(sources, BlendWeights.of(other)))).isNotEqualTo(q);
  }

  /**
   * An index written before the ordinal had points (model versions from before the one-pass engine): the candidate
   * set falls back to the doc-values scan and still matches exactly the given ordinals, passing the exclusions.
   */
  @org.junit.jupiter.api.Test
  void candidateSetsWorkOnAnIndexWhoseOrdinalHasNoPoints() throws Exception {
    Random rnd = new Random(99);
    int n = 60;
    CourseSignals signals = CourseSignals.builder("no-points", n).build();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(CourseFields.analyzer()))) {
        for (int i = 0; i < n; i++) {
          Course c = new Course("c" + i, "course " + i, "", List.of("data"), "org", Level.BEGINNER, "s", "en", 1.0,
              "1 hour", null, null, "", List.of());
          org.apache.lucene.document.Document old = new org.apache.lucene.document.Document();
          for (var f : CourseDocuments.toDocument(c, i, signals)) {
            if (!(f.name().equals(CourseFields.ORDINAL) && f.fieldType().pointDimensionCount() > 0)) old.add(f);
          }
          w.addDocument(old);
          if (i % 17 == 16) w.flush();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves().get(0).reader().getFieldInfos().fieldInfo(CourseFields.ORDINAL)
            .getPointDimensionCount()).as("the old layout").isZero();
        IndexSearcher searcher = new IndexSearcher(reader);
        int[] wanted = rnd.ints(20, 0, n).distinct().sorted().toArray();
        Set<String> excluded = Set.of("c" + wanted[0]);
        Query q = CandidateQueries.recommendation(CourseFilter.NONE, excluded, wanted, reader);
        Set<Integer> got = new HashSet<>();
        for (ScoreDoc sd : searcher.search(q, n).scoreDocs) got.add(ordinalOf(searcher, sd.doc));
        Set<Integer> expected = new HashSet<>();
        for (int o : wanted) if (o != wanted[0]) expected.add(o);
        assertThat(got).isEqualTo(expected);
      }
    }
  }

  private static boolean isDeleted(DirectoryReader reader, int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    var live = leaf.reader().getLiveDocs();
    return live != null && !live.get(doc - leaf.docBase);
  }

  private static double itemRaw(int i, int[][] nbr, float[][] sim, int[] hOrd, float[] hW) {
    if (nbr[i] == null) return 0;
    double s = 0;
    for (int q = 0; q < nbr[i].length; q++) {
      int p = java.util.Arrays.binarySearch(hOrd, nbr[i][q]);
      if (p >= 0) s += sim[i][q] * hW[p];
    }
    return s;
  }

  private static double clamp(double v) { return Math.max(0, Math.min(1, v)); }

  private static int ordinalOf(IndexSearcher s, int doc) throws java.io.IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    return io.courserec.index.LeafSignals.open(leaf).ordinal(doc - leaf.docBase);
  }
}
