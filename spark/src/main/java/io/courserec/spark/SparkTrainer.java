package io.courserec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.courserec.catalog.EventWeights;
import io.courserec.cf.ComponentManifest;
import io.courserec.cf.CourseSide;
import io.courserec.cf.ItemSimilarity;
import io.courserec.cf.SequenceTrainer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Trains the course-side artefacts of a model version on Apache Spark ({@link CourseSide}): popularity, item-kNN
 * and sequence neighbour lists (co-occurrence in Spark SQL, top-K per course by window functions) and implicit ALS
 * item factors (MLlib). The application ({@code train --engine spark}) starts it as a child process (or an operator
 * through {@code spark-submit --class io.courserec.spark.SparkTrainer spark/target/courserec-spark.jar ...}), then
 * adopts the artefacts and writes the usual model version. Only {@code courserec-core} is on its classpath.
 *
 * <p>The same rules as the in-process trainer, by the same code where it can be shared: event weights and recency
 * decay from {@link EventWeights} (reference time = the latest event), the (learner, course) value is the sum of its
 * event weights, "positive" means a value above 0; item-kNN is the shrunk cosine of {@code ItemKnnTrainer} over the
 * positive values, the sequence lists are {@link SequenceTrainer}'s counts over each learner's positive courses
 * ordered by their last event. What differs is written down in {@code docs/spark.md} (ALS regularisation is MLlib's,
 * λ times the row's count; untimed events sort first in a sequence).
 *
 * <p>Usage: {@code SparkTrainer --config FILE --courses FILE --out DIR [--master M] [--interactions PATH]...
 * [--store-seq N [--jdbc URL]] [--erased FILE --id-key FILE] [--partitions N]}. Interactions:
 * {@code .csv} files with a header ({@code user_id, course_id, event, rating, timestamp}), Parquet files or
 * directories with those columns, and with {@code --store-seq} the feedback store's {@code interactions} table over
 * JDBC up to sequence N (the store of the configuration's {@code store.jdbc_url} unless {@code --jdbc} names one;
 * PostgreSQL or SQLite). Progress goes to
 * stdout as {@code stage k/n: what} lines; errors to stderr with exit code 2 (bad input) or 1.
 */
public final class SparkTrainer {
  static final int STAGES = 6;

  private final SparkSession spark;
  private final Options options;
  private final Config config;
  private final PrintStream progress;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private final SparkEvents input;

  SparkTrainer(SparkSession spark, Options options, PrintStream progress) {
    this.spark = spark;
    this.options = options;
    this.config = Config.load(options.config, Map.of(), Map.of());
    this.progress = progress;
    this.input = new SparkEvents(spark, options, config);
  }

  /** Parsed command line. */
  record Options(String master, Path config, Path courses, Path out, List<String> interactions, String jdbcUrl,
                 long storeSeq, Path erased, Path idKey, int partitions) {
    static Options parse(String[] args) {
      Map<String, List<String>> m = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --name value, got '" + a + "'");
        m.computeIfAbsent(a.substring(2), k -> new ArrayList<>()).add(args[++i]);
      }
      for (String k : m.keySet()) {
        if (!List.of("master", "config", "courses", "out", "interactions", "jdbc", "store-seq", "erased",
            "id-key", "partitions").contains(k)) throw new IllegalArgumentException("unknown option --" + k);
      }
      for (String req : List.of("config", "courses", "out")) {
        if (!m.containsKey(req)) throw new IllegalArgumentException("missing --" + req);
      }
      return new Options(one(m, "master"), Path.of(one(m, "config")), Path.of(one(m, "courses")), Path.of(one(m, "out")),
          m.getOrDefault("interactions", List.of()), one(m, "jdbc"),
          one(m, "store-seq") == null ? -1 : Long.parseLong(one(m, "store-seq")),
          one(m, "erased") == null ? null : Path.of(one(m, "erased")),
          one(m, "id-key") == null ? null : Path.of(one(m, "id-key")), Integer.parseInt(orElse(one(m, "partitions"), "8")));
    }

    private static String one(Map<String, List<String>> m, String k) {
      List<String> v = m.get(k);
      if (v == null) return null;
      if (v.size() > 1) throw new IllegalArgumentException("--" + k + " given twice");
      return v.get(0);
    }

    private static String orElse(String v, String d) { return v == null ? d : v; }
  }

  public static void main(String[] args) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("SparkTrainer: " + e.getMessage());
      System.exit(2);
      return;
    }
    SparkSession.Builder b = SparkSession.builder().appName("courserec-train")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(o.partitions()))
        .config("spark.sql.adaptive.enabled", "true");
    if (o.master() != null) b.master(o.master());
    SparkSession spark = b.getOrCreate();
    int code = 0;
    try {
      new SparkTrainer(spark, o, System.out).train().write(o.out());
      System.out.println("done: " + o.out().resolve(CourseSide.FILE));
    } catch (BadInputException e) {
      System.err.println("SparkTrainer: " + e.getMessage());
      code = 2;
    } catch (IOException | RuntimeException e) {
      System.err.println("SparkTrainer failed: " + e);
      e.printStackTrace(System.err);
      code = 1;
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  /** Input that cannot be trained on (missing file, unknown columns): exit code 2, one line. */
  static final class BadInputException extends IOException {
    BadInputException(String message) { super(message); }
  }

  CourseSide train() throws IOException {
    long start = System.nanoTime();
    List<String> courseIds = Files.readAllLines(options.courses()).stream().filter(s -> !s.isEmpty()).toList();
    int nc = courseIds.size();
    ItemSimilarity similarity = ItemSimilarity.from(config);
    if (similarity != ItemSimilarity.COSINE) {
      throw new BadInputException("cf.item.similarity=" + similarity.code() + " is not supported by the Spark trainer "
          + "(cosine only); use the in-process trainer");
    }

    stage(1, "reading interactions from " + sources());
    long t = System.nanoTime();
    Dataset<Row> raw = input.readAll();
    Map<String, LongAccumulator> rejected = new TreeMap<>();
    for (String r : List.of("missing user or course", "unknown course", "unknown event", "bad rating", "bad timestamp")) {
      rejected.put(r, spark.sparkContext().longAccumulator(r));
    }
    Dataset<Row> events = input.parse(raw, courseIds, rejected).persist();
    events = input.withoutErased(events);
    Row agg = events.agg(count(lit(1)), max(col("ts"))).first();
    long eventCount = agg.getLong(0);
    Instant reference = agg.isNullAt(1) ? null : Instant.ofEpochMilli(agg.getLong(1));
    if (eventCount == 0) {
      Map<String, Long> why = new TreeMap<>();
      rejected.forEach((k, v) -> { if (v.value() > 0) why.put(k, v.value()); });
      throw new BadInputException("no usable event in " + sources() + (why.isEmpty() ? "" : "; rejected: " + why));
    }
    lap("read", t);

    stage(2, String.format(Locale.ROOT, "summing %,d events into (learner, course) values", eventCount));
    t = System.nanoTime();
    Dataset<Row> pairs = input.weigh(events, reference).groupBy("u", "c")
        .agg(sum("w").as("r"), max("ts").as("last"))
        .filter(col("r").notEqual(0)).persist();
    Dataset<Row> positive = pairs.filter(col("r").gt(0)).persist();
    Row counts = pairs.agg(count(lit(1)), sum(col("r").gt(0).cast("long"))).first();
    int[] popularity = new int[nc];
    for (Row r : positive.groupBy("c").count().collectAsList()) popularity[r.getInt(0)] = (int) r.getLong(1);
    lap("pairs_popularity", t);

    stage(3, "item-kNN co-occurrence and top-K lists");
    t = System.nanoTime();
    int neighbors = config.integer(ConfigKey.ITEMKNN_NEIGHBORS);
    double shrink = config.number(ConfigKey.ITEMKNN_SHRINK);
    SparkLists.ListsBuilder knn = new SparkLists.ListsBuilder(nc);
    for (Row r : SparkLists.itemKnn(positive, neighbors, shrink).collectAsList()) knn.add(r.getInt(0), r.getInt(1), r.getFloat(2));
    lap("itemknn", t);

    stage(4, "sequence lists");
    t = System.nanoTime();
    int window = config.integer(ConfigKey.SEQ_WINDOW);
    int seqK = config.integer(ConfigKey.SEQ_NEIGHBORS);
    double seqShrink = config.number(ConfigKey.SEQ_SHRINKAGE);
    SparkLists.ListsBuilder succ = new SparkLists.ListsBuilder(nc);
    for (Row r : SparkLists.successors(positive, window, seqK, seqShrink).collectAsList()) succ.add(r.getInt(0), r.getInt(1), r.getFloat(2));
    lap("seq", t);

    int rank = config.integer(ConfigKey.MF_RANK);
    int iterations = config.integer(ConfigKey.MF_ITERATIONS);
    double lambda = config.number(ConfigKey.MF_REG);
    double alpha = config.number(ConfigKey.MF_ALPHA);
    stage(5, String.format(Locale.ROOT, "implicit ALS (MLlib, rank %d, %d iterations)", rank, iterations));
    t = System.nanoTime();
    Factors als = als(pairs, nc, rank, iterations, lambda, alpha);
    float[] y = als.items();
    long learners = als.learners();
    lap("als", t);

    stage(6, "collecting the artefacts");
    Map<String, Long> rej = new TreeMap<>();
    rejected.forEach((k, v) -> { if (v.value() > 0) rej.put(k, v.value()); });
    Map<String, Map<String, Object>> params = new TreeMap<>();
    params.put("itemknn", Map.of("similarity", similarity.code(), "neighbors", neighbors, "shrinkage", shrink));
    params.put("seq", Map.of("window", window, "neighbors", seqK, "shrinkage", seqShrink));
    timings.put("total", (System.nanoTime() - start) / 1_000_000);
    CourseSide.Info info = new CourseSide.Info(CourseSide.FORMAT, CourseSide.FORMAT_VERSION, "spark",
        spark.sparkContext().master(), nc, ComponentManifest.fingerprint(courseIds), sources(), eventCount, rej,
        learners, counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1),
        reference == null ? null : reference.toString(), rank, alpha, lambda, "count", iterations, params, timings);
    return new CourseSide(info, popularity, knn.build(), SequenceTrainer.atTargets(succ.ids(), succ.weights()), y);
  }

  private List<String> sources() {
    List<String> s = new ArrayList<>(options.interactions());
    if (options.storeSeq() >= 0) {
      s.add(redact(input.storeUrl()) + " up to sequence " + options.storeSeq());
    }
    return s;
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private void stage(int k, String what) {
    progress.printf(Locale.ROOT, "stage %d/%d: %s%n", k, STAGES, what);
    progress.flush();
  }

  private void lap(String name, long since) {
    timings.put(name, (System.nanoTime() - since) / 1_000_000);
  }

  /** ALS item factors, row-major {@code nc × rank}, and the number of learners the user index counted. */
  record Factors(float[] items, long learners) {}

  /**
   * Item factors of MLlib's implicit ALS (Hu et al. 2008: c = 1 + α|r|, p = [r &gt; 0]) on every nonzero pair;
   * courses without any pair keep zero factors. The learner index ALS needs also counts the learners (one pass).
   */
  Factors als(Dataset<Row> pairs, int nc, int rank, int iterations, double lambda, double alpha) {
    StringIndexerModel users = new StringIndexer().setInputCol("u").setOutputCol("uidx").setHandleInvalid("error")
        .fit(pairs);
    Dataset<Row> indexed = users.transform(pairs)
        .select(col("uidx").cast("int").as("uid"), col("c"), col("r").cast("float").as("r"));
    ALSModel model = new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations).setRegParam(lambda)
        .setAlpha(alpha).setSeed(config.longValue(ConfigKey.SEED)).setUserCol("uid").setItemCol("c").setRatingCol("r")
        .setNumBlocks(Math.max(1, options.partitions())).fit(indexed);
    float[] y = new float[nc * rank];
    for (Row r : model.itemFactors().collectAsList()) {
      int c = r.getInt(0);
      List<Float> f = r.getList(1);
      for (int q = 0; q < rank; q++) y[c * rank + q] = f.get(q);
    }
    return new Factors(y, users.labelsArray()[0].length);
  }

}
