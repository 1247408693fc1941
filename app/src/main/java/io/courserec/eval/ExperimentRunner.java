package io.courserec.eval;

import io.courserec.catalog.EventWeights;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.progress.Counter;
import io.courserec.progress.Progress;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import io.courserec.split.SeededRandom;
import io.courserec.split.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains each algorithm on a split's training part and measures it on the held-out courses, the way
 * {@code ./courserec evaluate} does. For each test learner it asks {@code recommend(RecommendRequest.of(user, K))}
 * &mdash; the whole catalog is ranked, with the default exclusions of taken and dismissed training courses, exactly
 * as served &mdash; in parallel over learners ({@code eval.threads}, default all cores), timing every call. Test
 * learners beyond {@code eval.max_users} are dropped by a seeded sample. All metrics are then aggregated in
 * test-learner order, so the numbers do not depend on thread scheduling.
 *
 * <p>A learner the algorithm cannot serve ({@link UnknownEntityException}) counts with an empty list: zeros for
 * accuracy, excluded from diversity and novelty; {@link AlgorithmResult#servedUsers()} says how many were served.
 * Any other exception is a bug and aborts the run, naming the algorithm and the learner.
 *
 * <p>Latencies include JIT warm-up on the first learners; the steady-state figure is the benchmark's job.
 */
public final class ExperimentRunner {
  private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);

  private final ContentSimilarity similarity;
  private final Progress progress;
  private final int threads;
  private final int maxUsers;
  private final int personalisationUsers;
  private final int calibrationBins;
  private final long seed;
  private final EventWeights semantics;
  private final int warmMin;
  private final int richMin;
  private SplitContext context;

  /**
   * @param config evaluation settings ({@code eval.*}, {@code seed})
   * @param similarity content similarity over the catalog (for intra-list diversity)
   * @param progress hears each stage ("trained in", the metrics line) and counts the learners ranked; null for
   *     silence
   */
  public ExperimentRunner(Config config, ContentSimilarity similarity, Progress progress) {
    this.similarity = similarity;
    this.progress = progress == null ? Progress.NONE : progress;
    int t = config.integer(ConfigKey.EVAL_THREADS);
    this.threads = t > 0 ? t : Runtime.getRuntime().availableProcessors();
    this.maxUsers = config.integer(ConfigKey.EVAL_MAX_USERS);
    this.personalisationUsers = config.integer(ConfigKey.EVAL_PERSONALISATION_USERS);
    this.calibrationBins = config.integer(ConfigKey.EVAL_CALIBRATION_BINS);
    this.seed = config.longValue(ConfigKey.SEED);
    this.semantics = EventWeights.from(config);
    this.warmMin = config.integer(ConfigKey.HYBRID_WARM_MIN);
    this.richMin = config.integer(ConfigKey.HYBRID_RICH_MIN);
  }

  /** Trains a fresh instance of every algorithm on the split and evaluates it; results in input order. */
  public List<AlgorithmResult> run(Split split, List<AlgorithmSpec> algorithms, int k) {
    return run(split, algorithms, k, (label, trained) -> {});
  }

  /**
   * As {@link #run(Split, List, int)}, handing each trained recommender with its label to {@code afterEvaluation}
   * once it has been measured (e.g. to measure learning paths with the hybrid), before the next one is trained.
   */
  public List<AlgorithmResult> run(Split split, List<AlgorithmSpec> algorithms, int k,
                                   java.util.function.BiConsumer<String, Recommender> afterEvaluation) {
    List<AlgorithmResult> out = new ArrayList<>(algorithms.size());
    for (AlgorithmSpec spec : algorithms) {
      Recommender r = spec.factory().apply(split.train());
      say("%s/%s: training on %d interactions", split.name(), spec.label(), split.train().interactions().size());
      long t0 = System.nanoTime();
      r.train(split.train());
      double secs = (System.nanoTime() - t0) / 1e9;
      say("%s/%s: trained in %.2f s", split.name(), spec.label(), secs);
      out.add(evaluate(split, spec.label(), r, secs, k));
      afterEvaluation.accept(spec.label(), r);
    }
    return out;
  }

  /** Evaluates an already trained recommender (trained on {@code split.train()}) on the split's test learners. */
  public AlgorithmResult evaluate(Split split, String label, Recommender trained, double trainSeconds, int k) {
    List<String> users = testUsers(split);
    if (context == null || context.split != split || context.k != k) context = new SplitContext(split, k, users, semantics, warmMin, richMin);
    SplitContext ctx = context;
    UserOutcome[] outcomes = rankAll(split.name() + "/" + label + ": ranked", users, trained, k);

    int n = users.size();
    double p = 0, r = 0, ndcg = 0, ap = 0, rr = 0, hit = 0, ser = 0, ild = 0, nov = 0;
    double[] perUser = new double[n];
    int ildLists = 0, novLists = 0, served = 0;
    long violations = 0;
    long[] nanos = new long[n];
    List<List<String>> lists = new ArrayList<>(n);
    List<Double> confidences = new ArrayList<>();
    List<Boolean> relevance = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String u = users.get(i);
      UserOutcome o = outcomes[i];
      Set<String> rel = split.heldOut().get(u);
      List<String> list = o.ranked();
      lists.add(list);
      nanos[i] = o.nanos();
      if (o.served()) served++;
      p += RankingMetrics.precisionAtK(list, rel, k);
      r += RankingMetrics.recallAtK(list, rel, k);
      perUser[i] = RankingMetrics.ndcgAtK(list, rel, k);
      ndcg += perUser[i];
      ap += RankingMetrics.averagePrecisionAtK(list, rel, k);
      rr += RankingMetrics.reciprocalRankAtK(list, rel, k);
      hit += RankingMetrics.hitAtK(list, rel, k);
      ser += BeyondAccuracyMetrics.serendipity(list, rel, ctx.expected(u), k);
      double d = BeyondAccuracyMetrics.intraListDiversity(list, similarity::cosine);
      if (!Double.isNaN(d)) {
        ild += d;
        ildLists++;
      }
      double nv = BeyondAccuracyMetrics.novelty(list, ctx.popularity::probability);
      if (!Double.isNaN(nv)) {
        nov += nv;
        novLists++;
      }
      Set<String> excluded = ctx.excluded(u);
      for (int j = 0; j < list.size(); j++) {
        if (excluded.contains(list.get(j))) violations++;
        confidences.add(o.confidence()[j]);
        relevance.add(rel.contains(list.get(j)));
      }
    }
    if (violations > 0) {
      log.warn("{} recommended {} courses that learners had taken or dismissed in training", label, violations);
    }
    MetricSummary m = new MetricSummary(p / n, r / n, ndcg / n, ap / n, rr / n, hit / n,
        BeyondAccuracyMetrics.catalogCoverage(lists, split.train().numCourses()),
        ildLists == 0 ? Double.NaN : ild / ildLists, novLists == 0 ? Double.NaN : nov / novLists, ser / n,
        BeyondAccuracyMetrics.personalisation(sample(lists, personalisationUsers)));
    ReliabilityTable calibration;
    try {
      calibration = calibration(confidences, relevance);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(label + " returned an invalid confidence: " + e.getMessage(), e);
    }
    AlgorithmResult result = new AlgorithmResult(label, split.name(), k, n, served, violations, m, trainSeconds,
        LatencySummary.ofNanos(nanos), calibration, perUser, ctx.segments);
    note("%s/%s: NDCG@%d %.4f, recall %.4f, coverage %.3f, %d/%d learners served, %.2f ms per learner",
        split.name(), label, k, m.ndcg(), m.recall(), m.coverage(), served, n, result.ranking().meanMs());
    return result;
  }

  /** The split's test learners in split order, cut to {@code eval.max_users} by a seeded sample. */
  public List<String> testUsers(Split split) {
    List<String> all = new ArrayList<>(split.heldOut().keySet());
    if (all.isEmpty()) throw new IllegalArgumentException("split " + split.name() + " has no test learners");
    if (maxUsers == 0 || all.size() <= maxUsers) return all;
    Set<String> keep = Set.copyOf(sample(all, maxUsers));
    return all.stream().filter(keep::contains).toList();
  }

  /** A seeded sample of at most {@code max} elements (all of them, in order, when there are few enough). */
  private <T> List<T> sample(List<T> items, int max) {
    if (items.size() <= max) return items;
    List<T> shuffled = new ArrayList<>(items);
    SeededRandom.shuffle(shuffled, new SplittableRandom(seed));
    return shuffled.subList(0, max);
  }

  private ReliabilityTable calibration(List<Double> confidence, List<Boolean> relevant) {
    double[] c = new double[confidence.size()];
    boolean[] r = new boolean[c.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = confidence.get(i);
      r[i] = relevant.get(i);
    }
    ReliabilityTable t = Calibration.reliability(c, r, calibrationBins);
    return t.scored() == 0 ? null : t;
  }

  /** One learner's answer. */
  private record UserOutcome(List<String> ranked, double[] confidence, long nanos, boolean served) {}

  private UserOutcome[] rankAll(String label, List<String> users, Recommender rec, int k) {
    UserOutcome[] out = new UserOutcome[users.size()];
    int chunk = Math.max(1, Math.min(64, users.size() / (threads * 8)));
    try (Counter meter = progress.count(label, users.size());
         ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory())) {
      List<Future<?>> tasks = new ArrayList<>();
      for (int start = 0; start < users.size(); start += chunk) {
        int from = start;
        int to = Math.min(users.size(), start + chunk);
        tasks.add(pool.submit(() -> {
          for (int i = from; i < to; i++) {
            out[i] = rankOne(rec, users.get(i), k);
            meter.advance();
          }
        }));
      }
      try {
        for (Future<?> f : tasks) f.get();
      } catch (ExecutionException e) {
        pool.shutdownNow();
        if (e.getCause() instanceof RuntimeException re) throw re;
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("evaluation interrupted", e);
      }
    }
    return out;
  }

  private static UserOutcome rankOne(Recommender rec, String user, int k) {
    long t0 = System.nanoTime();
    List<Recommendation> recs;
    boolean served;
    try {
      recs = rec.recommend(RecommendRequest.of(user, k));
      served = !recs.isEmpty();
    } catch (UnknownEntityException e) {
      recs = List.of();
      served = false;
    } catch (RuntimeException e) {
      throw new IllegalStateException(rec.name() + " failed for learner '" + user + "': " + e, e);
    }
    long nanos = System.nanoTime() - t0;
    int n = Math.min(k, recs.size());
    List<String> ids = new ArrayList<>(n);
    double[] conf = new double[n];
    for (int i = 0; i < n; i++) {
      ids.add(recs.get(i).courseId());
      conf[i] = recs.get(i).confidence();
    }
    return new UserOutcome(List.copyOf(ids), conf, nanos, served);
  }

  private void say(String format, Object... args) {
    progress.stage(String.format(Locale.ROOT, format, args));
  }

  private void note(String format, Object... args) {
    progress.note(String.format(Locale.ROOT, format, args));
  }
}
