package io.courserec.bench;

import io.courserec.gen.SyntheticFeedback;
import io.courserec.catalog.Dataset;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.UserKnnRecommender;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.mf.MfRecommender;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training time of each CF/MF algorithm on a {@link SyntheticFeedback} matrix (default 50,000 learners x 10,000
 * courses, 1,000,000 events, rank 64, all cores), from an already built {@link InteractionSnapshot} so only the
 * algorithm is timed; the matrix build is the {@code matrix} case. Single-shot: one training per measurement.
 *
 * <pre>
 *   ./mvnw -q -DskipTests package
 *   java -Xmx6g -cp bench/target/courserec-bench.jar org.openjdk.jmh.Main CfMfTrainingBenchmark
 *   java -Xmx6g -cp bench/target/courserec-bench.jar org.openjdk.jmh.Main CfMfTrainingBenchmark -p algorithm=als -p interactions=5000000 -p learners=200000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class CfMfTrainingBenchmark {
  @Param({"matrix", "pop", "itemknn", "userknn", "als", "puresvd"})
  public String algorithm;

  @Param({"50000"})
  public int learners;

  @Param({"10000"})
  public int courses;

  @Param({"1000000"})
  public int interactions;

  @Param({"64"})
  public int rank;

  private Dataset data;
  private InteractionSnapshot snapshot;
  private Config config;

  @Setup(Level.Trial)
  public void setUp() {
    data = SyntheticFeedback.generate(learners, courses, interactions, 50, 7);
    config = Config.defaults().with(ConfigKey.MF_RANK, rank)
        .with(ConfigKey.MF_METHOD, algorithm.equals("puresvd") ? "puresvd" : "als");
    snapshot = InteractionSnapshot.build(data, config);
  }

  @Benchmark
  public Object train() {
    switch (algorithm) {
      case "matrix" -> {
        return InteractionSnapshot.build(data, config);
      }
      case "pop" -> {
        PopularityRecommender r = new PopularityRecommender(config);
        r.train(snapshot);
        return r;
      }
      case "itemknn" -> {
        ItemKnnRecommender r = new ItemKnnRecommender(config);
        r.train(snapshot);
        return r;
      }
      case "userknn" -> {
        UserKnnRecommender r = new UserKnnRecommender(config);
        r.train(snapshot);
        return r;
      }
      case "als", "puresvd" -> {
        MfRecommender r = new MfRecommender(config);
        r.train(snapshot);
        return r;
      }
      default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
    }
  }
}
