package io.courserec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.LoadResult;
import io.courserec.cf.CourseSide;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.ItemKnnModel;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.Neighbors;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.SequenceRecommender;
import io.courserec.catalog.CatalogLoader;
import io.courserec.config.Config;
import io.courserec.mf.MfRecommender;
import io.courserec.mf.RegularizationScaling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark trainer in {@code local[2]} on the bundled sample (400 courses, 3,000 learners, 54,399 events) against
 * the in-process trainers on the same data: popularity identical, item-kNN and sequence lists the same (sums run in
 * another order on the cluster, so similarities are compared to 1e-5 relative and a list may swap two neighbours
 * whose similarities tie to float precision), ALS item factors that rank each learner's own courses far above the
 * rest. Tests run from the repository root.
 */
class SparkTrainerTest {
  static final Path SAMPLE = Path.of("data/sample");
  static SparkSession spark;
  static Dataset data;
  static Config config;
  static CourseSide side;
  static Path out;

  @BeforeAll
  static void train(@TempDir Path tmp) throws IOException {
    config = Config.defaults();
    LoadResult loaded = CatalogLoader.load(SAMPLE, config);
    data = loaded.dataset();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < data.numCourses(); i++) ids.add(data.course(i).id());
    Path courses = Files.write(tmp.resolve("courses.txt"), ids);
    Path props = tmp.resolve("config.properties");
    StringBuilder sb = new StringBuilder();
    config.asMap().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    Files.writeString(props, sb.toString());
    out = tmp.resolve("out");
    spark = SparkSession.builder().master("local[2]").appName("courserec-test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    SparkTrainer.Options o = SparkTrainer.Options.parse(new String[] {"--config", props.toString(), "--courses",
        courses.toString(), "--out", out.toString(), "--interactions", SAMPLE.resolve("interactions.csv").toString(),
        "--partitions", "4"});
    side = new SparkTrainer(spark, o, System.out).train();
    side.write(out);
  }

  @AfterAll
  static void stop() {
    if (spark != null) spark.stop();
  }

  @Test
  void readsBackForTheSameCatalogAndCountsEveryEvent() throws IOException {
    CourseSide back = CourseSide.read(out, data);
    assertThat(back.popularity()).containsExactly(side.popularity());
    assertThat(back.info().events()).isEqualTo(data.interactions().size());
    assertThat(back.info().rejected()).isEmpty();
    assertThat(back.info().learners()).isPositive();
    assertThat(back.info().engine()).isEqualTo("spark");
    assertThat(back.info().master()).isEqualTo("local[2]");
  }

  /** The same log as Parquet (timestamps as a typed column) trains the same artefacts. */
  @Test
  void parquetInputTrainsTheSameArtefacts(@TempDir Path tmp) throws IOException {
    Path parquet = tmp.resolve("interactions.parquet");
    spark.read().option("header", "true").csv(SAMPLE.resolve("interactions.csv").toString())
        .withColumn("timestamp", org.apache.spark.sql.functions.to_timestamp(org.apache.spark.sql.functions.col("timestamp")))
        .withColumn("rating", org.apache.spark.sql.functions.col("rating").cast("double"))
        .write().parquet(parquet.toString());
    SparkTrainer.Options o = SparkTrainer.Options.parse(new String[] {"--config", out.getParent().resolve("config.properties").toString(),
        "--courses", out.getParent().resolve("courses.txt").toString(), "--out", tmp.resolve("o").toString(),
        "--interactions", parquet.toString(), "--partitions", "4"});
    CourseSide fromParquet = new SparkTrainer(spark, o, System.out).train();
    assertThat(fromParquet.info().events()).isEqualTo(side.info().events());
    assertThat(fromParquet.info().referenceTime()).isEqualTo(side.info().referenceTime());
    assertThat(fromParquet.popularity()).containsExactly(side.popularity());
    assertSameLists(fromParquet.itemKnn(), side.itemKnn());
    assertSameLists(fromParquet.sequence(), side.sequence());
  }

  /**
   * The feedback store over JDBC (a SQLite file with the store's columns): only events up to {@code --store-seq}
   * count, and an event without a client time is timed at receipt.
   */
  @Test
  void readsTheStoreUpToItsSequence(@TempDir Path tmp) throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("feedback.db");
    String c0 = data.course(0).id();
    String c1 = data.course(1).id();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TABLE interactions (seq INTEGER PRIMARY KEY, user_id TEXT, course_id TEXT, event TEXT,"
          + " rating REAL, event_epoch_second INTEGER, event_nano INTEGER, received_epoch_micro INTEGER NOT NULL)");
      st.execute("INSERT INTO interactions VALUES (1, 'a', '" + c0 + "', 'enroll', NULL, 1700000000, 0, 1700000100000000)");
      st.execute("INSERT INTO interactions VALUES (2, 'b', '" + c1 + "', 'view', NULL, NULL, NULL, 1800000000000000)");
      st.execute("INSERT INTO interactions VALUES (3, 'c', '" + c0 + "', 'complete', NULL, 1900000000, 0, 1900000000000000)");
    }
    SparkTrainer.Options o = SparkTrainer.Options.parse(new String[] {"--config",
        out.getParent().resolve("config.properties").toString(), "--courses",
        out.getParent().resolve("courses.txt").toString(), "--out", tmp.resolve("o").toString(), "--store-seq", "2",
        "--jdbc", url, "--partitions", "2"});
    CourseSide fromStore = new SparkTrainer(spark, o, System.out).train();
    assertThat(fromStore.info().events()).as("seq 3 is after the build's position").isEqualTo(2);
    assertThat(fromStore.info().referenceTime()).as("b's view, timed at receipt").isEqualTo("2027-01-15T08:00:00Z");
    assertThat(fromStore.info().sources()).anyMatch(x -> x.contains("up to sequence 2"));
    assertThat(fromStore.popularity()[0]).isEqualTo(1);
    assertThat(fromStore.popularity()[1]).isEqualTo(1);
  }

  @Test
  void popularityEqualsTheInProcessCount() {
    InteractionSnapshot snap = InteractionSnapshot.build(data, config);
    PopularityRecommender pop = new PopularityRecommender(config);
    pop.train(snap);
    for (int c = 0; c < data.numCourses(); c++) assertThat(side.popularity()[c]).as("course %d", c).isEqualTo(pop.popularity(c));
  }

  @Test
  void itemKnnListsMatchTheInProcessTrainer() {
    ItemKnnRecommender local = new ItemKnnRecommender(config);
    local.train(InteractionSnapshot.build(data, config));
    assertSameLists(side.itemKnn(), local.model());
  }

  @Test
  void sequenceListsMatchTheInProcessTrainer() {
    SequenceRecommender local = new SequenceRecommender(config);
    local.train(InteractionSnapshot.build(data, config));
    assertSameLists(side.sequence(), local.model());
  }

  @Test
  void alsItemFactorsRankEachLearnersOwnCoursesHigh() {
    InteractionSnapshot snap = InteractionSnapshot.build(data, config);
    MfRecommender mf = new MfRecommender(config);
    mf.adopt(snap, side.info().rank(), side.itemFactors(), side.info().alpha(), side.info().lambda(),
        RegularizationScaling.parse(side.info().scaling()), Map.of(), 0);
    // AUC of a learner's positive courses against all others, averaged over learners with any: a model that learned
    // nothing sits at 0.5; the in-process ALS on this sample is above 0.9
    var m = snap.matrix();
    double aucSum = 0;
    int learners = 0;
    for (int u = 0; u < m.numLearners(); u++) {
      List<Integer> pos = new ArrayList<>();
      for (int p = m.rowStart(u); p < m.rowEnd(u); p++) if (m.vals()[p] > 0) pos.add(m.cols()[p]);
      if (pos.isEmpty() || pos.size() == m.numCourses()) continue;
      float[] s = mf.model().scores(mf.model().userFactors(u));
      long wins = 0;
      long total = 0;
      for (int i : pos) {
        for (int j = 0; j < m.numCourses(); j++) {
          if (pos.contains(j)) continue;
          total++;
          if (s[i] > s[j]) wins++;
        }
      }
      aucSum += (double) wins / total;
      learners++;
    }
    assertThat(aucSum / learners).isGreaterThan(0.85);
  }

  @Test
  void refusesAnotherCatalogAndBadInput(@TempDir Path tmp) throws IOException {
    Dataset fewer = Dataset.of(data.courses().subList(0, 10), data.learners(), List.of());
    assertThatThrownBy(() -> CourseSide.read(out, fewer)).hasMessageContaining("another course catalog");
    assertThatThrownBy(() -> SparkTrainer.Options.parse(new String[] {"--config", "x", "--courses", "y"}))
        .hasMessageContaining("missing --out");
    Path bad = Files.writeString(tmp.resolve("bad.csv"), "learner,course,what\nU1,C1,view\n");
    SparkTrainer.Options o = SparkTrainer.Options.parse(new String[] {"--config", "config/courserec.properties",
        "--courses", tmp.resolve("c.txt").toString(), "--out", tmp.resolve("o").toString(), "--interactions", bad.toString()});
    Files.writeString(tmp.resolve("c.txt"), "C1\n");
    assertThatThrownBy(() -> new SparkTrainer(spark, o, System.out).train())
        .isInstanceOf(SparkTrainer.BadInputException.class).hasMessageContaining("no column 'user_id'");
    // a catalog that shares no course with the log: every row rejected, said with the reason, no ALS crash
    Files.writeString(tmp.resolve("other.txt"), "ZZ-1\nZZ-2\n");
    SparkTrainer.Options none = SparkTrainer.Options.parse(new String[] {"--config", "config/courserec.properties",
        "--courses", tmp.resolve("other.txt").toString(), "--out", tmp.resolve("o2").toString(),
        "--interactions", SAMPLE.resolve("interactions.csv").toString()});
    assertThatThrownBy(() -> new SparkTrainer(spark, none, System.out).train())
        .isInstanceOf(SparkTrainer.BadInputException.class)
        .hasMessageContaining("no usable event").hasMessageContaining("unknown course=" + data.interactions().size());
  }

  /**
   * Same neighbours per course, similarities to 1e-5 relative. Where two neighbours' similarities are equal to
   * within that tolerance their order (and which of them survives the top-K cut) may differ, so a mismatch is
   * accepted only between such near-ties.
   */
  static void assertSameLists(ItemKnnModel spark, ItemKnnModel local) {
    assertThat(spark.numCourses()).isEqualTo(local.numCourses());
    int compared = 0;
    for (int i = 0; i < local.numCourses(); i++) {
      Neighbors a = spark.neighbors(i);
      Neighbors b = local.neighbors(i);
      assertThat(a.size()).as("list size of course %d", i).isEqualTo(b.size());
      for (int q = 0; q < a.size(); q++) {
        float sa = a.similarities()[q];
        float sb = b.similarities()[q];
        assertThat((double) sa).as("course %d, place %d", i, q).isCloseTo(sb, org.assertj.core.data.Offset.offset(1e-5 * Math.abs(sb) + 1e-9));
        if (a.ids()[q] != b.ids()[q]) {
          float other = local.similarity(i, a.ids()[q]);
          assertThat((double) other).as("course %d place %d: %d vs %d must be a near-tie", i, q, a.ids()[q], b.ids()[q])
              .isCloseTo(sb, org.assertj.core.data.Offset.offset(1e-5 * Math.abs(sb) + 1e-9));
        }
        compared++;
      }
    }
    assertThat(compared).isPositive();
  }
}
