package io.courserec.learning;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.TextNormalizer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the prerequisite graph of a catalog: the {@code prerequisites} column where the catalog has one
 * ({@code learning.graph.source=auto|given}), otherwise edges inferred from levels, skills and the log.
 *
 * <p><b>Inference.</b> Candidates for a dependant B are the courses A sharing at least one skill with it. Each pair
 * gets a confidence, the weighted mean of the evidence available for it:
 * <pre>
 *   conf(A,B) = (0.30 J + 0.20 O + 0.10 S + 0.20 L + 0.20 Q + 0.30 P) / (sum of the weights whose evidence exists)
 *   J = |skills(A) ∩ skills(B)| / |skills(A) ∪ skills(B)|     (Jaccard of the skill sets)
 *   O = 1 when both have the same non-empty organisation     (a series is taught by one provider)
 *   S = 1 when both have the same non-empty subject
 *   L = 1 when level(A) is one below level(B), 0.7 two below; a pair whose levels are known and do not climb is no
 *       candidate, and for a pair with an unknown/mixed level L's weight counts only when Q is present
 *   Q = (b - a) / (b + a): learners who took A before B (b) against after (a), over the learners who took both
 *       (enroll, complete or rate, by first time), present when b + a &ge; {@code learning.infer.min_support}
 *   P = min(1, 2 b / takers(B)), weight 0.30, present with Q: how much of B's audience came through A (a true
 *       prerequisite is what most of B's learners took first)
 * </pre>
 * A candidate taken after B more often than before (Q &lt; 0) is dropped; one without a level order needs Q &ge; 0.6
 * ("far more often before than after"). B keeps its best candidate and a second one within 10 % of it, when their
 * confidence reaches {@code learning.infer.min_confidence}. Cycles are then broken by {@link PrerequisiteGraph#of}.
 * The weights are a judgement, measured against the generator's true chains in docs/learning.md.
 */
public final class PrerequisiteInference {
  static final double W_JACCARD = 0.30, W_ORG = 0.20, W_SUBJECT = 0.10, W_LEVEL = 0.20, W_ORDER = 0.20, W_SHARE = 0.30;
  static final double SEQUENCE_ONLY_MIN_ORDER = 0.6;
  static final double SECOND_WITHIN = 1.01;

  /** What the graph was built from, for the validate report. */
  public record Summary(String source, int givenEdges, int unknownPrerequisiteIds, int learnersWithOrder) {}

  /** The graph and how it was made. */
  public record Result(PrerequisiteGraph graph, Summary summary) {}

  private final double minConfidence;
  private final int minSupport;
  private final String source;

  public PrerequisiteInference(String source, double minConfidence, int minSupport) {
    if (!source.equals("auto") && !source.equals("given") && !source.equals("inferred")) {
      throw new IllegalArgumentException("learning.graph.source must be auto, given or inferred, got '" + source + "'");
    }
    this.source = source;
    this.minConfidence = minConfidence;
    this.minSupport = minSupport;
  }

  public static PrerequisiteInference from(Config config) {
    return new PrerequisiteInference(config.string(ConfigKey.LEARN_GRAPH_SOURCE),
        config.number(ConfigKey.LEARN_INFER_MIN_CONFIDENCE), config.integer(ConfigKey.LEARN_INFER_MIN_SUPPORT));
  }

  /** @param ordinal course id to ordinal (-1 when unknown); courses are in ordinal order */
  public Result build(List<Course> courses, List<Interaction> interactions, java.util.function.ToIntFunction<String> ordinal) {
    List<PrerequisiteEdge> given = new ArrayList<>();
    int unknown = 0;
    for (int d = 0; d < courses.size(); d++) {
      for (String p : courses.get(d).prerequisites()) {
        int o = ordinal.applyAsInt(p);
        if (o < 0) unknown++; else given.add(new PrerequisiteEdge(o, d, 1f, EdgeSource.GIVEN));
      }
    }
    boolean useGiven = source.equals("given") || (source.equals("auto") && (!given.isEmpty() || unknown > 0));
    if (useGiven) {
      return new Result(PrerequisiteGraph.of(courses.size(), given), new Summary("given", given.size(), unknown, 0));
    }
    Order order = Order.of(interactions, ordinal, courses.size());
    List<PrerequisiteEdge> inferred = infer(courses, order);
    return new Result(PrerequisiteGraph.of(courses.size(), inferred),
        new Summary("inferred", given.size(), unknown, order.learners));
  }

  /** Candidates per dependant, scored as in the class comment; at most two kept per dependant. */
  List<PrerequisiteEdge> infer(List<Course> courses, Order order) {
    int n = courses.size();
    String[][] skills = new String[n][];
    Map<String, List<Integer>> teaching = new HashMap<>();
    for (int c = 0; c < n; c++) {
      skills[c] = courses.get(c).skills().stream().map(TextNormalizer::matchKey).filter(k -> !k.isEmpty())
          .distinct().sorted().toArray(String[]::new);
      for (String s : skills[c]) teaching.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
    }
    List<PrerequisiteEdge> out = new ArrayList<>();
    int[] seen = new int[n];
    Arrays.fill(seen, -1);
    for (int b = 0; b < n; b++) {
      Course cb = courses.get(b);
      PrerequisiteEdge best = null, second = null;
      for (String s : skills[b]) {
        for (int a : teaching.get(s)) {
          if (a == b || seen[a] == b) continue;
          seen[a] = b;
          PrerequisiteEdge e = score(a, b, courses.get(a), cb, skills[a], skills[b], order);
          if (e == null) continue;
          if (best == null || PrerequisiteEdge.STRONGEST_FIRST.compare(e, best) < 0) {
            second = best;
            best = e;
          } else if (second == null || PrerequisiteEdge.STRONGEST_FIRST.compare(e, second) < 0) {
            second = e;
          }
        }
      }
      if (best != null && best.confidence() >= minConfidence) {
        out.add(best);
        if (second != null && second.confidence() >= minConfidence && second.confidence() >= SECOND_WITHIN * best.confidence()) {
          out.add(second);
        }
      }
    }
    return out;
  }

  /** The candidate edge a -> b with its confidence, or null when the evidence rules it out. */
  PrerequisiteEdge score(int a, int b, Course ca, Course cb, String[] sa, String[] sb, Order order) {
    int ra = ca.level().rank(), rb = cb.level().rank();
    boolean levelsKnown = ra >= 0 && rb >= 0;
    if (levelsKnown && ra >= rb) return null;
    double[] ev = order.evidence(a, b, minSupport);
    double q = ev[0];
    if (!Double.isNaN(q) && q < 0) return null;
    if (!levelsKnown && (Double.isNaN(q) || q < SEQUENCE_ONLY_MIN_ORDER)) return null;
    double num = W_JACCARD * jaccard(sa, sb), den = W_JACCARD;
    if (!ca.organization().isEmpty() && !cb.organization().isEmpty()) {
      den += W_ORG;
      if (ca.organization().equals(cb.organization())) num += W_ORG;
    }
    if (!ca.subject().isEmpty() && !cb.subject().isEmpty()) {
      den += W_SUBJECT;
      if (ca.subject().equals(cb.subject())) num += W_SUBJECT;
    }
    if (levelsKnown) {
      num += W_LEVEL * (rb - ra == 1 ? 1.0 : 0.7);
      den += W_LEVEL;
    }
    if (!Double.isNaN(q)) {
      num += W_ORDER * q + W_SHARE * Math.min(1, 2 * ev[1]);
      den += W_ORDER + W_SHARE;
    }
    EdgeSource src = levelsKnown ? (Double.isNaN(q) ? EdgeSource.LEVEL : EdgeSource.LEVEL_AND_SEQUENCE) : EdgeSource.SEQUENCE;
    return new PrerequisiteEdge(a, b, (float) (num / den), src);
  }

  static double jaccard(String[] a, String[] b) {
    int i = 0, j = 0, common = 0;
    while (i < a.length && j < b.length) {
      int c = a[i].compareTo(b[j]);
      if (c == 0) {
        common++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /**
   * Who took which course first, from the log: per learner the first time of an enroll, complete or rate event per
   * course. Learners whose taking events lack timestamps give no order. Pair counts are computed on demand from
   * per-course lists of (learner, time), so memory is linear in the log.
   */
  static final class Order {
    private final Map<Integer, Map<Integer, Long>> timesByCourse;
    final int learners;

    private Order(Map<Integer, Map<Integer, Long>> timesByCourse, int learners) {
      this.timesByCourse = timesByCourse;
      this.learners = learners;
    }

    static Order none() { return new Order(Map.of(), 0); }

    static Order of(List<Interaction> interactions, java.util.function.ToIntFunction<String> ordinal, int n) {
      Map<String, Integer> learnerIds = new HashMap<>();
      Map<Integer, Map<Integer, Long>> times = new HashMap<>();
      for (Interaction e : interactions) {
        if (e.event() != EventType.ENROLL && e.event() != EventType.COMPLETE && e.event() != EventType.RATE) continue;
        Instant t = e.timestamp();
        int c = ordinal.applyAsInt(e.courseId());
        if (t == null || c < 0) continue;
        int u = learnerIds.computeIfAbsent(e.userId(), k -> learnerIds.size());
        times.computeIfAbsent(c, k -> new HashMap<>()).merge(u, t.getEpochSecond(), Math::min);
      }
      return new Order(times, learnerIds.size());
    }

    /**
     * {order, share}: order = (b - a) / (b + a) for "a taken before b", share = b / (learners who took b); both NaN
     * below {@code minSupport} learners who took both.
     */
    double[] evidence(int a, int b, int minSupport) {
      Map<Integer, Long> ta = timesByCourse.get(a), tb = timesByCourse.get(b);
      if (ta == null || tb == null) return new double[] {Double.NaN, Double.NaN};
      Map<Integer, Long> small = ta.size() <= tb.size() ? ta : tb, large = small == ta ? tb : ta;
      int before = 0, after = 0;
      for (Map.Entry<Integer, Long> e : small.entrySet()) {
        Long other = large.get(e.getKey());
        if (other == null) continue;
        long timeA = small == ta ? e.getValue() : other;
        long timeB = small == ta ? other : e.getValue();
        if (timeA < timeB) before++; else if (timeA > timeB) after++;
      }
      if (before + after < minSupport) return new double[] {Double.NaN, Double.NaN};
      return new double[] {(double) (before - after) / (before + after), (double) before / tb.size()};
    }
  }
}
