package io.courserec.hybrid;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.hybrid.BlendedSource;
import io.courserec.hybrid.signals.CourseArraySignal;
import io.courserec.hybrid.signals.MfSignal;
import io.courserec.hybrid.signals.PriorSignal;
import io.courserec.index.IndexHandle;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Strategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Ranks for one request: builds the learner's context, chooses the weights (segment rules, or one signal in
 * switching mode), runs the {@link HybridQuery}, re-ranks with MMR when {@code hybrid.mmr.lambda} &lt; 1, reads
 * every signal's value for the returned courses, and attaches confidence and evidence.
 *
 * <p>Weights are renormalised over the signals the learner actually has (a learner without factors does not lose
 * MF's share of the score), so the blended score always spans [0,1]. A learner with no signal at all gets the prior
 * alone: strategy {@code popular}.
 */
final class HybridRanker {
  static final double MISSING_RATING = 0.5;

  private final Config config;
  private final StageTimes times = new StageTimes();
  private final UserContextBuilder contexts;
  private final int oversample;
  private final double lambda;
  private final boolean switching;
  private final HybridEvidence evidence;
  private final double priorRatingShare;
  private volatile CourseFactors courseFactors;

  HybridRanker(Config config) {
    this.config = config;
    this.contexts = new UserContextBuilder(config, times);
    this.oversample = config.integer(ConfigKey.OVERSAMPLE);
    this.lambda = config.number(ConfigKey.MMR_LAMBDA);
    String mode = config.string(ConfigKey.HYBRID_MODE);
    if (!mode.equals("blend") && !mode.equals("switch")) {
      throw new IllegalArgumentException("hybrid.mode must be blend or switch, got '" + mode + "'");
    }
    this.switching = mode.equals("switch");
    this.evidence = new HybridEvidence();
    this.priorRatingShare = config.number(ConfigKey.HYBRID_PRIOR_RATING);
  }

  /** Installs the per-request course factors (null: none). */
  void courseFactors(CourseFactors f) { this.courseFactors = f; }

  /** The query for a learner context, with the effective weights. */
  record Built(UserContext ctx, BlendWeights weights, Strategy strategy, HybridQuery query,
               Map<Signal, DoubleValuesSource> sources) {
    java.util.Set<Signal> available() { return sources.keySet(); }
  }

  Built build(HybridModels m, IndexHandle h, RecommendRequest req) throws IOException {
    return build(m, h, req, true, UserContextBuilder.Needs.WEIGHTED);
  }

  Built build(HybridModels m, IndexHandle h, RecommendRequest req, boolean prune) throws IOException {
    return build(m, h, req, prune, UserContextBuilder.Needs.WEIGHTED);
  }

  /**
   * @param prune score only the learner's candidates (each signal's best courses, see
   *     {@code hybrid.candidates_per_signal}); false scores every eligible course (explain ranks among all)
   * @param needs which signals to compute: the weighted ones, or every one (for {@link #table})
   */
  Built build(HybridModels m, IndexHandle h, RecommendRequest req, boolean prune, UserContextBuilder.Needs needs)
      throws IOException {
    return build(m, h, req, prune, needs, null);
  }

  /** As above; {@code only} non-null computes that signal alone (and the prior, which is read from the index). */
  Built build(HybridModels m, IndexHandle h, RecommendRequest req, boolean prune, UserContextBuilder.Needs needs,
              Signal only) throws IOException {
    UserContext ctx = contexts.build(m, h, req, req.depth(), needs, only);
    CourseFactors f = courseFactors;
    if (f != null) ctx = ctx.withCourseFactors(f.of(ctx.history()));
    Map<Signal, DoubleValuesSource> sources = new EnumMap<>(Signal.class);
    if (ctx.hasContent()) {
      sources.put(Signal.CONTENT, CourseArraySignal.of(Signal.CONTENT.code(), ctx.contentScores(), "profile match / best profile match"));
    }
    if (ctx.hasUserCf()) sources.put(Signal.USERCF, CourseArraySignal.withCounts(Signal.USERCF.code(), ctx.userCfScores(),
        "normalised score", ctx.userCfSupport(), "similar learners took this course"));
    if (ctx.hasFactors()) sources.put(Signal.MF, MfSignal.of(ctx.userFactors(), m.itemFactors(), ctx.mfMax(), ctx.mfDots()));
    sources.put(Signal.PRIOR, PriorSignal.of(priorRatingShare, MISSING_RATING));
    ctx.listScores().forEach((s, v) -> sources.put(s, CourseArraySignal.of(s.code(), v, s.code() + " score / the learner's best")));
    BlendWeights w = weights(ctx, sources);
    Strategy strategy = ctx.positiveCourses() > 0 ? Strategy.PERSONAL : ctx.hasContent() ? Strategy.COLD_START : Strategy.POPULAR;
    Query candidates = prune && ctx.candidates() != null
        ? CandidateQueries.recommendation(req.filter(), ctx.excludedIds(), ctx.candidates(), h.reader())
        : CandidateQueries.recommendation(req.filter(), ctx.excludedIds());
    return new Built(ctx, w, strategy, HybridQuery.of(candidates, BlendedSource.of(sources, w, ctx.courseFactors())),
        Map.copyOf(sources));
  }

  private BlendWeights weights(UserContext ctx, Map<Signal, DoubleValuesSource> available) {
    if (switching) return BlendWeights.only(switchTo(ctx.segment(), available));
    return BlendWeights.forSegment(config, ctx.segment()).restrictedTo(available.keySet(), Signal.PRIOR);
  }

  /** Switching rules: rich -> MF, warm -> item-CF, cold -> content; each falls back down the list when absent. */
  static Signal switchTo(UserSegment segment, Map<Signal, ?> available) {
    List<Signal> order = switch (segment) {
      case RICH -> List.of(Signal.MF, Signal.ITEMCF, Signal.CONTENT, Signal.PRIOR);
      case WARM -> List.of(Signal.ITEMCF, Signal.MF, Signal.CONTENT, Signal.PRIOR);
      case COLD -> List.of(Signal.CONTENT, Signal.PRIOR);
    };
    for (Signal s : order) if (available.containsKey(s)) return s;
    return Signal.PRIOR;
  }

  /**
   * Each available signal's values on the union of every available signal's best {@code perSignal} eligible courses
   * (one Lucene query per signal, then the values read through the same sources as the ranking query).
   */
  SignalTable table(HybridModels m, IndexHandle h, RecommendRequest req, int perSignal) throws IOException {
    return table(m, h, req, perSignal, null);
  }

  /**
   * As above; {@code only} non-null: that signal's table alone (its best courses and values; the prior may come
   * along, it costs nothing) — what a single algorithm's calibrated confidence needs, without computing the others.
   */
  SignalTable table(HybridModels m, IndexHandle h, RecommendRequest req, int perSignal, Signal only) throws IOException {
    Built b = build(m, h, req, true, UserContextBuilder.Needs.EVERY, only);
    java.util.TreeSet<Integer> docs = new java.util.TreeSet<>();
    for (Signal s : b.available()) {
      if (only != null && s != only) continue;
      HybridQuery alone = HybridQuery.of(b.query().candidates(), BlendedSource.of(b.sources(), BlendWeights.only(s)));
      for (ScoreDoc sd : h.searcher().search(alone, perSignal).scoreDocs) docs.add(sd.doc);
    }
    int[] d = docs.stream().mapToInt(Integer::intValue).toArray();
    Map<Signal, Double> uniform = new EnumMap<>(Signal.class);
    for (Signal s : b.available()) uniform.put(s, 1.0);
    double[][] v = readValues(h.searcher(), BlendedSource.of(b.sources(), BlendWeights.of(uniform)), d);
    List<String> ids = new ArrayList<>(d.length);
    int[] ords = new int[d.length];
    List<Map<Signal, Double>> values = new ArrayList<>(d.length);
    for (int i = 0; i < d.length; i++) {
      ords[i] = ordinalOf(h, d[i]);
      ids.add(m.data().course(ords[i]).id());
      Map<Signal, Double> row = new EnumMap<>(Signal.class);
      for (Signal s : b.available()) row.put(s, v[i][s.ordinal()]);
      values.add(row);
    }
    return new SignalTable(b.ctx().segment(), b.available(), ids, ords, values, b.ctx().positiveCourses());
  }

  /** The same learner context and candidates, scored under other weights (used by the tuner). */
  static Built reweight(Built b, BlendWeights w) {
    return new Built(b.ctx(), w, b.strategy(), HybridQuery.of(b.query().candidates(),
        BlendedSource.of(b.sources(), w, b.ctx().courseFactors())), b.sources());
  }

  HybridRanking rank(HybridModels m, IndexHandle h, RecommendRequest req) throws IOException {
    Built b = build(m, h, req);
    times.request();
    return rank(m, h, req, b);
  }

  /** Stage times of the requests this ranker served. */
  StageTimes times() { return times; }

  HybridRanking rank(HybridModels m, IndexHandle h, RecommendRequest req, Built b) throws IOException {
    IndexSearcher searcher = h.searcher();
    int depth = req.depth();
    int fetch = lambda < 1.0 ? depth * oversample : depth;
    long tq = times.now();
    TopDocs td = searcher.search(b.query(), fetch);
    long ti = times.now();
    times.add(StageTimes.Stage.QUERY, ti - tq);
    ScoreDoc[] hits = td.scoreDocs;
    int[] order;
    if (lambda < 1.0 && hits.length > 1) {
      double[] rel = new double[hits.length];
      for (int i = 0; i < hits.length; i++) rel[i] = hits[i].score;
      MmrReranker mmr = new MmrReranker(lambda);
      order = mmr.rerank(rel, depth, (x, y) -> {
        try {
          return m.cbr().similarity(h, hits[x].doc, hits[y].doc);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } else {
      order = new int[Math.min(depth, hits.length)];
      for (int i = 0; i < order.length; i++) order[i] = i;
    }
    List<HybridItem> items = new ArrayList<>();
    if (order.length > req.offset()) {
      int[] docs = new int[order.length - req.offset()];
      for (int i = req.offset(); i < order.length; i++) docs[i - req.offset()] = hits[order[i]].doc;
      double[][] values = readValues(searcher, b.query().blend(), docs);
      for (int i = 0; i < docs.length; i++) {
        items.add(item(m, h, b, docs[i], hits[order[i + req.offset()]].score, values[i], req.offset() + i + 1, req.explain()));
      }
    }
    times.add(StageTimes.Stage.ITEMS, times.now() - ti);
    return new HybridRanking(req.userId(), b.ctx().segment(), b.strategy(), b.weights(), items, td.totalHits.value());
  }

  HybridItem item(HybridModels m, IndexHandle h, Built b, int doc, double score, double[] values, int rank,
                  boolean explain) throws IOException {
    int ord = ordinalOf(h, doc);
    String id = m.data().course(ord).id();
    Map<Signal, Double> v = new EnumMap<>(Signal.class);
    Map<Signal, Double> c = new EnumMap<>(Signal.class);
    double factor = b.query().blend().factorAt(ord); // contributions sum to the (possibly demoted) score
    for (Signal s : b.query().blend().sources().keySet()) {
      v.put(s, values[s.ordinal()]);
      c.put(s, factor * b.weights().of(s) * values[s.ordinal()]);
    }
    Map<Signal, Double> strengths;
    if (b.ctx() == null) { // plain search: the text match is all the evidence there is
      strengths = new EnumMap<>(Signal.class);
      for (Signal s : Signal.values()) strengths.put(s, s == Signal.CONTENT ? 1.0 : 0.5);
    } else {
      strengths = ConfidenceModel.strengths(b.ctx(), ord, evidence.itemCfSupport(m, b.ctx(), ord));
    }
    double raw = ConfidenceModel.raw(c, strengths);
    Map<Signal, Double> conf = new EnumMap<>(Signal.class);
    double p;
    if (b.strategy().isSearch()) {
      // calibration was fitted on recommendation lists; search answers report the raw evidence strength
      for (Signal s : v.keySet()) conf.put(s, v.get(s) * strengths.get(s));
      p = raw;
    } else {
      UserSegment seg = b.ctx().segment();
      int positives = b.ctx().positiveCourses();
      SignalCalibration sc = m.signalCalibration();
      // each signal's own calibrated confidence where it is calibrated and speaks for the course; else its raw
      // evidence strength (a model saved before per-signal calibration)
      for (Signal s : v.keySet()) {
        if (v.get(s) <= 0) continue;
        conf.put(s, sc.has(s) ? sc.probability(s, v.get(s), seg, positives) : v.get(s) * strengths.get(s));
      }
      p = m.calibrator().probability(ConfidenceModel.features(score, raw, sc.weightedMean(v, c, seg, positives), rank, seg));
    }
    return new HybridItem(id, ord, doc, score, v, c, conf, raw, p,
        explain && b.ctx() != null ? evidence.of(m, h, b.ctx(), doc, ord, c) : List.of());
  }

  static int ordinalOf(IndexHandle h, int doc) throws IOException {
    List<LeafReaderContext> leaves = h.searcher().getIndexReader().leaves();
    LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return io.courserec.index.LeafSignals.open(ctx).ordinal(doc - ctx.docBase);
  }

  /** Each signal's value for each doc (docs in any order), via the same rewritten sources the query used. */
  static double[][] readValues(IndexSearcher searcher, BlendedSource blend, int[] docs) throws IOException {
    double[][] out = new double[docs.length][Signal.values().length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (Map.Entry<Signal, DoubleValuesSource> e : blend.sources().entrySet()) {
      DoubleValuesSource src = e.getValue().rewrite(searcher);
      Integer[] idx = new Integer[docs.length];
      for (int i = 0; i < idx.length; i++) idx[i] = i;
      java.util.Arrays.sort(idx, (a, b) -> Integer.compare(docs[a], docs[b]));
      int currentLeaf = -1;
      DoubleValues dv = null;
      for (int i : idx) {
        int leaf = ReaderUtil.subIndex(docs[i], leaves);
        LeafReaderContext ctx = leaves.get(leaf);
        if (leaf != currentLeaf) {
          dv = src.getValues(ctx, null);
          currentLeaf = leaf;
        }
        out[i][e.getKey().ordinal()] = dv.advanceExact(docs[i] - ctx.docBase) ? dv.doubleValue() : 0;
      }
    }
    return out;
  }
}
