package io.courserec.bench;

import io.courserec.gen.SyntheticFeedback;
import io.courserec.catalog.Dataset;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.EaseRecommender;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.NeighborListRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.RecentItemKnnRecommender;
import io.courserec.cf.SequenceRecommender;
import io.courserec.cf.UserKnnRecommender;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.mf.MfRecommender;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * A plain command for training and ranking times of the CF/MF algorithms on {@link SyntheticFeedback} (the JMH
 * benchmarks measure the same more rigorously, but take longer):
 *
 * <pre>
 *   java -Xmx6g -cp bench/target/courserec-bench.jar io.courserec.bench.CfMfTimings [learners courses interactions [rank [algorithms]]]
 * </pre>
 *
 * Defaults: 50,000 learners, 10,000 courses, 1,000,000 events, rank 64, algorithms
 * {@code pop,itemknn,userknn,mf/als,mf/puresvd,itemknn-recent,seq,ease} (EASE only up to {@code cf.ease.max_courses}). Prints one line per step: data
 * generation, matrix build, training per algorithm, then per-learner ranking latency (p50/p99/max over 2,000
 * random learners, k = 10, after a warm-up of 500). Each step shows wall-clock time and the CPU time the whole
 * process spent in it: on a machine shared with other work the wall clock stretches, while CPU time / cores
 * estimates the wall clock of an idle machine.
 */
public final class CfMfTimings {
  private CfMfTimings() {}

  public static void main(String[] args) {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    int learners = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int courses = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int interactions = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    int rank = args.length > 3 ? Integer.parseInt(args[3]) : 64;
    List<String> only = args.length > 4 ? List.of(args[4].split(",")) : null;
    System.out.printf("cores %d, max heap %d MB, java %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    long t = start();
    Dataset data = SyntheticFeedback.generate(learners, courses, interactions, 50, 7);
    report("generate " + learners + " x " + courses + ", " + interactions + " events", t);
    Config base = Config.defaults().with(ConfigKey.MF_RANK, rank);
    t = start();
    InteractionSnapshot snapshot = InteractionSnapshot.build(data, base);
    report("matrix build (" + snapshot.matrix().nnz() + " pairs)", t);

    Map<String, Recommender> algos = new LinkedHashMap<>();
    algos.put("pop", new PopularityRecommender(base));
    algos.put("itemknn", new ItemKnnRecommender(base));
    algos.put("userknn", new UserKnnRecommender(base));
    algos.put("mf/als", new MfRecommender(base));
    algos.put("mf/puresvd", new MfRecommender(base.with(ConfigKey.MF_METHOD, "puresvd")));
    algos.put("itemknn-recent", new RecentItemKnnRecommender(base));
    algos.put("seq", new SequenceRecommender(base));
    algos.put("ease", new EaseRecommender(base));
    if (only != null) algos.keySet().retainAll(only);
    for (Map.Entry<String, Recommender> e : algos.entrySet()) {
      t = start();
      trainer(e.getValue()).accept(snapshot);
      report("train " + e.getKey(), t);
    }
    SplittableRandom rnd = new SplittableRandom(11);
    for (Map.Entry<String, Recommender> e : algos.entrySet()) {
      Recommender r = e.getValue();
      Histogram h = new Histogram(3);
      for (int n = 0; n < 2500; n++) {
        String user = data.learner(rnd.nextInt(data.numLearners())).id();
        long s = System.nanoTime();
        List<?> out = r.recommend(RecommendRequest.of(user, 10));
        if (n >= 500) h.recordValue(Math.max(1, (System.nanoTime() - s) / 1000));
        if (out.size() > 10) throw new IllegalStateException("too many results");
      }
      System.out.printf("rank %-12s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", e.getKey(),
          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
  }

  static Consumer<InteractionSnapshot> trainer(Recommender r) {
    return switch (r) {
      case PopularityRecommender p -> p::train;
      case NeighborListRecommender p -> p::train;
      case UserKnnRecommender p -> p::train;
      case MfRecommender p -> p::train;
      default -> throw new IllegalArgumentException(r.name());
    };
  }

  private static long cpuAtStart;

  private static long start() {
    cpuAtStart = cpu();
    return System.nanoTime();
  }

  /** CPU time of the whole process, ns. */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void report(String what, long t0) {
    System.out.printf("%-48s %8.2f s wall %8.2f s cpu%n", what, (System.nanoTime() - t0) / 1e9, (cpu() - cpuAtStart) / 1e9);
  }
}
