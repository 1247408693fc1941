package io.courserec.hybrid;

import io.courserec.catalog.Interaction;
import io.courserec.cbr.CbrRecommender;
import io.courserec.cf.LearnerRows;
import io.courserec.cf.Neighbors;
import io.courserec.cf.UserHistory;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.IndexHandle;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link UserContext} of a request: merges the trained history with the request's recent events,
 * picks the segment, derives exclusions, and computes the small per-learner inputs of each signal (MF factors or
 * fold-in, user-kNN scores, the item-CF normaliser, the content profile scores). Each part is computed only when
 * the learner has the data it needs; absent parts stay null and their signal is left out of the blend.
 */
final class UserContextBuilder {
  private final int warmMin;
  private final int richMin;
  private final int contentDepth;
  private final int perSignal;
  private final int mfExactMax;
  /** Per segment, the signals a ranking request computes: those with a positive weight (all in switching mode). */
  private final Map<UserSegment, Set<Signal>> weighted = new java.util.EnumMap<>(UserSegment.class);

  private final StageTimes times;

  UserContextBuilder(Config config, StageTimes times) {
    this.times = times;
    boolean switching = config.string(ConfigKey.HYBRID_MODE).equals("switch");
    for (UserSegment seg : UserSegment.values()) {
      Set<Signal> on = java.util.EnumSet.noneOf(Signal.class);
      BlendWeights w = BlendWeights.forSegment(config, seg);
      for (Signal s : Signal.values()) {
        // switching picks among MF, item-CF, content and the prior only (HybridRanker.switchTo)
        boolean pickable = s == Signal.MF || s == Signal.ITEMCF || s == Signal.CONTENT || s == Signal.PRIOR;
        if (switching ? pickable : w.of(s) > 0) on.add(s);
      }
      weighted.put(seg, Set.copyOf(on));
    }
    this.warmMin = config.integer(ConfigKey.HYBRID_WARM_MIN);
    this.richMin = config.integer(ConfigKey.HYBRID_RICH_MIN);
    this.contentDepth = config.integer(ConfigKey.HYBRID_CONTENT_POOL);
    this.perSignal = config.integer(ConfigKey.HYBRID_CANDIDATES);
    this.mfExactMax = config.integer(ConfigKey.HYBRID_MF_EXACT_MAX);
  }

  /** What a request needs computed. */
  enum Needs {
    /** the signals the learner's segment weighs above 0: a signal with weight 0 costs a request nothing */
    WEIGHTED,
    /** the weighted signals except content (catalog search replaces it with the text match) */
    WEIGHTED_BUT_CONTENT,
    /** every signal, also those weighed 0 (tuning's signal tables read them all) */
    EVERY
  }

  private Set<Signal> wanted(UserSegment segment, Needs needs) {
    return switch (needs) {
      case EVERY -> java.util.EnumSet.allOf(Signal.class);
      case WEIGHTED -> weighted.get(segment);
      case WEIGHTED_BUT_CONTENT -> {
        Set<Signal> s = java.util.EnumSet.noneOf(Signal.class);
        s.addAll(weighted.get(segment));
        s.remove(Signal.CONTENT);
        yield s;
      }
    };
  }


  /** @param needs which signals to compute (see {@link Needs}) */
  UserContext build(HybridModels m, IndexHandle h, RecommendRequest req, int depth, Needs needs) throws IOException {
    return build(m, h, req, depth, needs, null);
  }

  /** As {@link #build(HybridModels, IndexHandle, RecommendRequest, int, Needs)}; {@code only} non-null computes that signal alone. */
  UserContext build(HybridModels m, IndexHandle h, RecommendRequest req, int depth, Needs needs, Signal only)
      throws IOException {
    long t0 = times.now();
    List<Interaction> recent = new ArrayList<>();
    for (Interaction e : req.recentEvents()) if (e.userId().equals(req.userId())) recent.add(e);
    boolean known = m.snapshot().learnerOrdinal(req.userId()) >= 0;
    boolean declared = m.data().learner(req.userId()).isPresent();
    UserHistory history = known || !recent.isEmpty() ? m.snapshot().history(req.userId(), recent) : null;
    if (history == null && !declared && req.interests().stream().allMatch(String::isBlank)) {
      throw new UnknownEntityException("user", req.userId());
    }
    int n = m.data().numCourses();
    boolean[] excludedOrd = new boolean[n];
    Set<String> excluded = new HashSet<>(req.exclude());
    for (String id : req.exclude()) {
      int o = m.data().courseOrdinal(id);
      if (o >= 0) excludedOrd[o] = true;
    }
    int[] hOrd = new int[0];
    int positive = 0;
    float[] hW = new float[0];
    if (history != null) {
      float maxW = 0;
      int pos = 0;
      int nonZero = 0;
      for (int p = 0; p < history.size(); p++) {
        int c = history.course(p);
        if (history.dismissed(c) || (!req.includeTaken() && history.taken(c))) {
          excludedOrd[c] = true;
          excluded.add(m.data().course(c).id());
        }
        if (history.weight(p) > 0) {
          pos++;
          maxW = Math.max(maxW, history.weight(p));
        }
        if (history.weight(p) != 0) nonZero++;
      }
      // item-CF sums over every course with feedback, negative ones (dismissed, rated low) included, exactly as
      // the item-kNN algorithm does, so that the hybrid at the item-CF corner ranks as item-kNN
      positive = pos;
      hOrd = new int[pos == 0 ? 0 : nonZero];
      hW = new float[hOrd.length];
      int q = 0;
      for (int p = 0; p < history.size() && pos > 0; p++) {
        if (history.weight(p) != 0) {
          hOrd[q] = history.course(p);
          hW[q++] = history.weight(p) / maxW;
        }
      }
    }
    UserSegment segment = UserSegment.of(positive, warmMin, richMin);
    Set<Signal> want = only != null ? java.util.EnumSet.of(only) : wanted(segment, needs);
    times.add(StageTimes.Stage.HISTORY, times.now() - t0);

    float[] factors = null;
    double mfMax = 0;
    float[] mfDots = null;
    java.util.BitSet cand = perSignal > 0 ? new java.util.BitSet(n) : null;
    float[] ucf = null;
    int[] support = null;
    int neighbours = 0;
    Map<Signal, float[]> lists = new java.util.EnumMap<>(Signal.class);
    if (hOrd.length > 0) {
      long tm = times.now();
      if (want.contains(Signal.MF)) {
        factors = m.mf().userFactors(history);
        if (factors != null) {
          int k = Math.max(perSignal, 1);
          MfCandidates top = n <= mfExactMax ? MfCandidates.exact(m.itemFactors(), factors, excludedOrd, k)
              : MfCandidates.search(h, m.itemFactors(), factors, req.filter(), excluded, k);
          mfMax = top.maxDot();
          mfDots = top.dots();
          if (cand != null) top.addTo(cand);
        }
      }
      times.add(StageTimes.Stage.MF, times.now() - tm);
      long tu = times.now();
      Neighbors nb = want.contains(Signal.USERCF) ? m.userKnn().neighbors(history) : Neighbors.NONE;
      neighbours = nb.size();
      if (nb.size() > 0) {
        float[] raw = m.userKnn().scoresFor(nb);
        support = supportOf(m.snapshot().rows(), nb, n);
        float max = 0;
        for (int i = 0; i < n; i++) if (!excludedOrd[i]) max = Math.max(max, raw[i]);
        if (max > 0) {
          ucf = new float[n];
          for (int i = 0; i < n; i++) ucf[i] = Math.max(0, raw[i] / max);
          if (cand != null) addBest(ucf, excludedOrd, perSignal, cand);
        }
      }
      times.add(StageTimes.Stage.USER_KNN, times.now() - tu);
      long tl = times.now();
      if (want.contains(Signal.ITEMCF)) {
        // the item-kNN model's own scores: computed once, they are the values, the normaliser and the candidates,
        // and the hybrid at the item-CF corner ranks exactly as item-kNN (CornerTest)
        float[] v = normalised(m.itemKnn().sparseScores(history), excludedOrd, cand);
        if (v != null) lists.put(Signal.ITEMCF, v);
      }
      for (Map.Entry<Signal, io.courserec.cf.NeighborListRecommender> e : m.lists().entrySet()) {
        if (!want.contains(e.getKey())) continue;
        float[] v = normalised(e.getValue().sparseScores(history), excludedOrd, cand);
        if (v != null) lists.put(e.getKey(), v);
      }
      times.add(StageTimes.Stage.NEIGHBOUR_LISTS, times.now() - tl);
    }
    long tc = times.now();
    CbrRecommender.ContentScores content = want.contains(Signal.CONTENT)
        ? m.cbr().contentScores(h, req, excluded, Math.max(contentDepth, depth)) : CbrRecommender.ContentScores.EMPTY;
    times.add(StageTimes.Stage.CONTENT, times.now() - tc);
    int[] candidates = null;
    if (cand != null) {
      if (content.byOrdinal() != null) {
        for (int i = 0; i < n; i++) if (content.byOrdinal()[i] > 0) cand.set(i);
      }
      int taken = 0;
      for (int i : m.popularOrder()) {
        if (taken == perSignal) break;
        if (!excludedOrd[i]) {
          cand.set(i);
          taken++;
        }
      }
      candidates = cand.cardinality() * 2 >= n ? null : cand.stream().toArray();
    }
    return new UserContext(history, segment, positive, hOrd, hW, Set.copyOf(excluded), factors, mfMax, mfDots, ucf, support,
        neighbours, content.profile(), content.byOrdinal(), candidates, java.util.Collections.unmodifiableMap(lists), null);
  }

  /**
   * Raw scores (0 where the signal has no evidence; a fresh array of the model's, overwritten) divided by the best
   * over eligible courses, negatives as 0; the {@code perSignal} best eligible courses with a positive value become
   * candidates (ties by ordinal). Null when no eligible course scores above 0. Every positive course used to be a
   * candidate: with long histories the neighbour lists reach most of a 10,000-course catalog, so the scoring pass
   * visited every course. Only the courses with evidence are visited: three or four passes over every course per
   * signal cost more than the walk of the lists itself.
   */
  private float[] normalised(io.courserec.cf.SparseScores raw, boolean[] excluded, java.util.BitSet cand) {
    float[] v = raw.values();
    int[] courses = raw.courses();
    float max = 0;
    for (int z = 0; z < raw.count(); z++) {
      int i = courses[z];
      if (!excluded[i] && v[i] > max) max = v[i];
    }
    if (!(max > 0)) return null;
    // in place: the models hand out a fresh array per call, and at 100,000 courses each copy was 400 KB a request
    for (int z = 0; z < raw.count(); z++) {
      int i = courses[z];
      v[i] = v[i] > 0 ? v[i] / max : 0;
    }
    if (cand != null) addBest(v, courses, raw.count(), excluded, perSignal, cand);
    return v;
  }

  /** Buckets of {@link #addBest}: the top bits of a positive float, which order like its value. */
  private static final int BUCKET_SHIFT = 19;
  private static final int BUCKETS = 2048; // (1.0f's bits >>> 19) = 2032: values up to 2 get a bucket of their own

  /**
   * Sets in {@code cand} the {@code k} eligible courses with the largest positive values, ties by lower ordinal —
   * the order {@link io.courserec.cf.TopK} keeps. A radix selection: one pass counts the eligible values per
   * bucket of their float bits (sixteen buckets per octave; larger values share the top bucket), which names the
   * bucket holding the k-th largest; a second pass takes every course of a higher bucket and collects that bucket's
   * courses, among which the rest are chosen by quickselect of their threshold value, then the tied ones in ordinal
   * order. A heap offer per course was the largest single cost of a request at 10,000 courses (13 % of a server's
   * samples with user-kNN's); a quickselect over every positive value still cost 6 % of a request.
   */
  static void addBest(float[] v, boolean[] excluded, int k, java.util.BitSet cand) {
    addBest(v, null, v.length, excluded, k, cand);
  }

  /**
   * As {@link #addBest(float[], boolean[], int, java.util.BitSet)} over the courses {@code courses[0..count)} only
   * (each at most once, any order; null: every ordinal below {@code count}); courses not listed are not candidates.
   */
  static void addBest(float[] v, int[] courses, int count, boolean[] excluded, int k, java.util.BitSet cand) {
    int[] hist = new int[BUCKETS];
    int m = 0;
    for (int z = 0; z < count; z++) {
      int i = courses == null ? z : courses[z];
      if (v[i] > 0 && !excluded[i]) {
        hist[bucket(v[i])]++;
        m++;
      }
    }
    if (m <= k) {
      for (int z = 0; z < count; z++) {
        int i = courses == null ? z : courses[z];
        if (v[i] > 0 && !excluded[i]) cand.set(i);
      }
      return;
    }
    int b = BUCKETS - 1;
    int above = 0;
    while (above + hist[b] < k) above += hist[b--];
    int need = k - above; // taken from bucket b, 1 <= need <= hist[b]
    int[] members = new int[hist[b]]; // bucket b's courses
    int q = 0;
    for (int z = 0; z < count; z++) {
      int i = courses == null ? z : courses[z];
      if (v[i] > 0 && !excluded[i]) {
        int bi = bucket(v[i]);
        if (bi > b) {
          cand.set(i);
        } else if (bi == b) {
          members[q++] = i;
        }
      }
    }
    if (courses != null) java.util.Arrays.sort(members, 0, q); // ties go to the lower ordinal
    float[] vals = new float[q];
    for (int z = 0; z < q; z++) vals[z] = v[members[z]];
    float t = select(vals, q, q - need); // the need-th largest of the bucket
    int ties = need;
    for (int z = 0; z < q; z++) {
      if (v[members[z]] > t) {
        cand.set(members[z]);
        ties--;
      }
    }
    for (int z = 0; z < q && ties > 0; z++) {
      if (v[members[z]] == t) {
        cand.set(members[z]);
        ties--;
      }
    }
  }

  private static int bucket(float positive) {
    return Math.min(BUCKETS - 1, Float.floatToRawIntBits(positive) >>> BUCKET_SHIFT);
  }

  /** The value at position {@code r} of {@code a} sorted ascending (a is reordered): Hoare's selection, median of three. */
  static float select(float[] a, int r) {
    return select(a, a.length, r);
  }

  /** As {@link #select(float[], int)} over {@code a[0..n)}. */
  static float select(float[] a, int n, int r) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      float x = a[lo];
      float y = a[mid];
      float z = a[hi];
      float pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          float tmp = a[i];
          a[i++] = a[j];
          a[j--] = tmp;
        }
      }
      if (r <= j) hi = j;
      else if (r >= i) lo = i;
      else return a[r];
    }
    return a[r];
  }

  /** For each course, how many of the neighbours gave it positive feedback. */
  private static int[] supportOf(LearnerRows rows, Neighbors nb, int n) {
    int[] s = new int[n];
    for (int v : nb.ids()) {
      for (int p = rows.rowStart(v); p < rows.rowEnd(v); p++) if (rows.val(p) > 0) s[rows.col(p)]++;
    }
    return s;
  }
}
