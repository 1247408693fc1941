package io.courserec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.FieldValues;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.KeyedIds;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * The Spark trainer's input: reads the interaction sources ({@code .csv}, Parquet, the feedback store over JDBC up to
 * a sequence), checks each row like the loader (rejects counted by reason), drops erased learners and weighs each
 * event with core's {@link EventWeights} — as {@link SparkTrainer} describes.
 */
final class SparkEvents {
  private final SparkSession spark;
  private final SparkTrainer.Options options;
  private final Config config;

  SparkEvents(SparkSession spark, SparkTrainer.Options options, Config config) {
    this.spark = spark;
    this.options = options;
    this.config = config;
  }

  /** The store read with {@code --store-seq}: {@code --jdbc}, else the configuration's {@code store.jdbc_url}. */
  String storeUrl() {
    return options.jdbcUrl() != null ? options.jdbcUrl() : config.string(ConfigKey.STORE_URL);
  }

  /**
   * Drops the events of learners on the erasure list ({@code --erased}: keyed hashes, {@link KeyedIds#erasureId}).
   * The key stays on the driver: the distinct learner ids stream to it, it hashes each and sends back only the
   * erased ones.
   */
  Dataset<Row> withoutErased(Dataset<Row> events) throws IOException {
    if (options.erased() == null || !Files.exists(options.erased())) return events;
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (String line : Files.readAllLines(options.erased())) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("key ")) listed.add(l);
    }
    if (listed.isEmpty()) return events;
    if (options.idKey() == null) throw new SparkTrainer.BadInputException(options.erased() + " lists erased learners; --id-key is needed to recognise them");
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

  /** Raw events as (u, cid, e, rating, tsText, tsMillis), all sources unioned. */
  Dataset<Row> readAll() throws SparkTrainer.BadInputException {
    List<Dataset<Row>> parts = new ArrayList<>();
    for (String p : options.interactions()) {
      if (!Files.exists(Path.of(p))) throw new SparkTrainer.BadInputException("interactions not found: " + p);
      Dataset<Row> df = p.endsWith(".csv")
          ? spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(p)
          : spark.read().parquet(p);
      for (String c : List.of("user_id", "course_id", "event")) {
        if (!List.of(df.columns()).contains(c)) {
          throw new SparkTrainer.BadInputException(p + ": no column '" + c + "' (columns: " + String.join(", ", df.columns()) + ")");
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
      // the types, not the driver's guess: SQLite reports its INTEGER columns as 32-bit, which overflowed the
      // microsecond receipt times (SparkTrainerTest.readsTheStoreUpToItsSequence)
      var reader = spark.read().format("jdbc").option("url", storeUrl()).option("dbtable", query)
          .option("fetchsize", "10000")
          .option("customSchema", "user_id STRING, course_id STRING, event STRING, rating DOUBLE, "
              + "event_epoch_second LONG, event_nano INT, received_epoch_micro LONG");
      Dataset<Row> df = reader.load();
      // a stored event without a client time takes the time the store received it (TrainingSet.asTraining)
      Column millis = org.apache.spark.sql.functions.when(col("event_epoch_second").isNotNull(),
              col("event_epoch_second").cast("long").multiply(1000).plus(col("event_nano").cast("long").divide(1_000_000).cast("long")))
          .otherwise(col("received_epoch_micro").cast("long").divide(1000).cast("long"));
      parts.add(df.select(col("user_id").as("u"), col("course_id").as("cid"), col("event").as("e"),
          col("rating").cast("string").as("rating"), lit(null).cast("string").as("tsText"), millis.as("tsMillis")));
    }
    if (parts.isEmpty()) throw new SparkTrainer.BadInputException("no interactions given (--interactions or --store-seq)");
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

}
