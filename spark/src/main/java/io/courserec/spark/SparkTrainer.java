package io.courserec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.FieldValues;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.KeyedIds;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
 * [--store-seq N [--jdbc URL] [--jdbc-user U]] [--erased FILE --id-key FILE] [--partitions N]}. Interactions:
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

  SparkTrainer(SparkSession spark, Options options, PrintStream progress) {
    this.spark = spark;
    this.options = options;
    this.config = Config.load(options.config, Map.of(), Map.of());
    this.progress = progress;
  }

  /** Parsed command line. */
  record Options(String master, Path config, Path courses, Path out, List<String> interactions, String jdbcUrl,
                 String jdbcUser, long storeSeq, Path erased, Path idKey, int partitions) {
    static Options parse(String[] args) {
      Map<String, List<String>> m = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --name value, got '" + a + "'");
        m.computeIfAbsent(a.substring(2), k -> new ArrayList<>()).add(args[++i]);
      }
      for (String k : m.keySet()) {
        if (!List.of("master", "config", "courses", "out", "interactions", "jdbc", "jdbc-user", "store-seq", "erased",
            "id-key", "partitions").contains(k)) throw new IllegalArgumentException("unknown option --" + k);
      }
      for (String req : List.of("config", "courses", "out")) {
        if (!m.containsKey(req)) throw new IllegalArgumentException("missing --" + req);
      }
      return new Options(one(m, "master"), Path.of(one(m, "config")), Path.of(one(m, "courses")), Path.of(one(m, "out")),
          m.getOrDefault("interactions", List.of()), one(m, "jdbc"), one(m, "jdbc-user"),
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
    Dataset<Row> raw = readAll();
    Map<String, LongAccumulator> rejected = new TreeMap<>();
    for (String r : List.of("missing user or course", "unknown course", "unknown event", "bad rating", "bad timestamp")) {
      rejected.put(r, spark.sparkContext().longAccumulator(r));
    }
    Dataset<Row> events = parse(raw, courseIds, rejected).persist();
    events = withoutErased(events);
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
    Dataset<Row> pairs = weigh(events, reference).groupBy("u", "c")
        .agg(sum("w").as("r"), max("ts").as("last"))
        .filter(col("r").notEqual(0)).persist();
    Dataset<Row> positive = pairs.filter(col("r").gt(0)).persist();
    Row counts = pairs.agg(count(lit(1)), sum(col("r").gt(0).cast("long"))).first();
    long learners = pairs.select("u").distinct().count();
    int[] popularity = new int[nc];
    for (Row r : positive.groupBy("c").count().collectAsList()) popularity[r.getInt(0)] = (int) r.getLong(1);
    lap("pairs_popularity", t);

    stage(3, "item-kNN co-occurrence and top-K lists");
    t = System.nanoTime();
    int neighbors = config.integer(ConfigKey.ITEMKNN_NEIGHBORS);
    double shrink = config.number(ConfigKey.ITEMKNN_SHRINK);
    ListsBuilder knn = new ListsBuilder(nc);
    for (Row r : itemKnn(positive, neighbors, shrink).collectAsList()) knn.add(r.getInt(0), r.getInt(1), r.getFloat(2));
    lap("itemknn", t);

    stage(4, "sequence lists");
    t = System.nanoTime();
    int window = config.integer(ConfigKey.SEQ_WINDOW);
    int seqK = config.integer(ConfigKey.SEQ_NEIGHBORS);
    double seqShrink = config.number(ConfigKey.SEQ_SHRINKAGE);
    ListsBuilder succ = new ListsBuilder(nc);
    for (Row r : successors(positive, window, seqK, seqShrink).collectAsList()) succ.add(r.getInt(0), r.getInt(1), r.getFloat(2));
    lap("seq", t);

    int rank = config.integer(ConfigKey.MF_RANK);
    int iterations = config.integer(ConfigKey.MF_ITERATIONS);
    double lambda = config.number(ConfigKey.MF_REG);
    double alpha = config.number(ConfigKey.MF_ALPHA);
    stage(5, String.format(Locale.ROOT, "implicit ALS (MLlib, rank %d, %d iterations)", rank, iterations));
    t = System.nanoTime();
    float[] y = als(pairs, nc, rank, iterations, lambda, alpha);
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

  /**
   * Drops the events of learners on the erasure list ({@code --erased}: keyed hashes, {@link KeyedIds#erasureId}).
   * The key stays on the driver: the distinct learner ids stream to it, it hashes each and sends back only the
   * erased ones.
   */
  private Dataset<Row> withoutErased(Dataset<Row> events) throws IOException {
    if (options.erased() == null || !Files.exists(options.erased())) return events;
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (String line : Files.readAllLines(options.erased())) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("key ")) listed.add(l);
    }
    if (listed.isEmpty()) return events;
    if (options.idKey() == null) throw new BadInputException(options.erased() + " lists erased learners; --id-key is needed to recognise them");
    KeyedIds ids = new KeyedIds(java.util.HexFormat.of().parseHex(Files.readString(options.idKey()).strip()));
    List<String> gone = new ArrayList<>();
    for (Iterator<Row> it = events.select("u").distinct().toLocalIterator(); it.hasNext(); ) {
      String u = it.next().getString(0);
      if (listed.contains(ids.erasureId(u))) gone.add(u);
    }
    if (gone.isEmpty()) return events;
    Dataset<Row> drop = spark.createDataset(gone, Encoders.STRING()).toDF("gone");
    return events.join(org.apache.spark.sql.functions.broadcast(drop), events.col("u").equalTo(drop.col("gone")), "left_anti")
        .persist();
  }

  private List<String> sources() {
    List<String> s = new ArrayList<>(options.interactions());
    if (options.storeSeq() >= 0) s.add(redact(storeUrl()) + " up to sequence " + options.storeSeq());
    return s;
  }

  private String storeUrl() {
    return options.jdbcUrl() != null ? options.jdbcUrl() : config.string(ConfigKey.STORE_URL);
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

  /** Raw events as (u, cid, e, rating, tsText, tsMillis), all sources unioned. */
  Dataset<Row> readAll() throws BadInputException {
    List<Dataset<Row>> parts = new ArrayList<>();
    for (String p : options.interactions()) {
      if (!Files.exists(Path.of(p))) throw new BadInputException("interactions not found: " + p);
      Dataset<Row> df = p.endsWith(".csv")
          ? spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(p)
          : spark.read().parquet(p);
      for (String c : List.of("user_id", "course_id", "event")) {
        if (!List.of(df.columns()).contains(c)) {
          throw new BadInputException(p + ": no column '" + c + "' (columns: " + String.join(", ", df.columns()) + ")");
        }
      }
      Column rating = List.of(df.columns()).contains("rating") ? col("rating").cast("string") : lit(null).cast("string");
      Column tsText = lit(null).cast("string");
      Column tsMillis = lit(null).cast("long");
      if (List.of(df.columns()).contains("timestamp")) {
        boolean typed = df.schema().apply("timestamp").dataType() instanceof org.apache.spark.sql.types.TimestampType;
        if (typed) tsMillis = org.apache.spark.sql.functions.unix_millis(col("timestamp"));
        else tsText = col("timestamp").cast("string");
      }
      parts.add(df.select(col("user_id").cast("string").as("u"), col("course_id").cast("string").as("cid"),
          col("event").cast("string").as("e"), rating.as("rating"), tsText.as("tsText"), tsMillis.as("tsMillis")));
    }
    if (options.storeSeq() >= 0) {
      String query = "(SELECT user_id, course_id, event, rating, event_epoch_second, event_nano, received_epoch_micro"
          + " FROM interactions WHERE seq <= " + options.storeSeq() + ") AS feedback";
      var reader = spark.read().format("jdbc").option("url", storeUrl()).option("dbtable", query)
          .option("fetchsize", "10000");
      if (options.jdbcUser() != null) reader = reader.option("user", options.jdbcUser());
      Dataset<Row> df = reader.load();
      // a stored event without a client time takes the time the store received it (TrainingSet.asTraining)
      Column millis = org.apache.spark.sql.functions.when(col("event_epoch_second").isNotNull(),
              col("event_epoch_second").cast("long").multiply(1000).plus(col("event_nano").cast("long").divide(1_000_000).cast("long")))
          .otherwise(col("received_epoch_micro").cast("long").divide(1000).cast("long"));
      parts.add(df.select(col("user_id").as("u"), col("course_id").as("cid"), col("event").as("e"),
          col("rating").cast("string").as("rating"), lit(null).cast("string").as("tsText"), millis.as("tsMillis")));
    }
    if (parts.isEmpty()) throw new BadInputException("no interactions given (--interactions or --store-seq)");
    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) all = all.unionByName(parts.get(i));
    return all;
  }

  static final StructType EVENTS = new StructType()
      .add("u", DataTypes.StringType, false)
      .add("cid", DataTypes.StringType, false)
      .add("c", DataTypes.IntegerType, false)
      .add("e", DataTypes.StringType, false)
      .add("rating", DataTypes.DoubleType, true)
      .add("ts", DataTypes.LongType, true);

  /** Checks each row like the loader and keeps (u, cid, c, e, rating, ts millis); rejects are counted by reason. */
  Dataset<Row> parse(Dataset<Row> raw, List<String> courseIds, Map<String, LongAccumulator> rejected) {
    HashMap<String, Integer> ordinals = new HashMap<>();
    for (int i = 0; i < courseIds.size(); i++) ordinals.put(courseIds.get(i), i);
    var bc = spark.sparkContext().broadcast(ordinals, scala.reflect.ClassTag$.MODULE$.apply(HashMap.class));
    Map<String, LongAccumulator> acc = rejected;
    FlatMapFunction<Row, Row> f = row -> {
      String u = trim(row.getString(0));
      String cid = trim(row.getString(1));
      if (u == null || cid == null) return reject(acc, "missing user or course");
      Integer c = bc.value().get(cid);
      if (c == null) return reject(acc, "unknown course");
      EventType e = EventType.fromCode(trim(row.getString(2))).orElse(null);
      if (e == null) return reject(acc, "unknown event");
      Double rating = null;
      String rt = trim(row.getString(3));
      if (rt != null) {
        try {
          rating = Double.parseDouble(rt);
          if (!Double.isFinite(rating)) return reject(acc, "bad rating");
        } catch (NumberFormatException ex) {
          return reject(acc, "bad rating");
        }
      }
      if (e == EventType.RATE && rating == null) return reject(acc, "bad rating");
      Long ts = row.isNullAt(5) ? null : row.getLong(5);
      String tt = trim(row.getString(4));
      if (ts == null && tt != null) {
        Instant i = FieldValues.timestamp(tt);
        if (i == null) return reject(acc, "bad timestamp");
        ts = i.toEpochMilli();
      }
      return List.of(RowFactory.create(u, cid, c, e.code(), rating, ts)).iterator();
    };
    return raw.flatMap(f, Encoders.row(EVENTS));
  }

  private static Iterator<Row> reject(Map<String, LongAccumulator> acc, String why) {
    acc.get(why).add(1);
    return java.util.Collections.emptyIterator();
  }

  private static String trim(String s) {
    if (s == null) return null;
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  static final StructType WEIGHTED = new StructType()
      .add("u", DataTypes.StringType, false)
      .add("c", DataTypes.IntegerType, false)
      .add("w", DataTypes.DoubleType, false)
      .add("ts", DataTypes.LongType, true);

  /** Each event's weight with recency decay from {@code reference}, by {@link EventWeights#of(Interaction, Instant)}. */
  Dataset<Row> weigh(Dataset<Row> events, Instant reference) {
    EventWeights w = EventWeights.from(config);
    // the record's fields travel as numbers and codes; EventWeights itself is rebuilt on the executors
    double[] nums = {w.view(), w.bookmark(), w.enroll(), w.complete(), w.rate(), w.ratingNeutral(), w.dismiss(), w.halfLifeDays()};
    String taken = w.takenCodes();
    Long ref = reference == null ? null : reference.toEpochMilli();
    MapFunction<Row, Row> f = row -> {
      EventWeights ew = new EventWeights(nums[0], nums[1], nums[2], nums[3], nums[4], nums[5], nums[6], nums[7],
          EventWeights.parseTaken(taken));
      EventType e = EventType.fromCode(row.getString(3)).orElseThrow();
      Double rating = row.isNullAt(4) ? null : row.getDouble(4);
      Long ts = row.isNullAt(5) ? null : row.getLong(5);
      Interaction i = new Interaction(row.getString(0), row.getString(1), e, rating,
          ts == null ? null : Instant.ofEpochMilli(ts));
      double weight = ew.of(i, ref == null ? null : Instant.ofEpochMilli(ref));
      return RowFactory.create(row.getString(0), row.getInt(2), weight, ts);
    };
    return events.map(f, Encoders.row(WEIGHTED));
  }

  /**
   * (i, j, sim) for every course i and its top-K neighbours j: sim = cos(r₊_i, r₊_j) · n/(n + shrinkage) over the
   * positive values, n = learners with both; ties by lower j (the order {@code ItemKnnTrainer} keeps).
   */
  static Dataset<Row> itemKnn(Dataset<Row> positive, int k, double shrinkage) {
    Dataset<Row> norms = positive.groupBy("c").agg(sqrt(sum(col("r").multiply(col("r")))).as("norm"));
    Dataset<Row> a = positive.select(col("u"), col("c").as("i"), col("r").as("ri"));
    Dataset<Row> b = positive.select(col("u").as("ub"), col("c").as("j"), col("r").as("rj"));
    Dataset<Row> co = a.join(b, a.col("u").equalTo(b.col("ub")).and(a.col("i").notEqual(b.col("j"))))
        .groupBy("i", "j").agg(sum(col("ri").multiply(col("rj"))).as("dot"), count(lit(1)).as("n"));
    Dataset<Row> ni = norms.select(col("c").as("ci"), col("norm").as("normi"));
    Dataset<Row> nj = norms.select(col("c").as("cj"), col("norm").as("normj"));
    Dataset<Row> sims = co.join(ni, co.col("i").equalTo(ni.col("ci"))).join(nj, co.col("j").equalTo(nj.col("cj")))
        .select(col("i"), col("j"), col("dot").divide(col("normi").multiply(col("normj")))
            .multiply(col("n").divide(col("n").plus(shrinkage))).cast("float").as("sim"))
        .filter(col("sim").gt(0));
    return topK(sims, "i", "j", "sim", k);
  }

  /**
   * (x, y, s) for every course x and its top-K successors y: each learner's positive courses in order of their last
   * event (untimed first, then by ordinal), C(x→y) = Σ 1/(b − a) over pairs at most {@code window} apart,
   * s = C(x→y) / (Σ_y C(x→y) + shrinkage).
   */
  static Dataset<Row> successors(Dataset<Row> positive, int window, int k, double shrinkage) {
    Dataset<Row> ordered = positive.withColumn("pos",
        row_number().over(Window.partitionBy("u").orderBy(col("last").asc_nulls_first(), col("c").asc())));
    Dataset<Row> a = ordered.select(col("u"), col("c").as("x"), col("pos").as("pa"));
    Dataset<Row> b = ordered.select(col("u").as("ub"), col("c").as("y"), col("pos").as("pb"));
    Dataset<Row> mass = a.join(b, a.col("u").equalTo(b.col("ub"))
            .and(b.col("pb").gt(a.col("pa"))).and(b.col("pb").leq(a.col("pa").plus(window))))
        .groupBy("x", "y").agg(sum(lit(1.0).divide(col("pb").minus(col("pa")))).as("cxy"));
    Dataset<Row> s = mass.withColumn("cx", sum("cxy").over(Window.partitionBy("x")))
        .select(col("x"), col("y"), col("cxy").divide(col("cx").plus(shrinkage)).cast("float").as("s"))
        .filter(col("s").gt(0));
    return topK(s, "x", "y", "s", k);
  }

  private static Dataset<Row> topK(Dataset<Row> scored, String key, String other, String score, int k) {
    return scored.withColumn("rk", row_number().over(Window.partitionBy(key).orderBy(col(score).desc(), col(other).asc())))
        .filter(col("rk").leq(k)).select(col(key), col(other), col(score));
  }

  /**
   * Item factors of MLlib's implicit ALS (Hu et al. 2008: c = 1 + α|r|, p = [r &gt; 0]) on every nonzero pair;
   * courses without any pair keep zero factors. Row-major, {@code nc × rank}.
   */
  float[] als(Dataset<Row> pairs, int nc, int rank, int iterations, double lambda, double alpha) {
    Dataset<Row> indexed = new StringIndexer().setInputCol("u").setOutputCol("uidx").setHandleInvalid("error")
        .fit(pairs).transform(pairs)
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
    return y;
  }

  /** Per-course lists gathered from (key, other, score) rows, which arrive from the cluster in no order. */
  static final class ListsBuilder {
    private final List<List<long[]>> raw;

    ListsBuilder(int n) {
      raw = new ArrayList<>(n);
      for (int i = 0; i < n; i++) raw.add(new ArrayList<>());
    }

    void add(int key, int other, float score) {
      raw.get(key).add(new long[] {other, Float.floatToIntBits(score)});
    }

    private int[][] ids;
    private float[][] weights;

    /** Strongest first, ties by lower ordinal. */
    private void sort() {
      if (ids != null) return;
      int n = raw.size();
      ids = new int[n][];
      weights = new float[n][];
      for (int i = 0; i < n; i++) {
        List<long[]> l = raw.get(i);
        l.sort((p, q) -> {
          int cmp = Float.compare(Float.intBitsToFloat((int) q[1]), Float.intBitsToFloat((int) p[1]));
          return cmp != 0 ? cmp : Long.compare(p[0], q[0]);
        });
        ids[i] = new int[l.size()];
        weights[i] = new float[l.size()];
        for (int z = 0; z < l.size(); z++) {
          ids[i][z] = (int) l.get(z)[0];
          weights[i][z] = Float.intBitsToFloat((int) l.get(z)[1]);
        }
      }
    }

    int[][] ids() { sort(); return ids; }
    float[][] weights() { sort(); return weights; }
    io.courserec.cf.ItemKnnModel build() { return CourseSide.lists(ids(), weights()); }
  }
}
