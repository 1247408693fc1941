package io.courserec.bench;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.CsvWriter;
import io.courserec.catalog.Dataset;
import io.courserec.cf.CourseSide;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.SequenceRecommender;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.SparkTraining;
import io.courserec.eval.AlgorithmResult;
import io.courserec.eval.ContentSimilarity;
import io.courserec.eval.ExperimentRunner;
import io.courserec.hybrid.HybridRecommender;
import io.courserec.mf.MfRecommender;
import io.courserec.mf.RegularizationScaling;
import io.courserec.progress.Progress;
import io.courserec.rec.Recommender;
import io.courserec.split.Split;
import io.courserec.split.SplitKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ranking quality of a model trained by the Spark module against the in-process trainer, same hyper-parameters,
 * same split: the seeded random holdout of {@code train}'s quality check ({@code eval.holdout_fraction} of each
 * eligible learner's positive courses), NDCG@10 over the held-out learners (at most {@code eval.max_users}), for
 * each adopted artefact alone (pop, itemknn, seq, mf) and for the hybrid. Also the wall time of each trainer.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests          # builds bench/target/courserec-bench.jar and the spark module
 * java --add-modules jdk.incubator.vector -Xmx8g -Dcourserec.home=. -cp bench/target/courserec-bench.jar \
 *   io.courserec.bench.SparkParityBench DATA_DIR [local[2]] [key=value ...]
 * </pre>
 *
 * With {@code -Dparity.timing_only=true} nothing is held out or evaluated: the whole data set is trained by both
 * (the in-process snapshot build and the four course-side trainings, each timed, against the Spark trainer's wall
 * time, JVM start included) — the training-time benchmark at 4M and 20M events.
 *
 * <p>MLlib's ALS scales λ by each row's count (ALS-WR), so the comparison sets {@code mf.regularization_scaling=count}
 * for the in-process ALS too unless a {@code key=value} says otherwise; tuning is off (fixed hyper-parameters).
 */
public final class SparkParityBench {
  private SparkParityBench() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    String master = args.length > 1 ? args[1] : "local[2]";
    Map<String, String> overrides = new HashMap<>();
    overrides.put("mf.regularization_scaling", "count");
    overrides.put("tune.enabled", "false");
    for (int i = 2; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      overrides.put(kv[0], kv[1]);
    }
    Config config = Config.load(Path.of("config/courserec.properties"), Map.of(), overrides);
    long tl = System.nanoTime();
    Dataset data = CatalogLoader.load(dataDir, config).dataset();
    double loadSeconds = (System.nanoTime() - tl) / 1e9;
    if (Boolean.getBoolean("parity.timing_only")) {
      timings(config, data, dataDir, master, loadSeconds);
      return;
    }
    Split split = SplitKind.RANDOM.create(config).split(data);
    int k = config.integer(ConfigKey.EVAL_K);
    System.out.printf(Locale.ROOT, "%s: %d courses, %d learners, %d interactions; %d held-out learners, master %s%n",
        dataDir, data.numCourses(), data.numLearners(), data.interactions().size(), split.heldOut().size(), master);

    Path work = Files.createTempDirectory("spark-parity-");
    CsvWriter.writeInteractions(work.resolve("interactions.csv"), split.train().interactions());
    Config sparkConfig = config.with(ConfigKey.DATA_DIR, work.toString()).with(ConfigKey.SPARK_MASTER, master);
    long t0 = System.nanoTime();
    CourseSide side = SparkTraining.run(sparkConfig, split.train(), -1, work.resolve("none"), null,
        Files.createDirectories(work.resolve("version")), Progress.NONE);
    double sparkSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "spark trainer: %.1f s wall (%s)%n", sparkSeconds, side.info().timingsMs());

    ExperimentRunner runner = new ExperimentRunner(config, ContentSimilarity.of(data), Progress.NONE);
    InteractionSnapshot snap = InteractionSnapshot.build(split.train(), config);
    Map<String, double[]> rows = new LinkedHashMap<>();

    PopularityRecommender popA = new PopularityRecommender(config);
    PopularityRecommender popB = new PopularityRecommender(config);
    rows.put("pop", pair(runner, split, k, popA, () -> popA.train(snap), popB, () -> popB.adopt(snap, side.popularity(), 0)));
    ItemKnnRecommender knnA = new ItemKnnRecommender(config);
    ItemKnnRecommender knnB = new ItemKnnRecommender(config);
    rows.put("itemknn", pair(runner, split, k, knnA, () -> knnA.train(snap), knnB,
        () -> knnB.adopt(snap, side.itemKnn(), Map.of(), 0)));
    SequenceRecommender seqA = new SequenceRecommender(config);
    SequenceRecommender seqB = new SequenceRecommender(config);
    rows.put("seq", pair(runner, split, k, seqA, () -> seqA.train(snap), seqB,
        () -> seqB.adopt(snap, side.sequence(), Map.of(), 0)));
    MfRecommender mfA = new MfRecommender(config);
    MfRecommender mfB = new MfRecommender(config);
    rows.put("mf", pair(runner, split, k, mfA, () -> mfA.train(snap), mfB, () -> mfB.adopt(snap, side.info().rank(),
        side.itemFactors(), side.info().alpha(), side.info().lambda(), RegularizationScaling.parse(side.info().scaling()),
        Map.of(), 0)));
    try (HybridRecommender hA = new HybridRecommender(config, null, false);
         HybridRecommender hB = new HybridRecommender(config, null, false)) {
      rows.put("hybrid", pair(runner, split, k, hA, () -> hA.train(split.train(), Progress.NONE), hB,
          () -> hB.train(split.train(), Progress.NONE, side)));
    }
    System.out.printf(Locale.ROOT, "%-8s %12s %12s %9s %10s %10s%n", "algo", "ndcg@" + k + " in", "ndcg@" + k + " spark",
        "rel diff", "train in", "adopt");
    rows.forEach((name, r) -> System.out.printf(Locale.ROOT, "%-8s %12.4f %12.4f %+8.2f%% %9.1fs %9.1fs%n", name, r[0], r[1],
        100 * (r[1] - r[0]) / r[0], r[2], r[3]));
  }

  private static void timings(Config config, Dataset data, Path dataDir, String master, double loadSeconds) throws Exception {
    System.out.printf(Locale.ROOT, "%s: %d courses, %d learners, %d interactions (loaded in %.1f s); master %s%n",
        dataDir, data.numCourses(), data.numLearners(), data.interactions().size(), loadSeconds, master);
    Path work = Files.createTempDirectory("spark-timing-");
    Config sparkConfig = config.with(ConfigKey.SPARK_MASTER, master).with(ConfigKey.DATA_DIR, dataDir.toString());
    long t0 = System.nanoTime();
    CourseSide side = SparkTraining.run(sparkConfig, data, -1, work.resolve("none"), null,
        Files.createDirectories(work.resolve("version")), Progress.NONE);
    System.out.printf(Locale.ROOT, "spark trainer: %.1f s wall, stages %s%n", (System.nanoTime() - t0) / 1e9,
        side.info().timingsMs());
    t0 = System.nanoTime();
    InteractionSnapshot snap = InteractionSnapshot.build(data, config);
    double tSnap = (System.nanoTime() - t0) / 1e9;
    Map<String, Runnable> trainers = new LinkedHashMap<>();
    trainers.put("pop", () -> new PopularityRecommender(config).train(snap));
    trainers.put("itemknn", () -> new ItemKnnRecommender(config).train(snap));
    trainers.put("seq", () -> new SequenceRecommender(config).train(snap));
    trainers.put("mf", () -> new MfRecommender(config).train(snap));
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "in-process: snapshot %.1f s", tSnap));
    double total = tSnap;
    for (Map.Entry<String, Runnable> e : trainers.entrySet()) {
      t0 = System.nanoTime();
      e.getValue().run();
      double s = (System.nanoTime() - t0) / 1e9;
      total += s;
      sb.append(String.format(Locale.ROOT, ", %s %.1f s", e.getKey(), s));
    }
    System.out.println(sb + String.format(Locale.ROOT, "; total %.1f s (after a %.1f s load)", total, loadSeconds));
  }

  private static double[] pair(ExperimentRunner runner, Split split, int k, Recommender a, Runnable trainA, Recommender b,
                               Runnable adoptB) {
    long t0 = System.nanoTime();
    trainA.run();
    double ta = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    adoptB.run();
    double tb = (System.nanoTime() - t0) / 1e9;
    AlgorithmResult ra = runner.evaluate(split, a.name(), a, ta, k);
    AlgorithmResult rb = runner.evaluate(split, b.name(), b, tb, k);
    return new double[] {ra.metrics().ndcg(), rb.metrics().ndcg(), ta, tb};
  }
}
