package io.courserec.learning;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.TextNormalizer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Builds the prerequisite graph of a catalog: the {@code prerequisites} column where the catalog has one
 * ({@code learning.graph.source=auto|given}), otherwise edges inferred from the order learners take courses and from
 * levels and skills. The reasoning and the measured precision/recall are in docs/learning.md.
 *
 * <p><b>Candidates</b> for a dependant B are the courses A sharing at least one skill with it whose level is not
 * above B's (both levels known: A's is lower).
 *
 * <p><b>Log evidence: did B's learners come through A?</b> For each B, {@code x(A)} counts the learners who
 * completed A before they first took B (enroll, complete or rate), and {@code M = sum of x} over B's candidates.
 * If no candidate were special, each of those M completions would fall on A with the share {@code pi(A)} of A among
 * the completions of B's candidates ({@code completers(A) / sum of completers}), so
 * <pre>
 *   p(A,B) = P(X &gt;= x(A)),  X ~ Binomial(M, pi(A))        (one-sided: A is over-represented among B's paths)
 * </pre>
 * Conditioning on B's candidates, not on all learners, takes out the taste that makes learners of one topic take
 * many of its courses. A pair is tested when at least {@code learning.infer.min_support} learners completed A
 * before taking B and more learners took A first than B first. The Benjamini-Hochberg procedure at false discovery
 * rate {@code learning.infer.fdr} over every tested pair of the catalog decides which are significant, so the bar
 * rises with the number of pairs a larger catalog tests. B keeps its most significant candidate (smallest p; ties:
 * higher content score); its confidence is 1 - the Benjamini-Hochberg adjusted p-value.
 *
 * <p><b>Content evidence</b> (levels, skills, provider), for dependants the log does not decide:
 * <pre>
 *   content(A,B) = (0.30 J + 0.20 O + 0.10 S + 0.20 L) / (sum of the weights whose evidence exists)
 *   J = Jaccard of the skill sets, O = same non-empty organisation, S = same non-empty subject,
 *   L = 1 when A is one level below B, 0.7 two below (both levels must be known)
 * </pre>
 * The best candidate is the content pick when its score reaches {@code learning.infer.min_confidence}; its margin is
 * its lead over the runner-up. How far content can be trusted depends on the catalog (a small one has one course per
 * provider and level on a topic; a large one has many that look alike), so it is measured on the catalog itself: on
 * the dependants the log decides, how often the content pick is the log's choice. Content edges are added at the
 * smallest margin at which that agreement is at least {@code learning.infer.content_agreement} over at least
 * {@value #MIN_CALIBRATION} such dependants, and not at all when no margin reaches it. A catalog whose log decides
 * fewer dependants (no log at all, e.g. the Coursera import) cannot check content and keeps every content pick.
 *
 * <p>Cycles are then broken by {@link PrerequisiteGraph#of}.
 */
public final class PrerequisiteInference {
  static final double W_JACCARD = 0.30, W_ORG = 0.20, W_SUBJECT = 0.10, W_LEVEL = 0.20;
  /** Log-decided dependants with a content pick needed before content's agreement with the log is trusted. */
  static final int MIN_CALIBRATION = 20;

  /**
   * What the graph was built from, for the validate report.
   *
   * @param testedPairs candidate pairs given the log test; {@code logEdges} of them chosen
   * @param contentEdges edges from content alone
   * @param contentMargin the margin content picks needed (NaN: content was not checked against the log; infinite:
   *     content edges were off because no margin agreed with the log often enough)
   * @param contentAgreement agreement of content picks with the log at that margin (NaN when not checked)
   */
  public record Summary(String source, int givenEdges, int unknownPrerequisiteIds, int learnersWithOrder,
                        int testedPairs, int logEdges, int contentEdges, double contentMargin, double contentAgreement) {
    static Summary given(int edges, int unknown) {
      return new Summary("given", edges, unknown, 0, 0, 0, 0, Double.NaN, Double.NaN);
    }
  }

  /** The graph and how it was made. */
  public record Result(PrerequisiteGraph graph, Summary summary) {}

  private final double minConfidence;
  private final int minSupport;
  private final double fdr;
  private final double contentAgreement;
  private final String source;

  public PrerequisiteInference(String source, double minConfidence, int minSupport, double fdr, double contentAgreement) {
    if (!source.equals("auto") && !source.equals("given") && !source.equals("inferred")) {
      throw new IllegalArgumentException("learning.graph.source must be auto, given or inferred, got '" + source + "'");
    }
    if (!(fdr > 0 && fdr < 1)) throw new IllegalArgumentException("learning.infer.fdr must be in (0, 1), got " + fdr);
    this.source = source;
    this.minConfidence = minConfidence;
    this.minSupport = Math.max(1, minSupport);
    this.fdr = fdr;
    this.contentAgreement = contentAgreement;
  }

  public static PrerequisiteInference from(Config config) {
    return new PrerequisiteInference(config.string(ConfigKey.LEARN_GRAPH_SOURCE),
        config.number(ConfigKey.LEARN_INFER_MIN_CONFIDENCE), config.integer(ConfigKey.LEARN_INFER_MIN_SUPPORT),
        config.number(ConfigKey.LEARN_INFER_FDR), config.number(ConfigKey.LEARN_INFER_CONTENT_AGREEMENT));
  }

  /** @param ordinal course id to ordinal (-1 when unknown); courses are in ordinal order */
  public Result build(List<Course> courses, List<Interaction> interactions, ToIntFunction<String> ordinal) {
    List<PrerequisiteEdge> given = new ArrayList<>();
    int unknown = 0;
    for (int d = 0; d < courses.size(); d++) {
      for (String p : courses.get(d).prerequisites()) {
        int o = ordinal.applyAsInt(p);
        if (o < 0) unknown++; else given.add(new PrerequisiteEdge(o, d, 1f, EdgeSource.GIVEN));
      }
    }
    boolean useGiven = source.equals("given") || (source.equals("auto") && (!given.isEmpty() || unknown > 0));
    if (useGiven) return new Result(PrerequisiteGraph.of(courses.size(), given), Summary.given(given.size(), unknown));
    Order order = Order.of(interactions, ordinal, courses.size());
    return infer(courses, order, given.size(), unknown);
  }

  /** A candidate pair the log test was run on. */
  private record Tested(int a, int b, double p, double content) {}

  private Result infer(List<Course> courses, Order order, int givenEdges, int unknown) {
    int n = courses.size();
    String[][] skills = new String[n][];
    Map<String, List<Integer>> teaching = new HashMap<>();
    for (int c = 0; c < n; c++) {
      skills[c] = courses.get(c).skills().stream().map(TextNormalizer::matchKey).filter(k -> !k.isEmpty())
          .distinct().sorted().toArray(String[]::new);
      for (String s : skills[c]) teaching.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
    }
    List<Tested> tested = new ArrayList<>();
    int[] contentPick = new int[n];
    double[] contentScore = new double[n];
    double[] margin = new double[n];
    Arrays.fill(contentPick, -1);
    int[] seen = new int[n];
    Arrays.fill(seen, -1);
    int[] candidates = new int[n];
    Order.Counts counts = order.counts();
    for (int b = 0; b < n; b++) {
      Course cb = courses.get(b);
      int k = 0;
      for (String s : skills[b]) {
        for (int a : teaching.get(s)) {
          if (a == b || seen[a] == b) continue;
          seen[a] = b;
          int ra = courses.get(a).level().rank(), rb = cb.level().rank();
          if (ra >= 0 && rb >= 0 && ra >= rb) continue;
          candidates[k++] = a;
        }
      }
      Arrays.sort(candidates, 0, k);
      double best = -1, second = 0;
      for (int i = 0; i < k; i++) {
        int a = candidates[i];
        double c = content(courses.get(a), cb, skills[a], skills[b]);
        if (c > best) {
          second = Math.max(second, best);
          best = c;
          contentPick[b] = a;
        } else {
          second = Math.max(second, c);
        }
      }
      if (best < minConfidence) contentPick[b] = -1;
      contentScore[b] = best;
      margin[b] = best - second;
      order.count(b, candidates, k, counts);
      if (counts.total == 0) continue;
      for (int i = 0; i < k; i++) {
        int a = candidates[i];
        int x = counts.completedBefore[a];
        if (x < minSupport || counts.before[a] <= counts.after[a]) continue;
        double share = (double) order.completers(a) / counts.completersOfCandidates;
        tested.add(new Tested(a, b, BinomialTail.upper(x, counts.total, Math.min(1, share)),
            content(courses.get(a), cb, skills[a], skills[b])));
      }
    }

    // Benjamini-Hochberg over every tested pair; adjusted p = min over j >= i of p_(j) m / j
    tested.sort(Comparator.comparingDouble(Tested::p));
    int m = tested.size();
    double[] adjusted = new double[m];
    double running = 1;
    int significant = 0;
    for (int i = m - 1; i >= 0; i--) {
      running = Math.min(running, tested.get(i).p() * m / (i + 1));
      adjusted[i] = running;
      if (significant == 0 && tested.get(i).p() <= fdr * (i + 1) / m) significant = i + 1;
    }
    int[] logPick = new int[n];
    Arrays.fill(logPick, -1);
    double[] logConfidence = new double[n];
    double[] pick = new double[n];
    double[] pickContent = new double[n];
    for (int i = 0; i < significant; i++) {
      Tested t = tested.get(i);
      if (logPick[t.b()] < 0 || t.p() < pick[t.b()]
          || (t.p() == pick[t.b()] && t.content() > pickContent[t.b()])) {
        logPick[t.b()] = t.a();
        pick[t.b()] = t.p();
        pickContent[t.b()] = t.content();
        logConfidence[t.b()] = 1 - adjusted[i];
      }
    }

    double needed = contentMargin(logPick, contentPick, margin);
    double agreement = Double.isNaN(needed) || Double.isInfinite(needed) ? Double.NaN : agreementAt(needed, logPick, contentPick, margin);
    List<PrerequisiteEdge> out = new ArrayList<>();
    int logEdges = 0, contentEdges = 0;
    for (int b = 0; b < n; b++) {
      if (logPick[b] >= 0) {
        int a = logPick[b];
        boolean levels = courses.get(a).level().rank() >= 0 && courses.get(b).level().rank() >= 0;
        out.add(new PrerequisiteEdge(a, b, (float) logConfidence[b], levels ? EdgeSource.LEVEL_AND_SEQUENCE : EdgeSource.SEQUENCE));
        logEdges++;
      } else if (contentPick[b] >= 0 && (Double.isNaN(needed) || margin[b] >= needed)) {
        out.add(new PrerequisiteEdge(contentPick[b], b, (float) contentScore[b], EdgeSource.LEVEL));
        contentEdges++;
      }
    }
    return new Result(PrerequisiteGraph.of(n, out), new Summary("inferred", givenEdges, unknown, order.learners,
        m, logEdges, contentEdges, needed, agreement));
  }

  /**
   * The smallest margin at which content picks agree with the log's edges at least {@code contentAgreement} of the
   * time, over the dependants both decide (at least {@value #MIN_CALIBRATION} of them); NaN when fewer exist (content
   * cannot be checked), positive infinity when no margin agrees often enough.
   */
  double contentMargin(int[] logPick, int[] contentPick, double[] margin) {
    List<double[]> cal = new ArrayList<>(); // {margin, agrees}
    for (int b = 0; b < logPick.length; b++) {
      if (logPick[b] >= 0 && contentPick[b] >= 0) cal.add(new double[] {margin[b], logPick[b] == contentPick[b] ? 1 : 0});
    }
    if (cal.size() < MIN_CALIBRATION) return Double.NaN;
    cal.sort((x, y) -> Double.compare(y[0], x[0]));
    double found = Double.POSITIVE_INFINITY;
    int agree = 0;
    for (int i = 0; i < cal.size(); i++) {
      agree += (int) cal.get(i)[1];
      boolean boundary = i + 1 == cal.size() || cal.get(i + 1)[0] < cal.get(i)[0];
      if (boundary && i + 1 >= MIN_CALIBRATION && agree >= contentAgreement * (i + 1)) found = cal.get(i)[0];
    }
    return found;
  }

  private static double agreementAt(double needed, int[] logPick, int[] contentPick, double[] margin) {
    int n = 0, agree = 0;
    for (int b = 0; b < logPick.length; b++) {
      if (logPick[b] < 0 || contentPick[b] < 0 || margin[b] < needed) continue;
      n++;
      if (logPick[b] == contentPick[b]) agree++;
    }
    return n == 0 ? Double.NaN : (double) agree / n;
  }

  /** The content score of the class comment; -1 when a level is unknown (content alone cannot order the two). */
  static double content(Course ca, Course cb, String[] sa, String[] sb) {
    int ra = ca.level().rank(), rb = cb.level().rank();
    if (ra < 0 || rb < 0) return -1;
    double num = W_JACCARD * jaccard(sa, sb), den = W_JACCARD;
    if (!ca.organization().isEmpty() && !cb.organization().isEmpty()) {
      den += W_ORG;
      if (ca.organization().equals(cb.organization())) num += W_ORG;
    }
    if (!ca.subject().isEmpty() && !cb.subject().isEmpty()) {
      den += W_SUBJECT;
      if (ca.subject().equals(cb.subject())) num += W_SUBJECT;
    }
    num += W_LEVEL * (rb - ra == 1 ? 1.0 : 0.7);
    den += W_LEVEL;
    return num / den;
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
   * Who took and who completed which course when, from the log: per learner the first time of an enroll, complete
   * or rate event per course (taken) and the first complete event (completed), as flat arrays grouped by learner;
   * per course the learners who took it. Learners whose taking events lack timestamps give no order. Counting for one
   * dependant walks the histories of its learners, so a full pass costs the sum over learners of (courses taken)^2.
   */
  static final class Order {
    private static final long NEVER = Long.MAX_VALUE;
    private final int[] start;      // learner -> first index into course/taken/completed; start[learners] = size
    private final int[] learnerOf;  // entry -> learner
    private final int[] course;
    private final long[] taken;
    private final long[] completed;
    private final int[][] takersOf; // course -> its taking entries
    private final int[] completers;
    final int learners;

    private Order(int[] start, int[] learnerOf, int[] course, long[] taken, long[] completed, int[][] takersOf,
                  int[] completers) {
      this.start = start;
      this.learnerOf = learnerOf;
      this.course = course;
      this.taken = taken;
      this.completed = completed;
      this.takersOf = takersOf;
      this.completers = completers;
      this.learners = start.length - 1;
    }

    static Order of(List<Interaction> interactions, ToIntFunction<String> ordinal, int n) {
      Map<String, Map<Integer, long[]>> byLearner = new java.util.LinkedHashMap<>();
      for (Interaction e : interactions) {
        if (e.event() != EventType.ENROLL && e.event() != EventType.COMPLETE && e.event() != EventType.RATE) continue;
        int c = ordinal.applyAsInt(e.courseId());
        if (e.timestamp() == null || c < 0) continue;
        long t = e.timestamp().getEpochSecond();
        long[] v = byLearner.computeIfAbsent(e.userId(), k -> new HashMap<>()).computeIfAbsent(c, k -> new long[] {NEVER, NEVER});
        v[0] = Math.min(v[0], t);
        if (e.event() == EventType.COMPLETE) v[1] = Math.min(v[1], t);
      }
      int total = 0;
      for (Map<Integer, long[]> m : byLearner.values()) total += m.size();
      int[] start = new int[byLearner.size() + 1];
      int[] learnerOf = new int[total];
      int[] course = new int[total];
      long[] taken = new long[total];
      long[] completed = new long[total];
      int[] takers = new int[n];
      int[] completers = new int[n];
      int u = 0, i = 0;
      for (Map<Integer, long[]> m : byLearner.values()) {
        start[u] = i;
        for (Map.Entry<Integer, long[]> e : m.entrySet()) {
          learnerOf[i] = u;
          course[i] = e.getKey();
          taken[i] = e.getValue()[0];
          completed[i] = e.getValue()[1];
          takers[e.getKey()]++;
          if (completed[i] != NEVER) completers[e.getKey()]++;
          i++;
        }
        u++;
      }
      start[u] = i;
      int[][] takersOf = new int[n][];
      for (int c = 0; c < n; c++) takersOf[c] = new int[takers[c]];
      int[] fill = new int[n];
      for (int j = 0; j < total; j++) takersOf[course[j]][fill[course[j]]++] = j;
      return new Order(start, learnerOf, course, taken, completed, takersOf, completers);
    }

    int completers(int c) { return completers[c]; }

    /** Per-dependant counts, reused between dependants (arrays by course ordinal). */
    static final class Counts {
      final int[] before, after, completedBefore;
      int total;
      long completersOfCandidates;

      Counts(int n) {
        before = new int[n];
        after = new int[n];
        completedBefore = new int[n];
      }
    }

    Counts counts() { return new Counts(completers.length); }

    /**
     * Fills {@code out} for dependant b and its candidates: learners who took each candidate before / after b, who
     * completed it before first taking b, their total over the candidates and the candidates' completers.
     */
    void count(int b, int[] candidates, int k, Counts out) {
      out.total = 0;
      out.completersOfCandidates = 0;
      for (int i = 0; i < k; i++) {
        int a = candidates[i];
        out.before[a] = 0;
        out.after[a] = 0;
        out.completedBefore[a] = 0;
        out.completersOfCandidates += completers[a];
      }
      for (int entry : takersOf[b]) {
        int u = learnerOf[entry];
        long tb = taken[entry];
        for (int j = start[u]; j < start[u + 1]; j++) {
          int a = course[j];
          if (a == b || !isCandidate(a, candidates, k)) continue;
          if (taken[j] < tb) out.before[a]++; else if (taken[j] > tb) out.after[a]++;
          if (completed[j] < tb) {
            out.completedBefore[a]++;
            out.total++;
          }
        }
      }
    }

    private static boolean isCandidate(int a, int[] sortedCandidates, int k) {
      return Arrays.binarySearch(sortedCandidates, 0, k, a) >= 0;
    }
  }
}
