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
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import java.util.List;
import java.util.SplittableRandom;
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
 * Per-learner ranking time (top 10 over the whole catalog, default exclusions, no explanation) of each CF/MF
 * algorithm through the {@link Recommender} interface, on the same synthetic matrix as
 * {@link CfMfTrainingBenchmark}. Sample mode, so JMH reports p50/p99 over learners drawn at random (seeded).
 *
 * <pre>
 *   java -Xmx6g -cp bench/target/courserec-bench.jar org.openjdk.jmh.Main CfMfRankingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class CfMfRankingBenchmark {
  @Param({"pop", "itemknn", "userknn", "als", "puresvd"})
  public String algorithm;

  @Param({"50000"})
  public int learners;

  @Param({"10000"})
  public int courses;

  @Param({"1000000"})
  public int interactions;

  private Recommender recommender;
  private String[] users;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Dataset data = SyntheticFeedback.generate(learners, courses, interactions, 50, 7);
    Config config = Config.defaults().with(ConfigKey.MF_METHOD, algorithm.equals("puresvd") ? "puresvd" : "als");
    InteractionSnapshot snapshot = InteractionSnapshot.build(data, config);
    recommender = switch (algorithm) {
      case "pop" -> train(new PopularityRecommender(config), snapshot);
      case "itemknn" -> train(new ItemKnnRecommender(config), snapshot);
      case "userknn" -> train(new UserKnnRecommender(config), snapshot);
      case "als", "puresvd" -> train(new MfRecommender(config), snapshot);
      default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
    };
    SplittableRandom rnd = new SplittableRandom(11);
    users = new String[4096];
    for (int i = 0; i < users.length; i++) users[i] = data.learner(rnd.nextInt(data.numLearners())).id();
  }

  private static Recommender train(Recommender r, InteractionSnapshot s) {
    switch (r) {
      case PopularityRecommender p -> p.train(s);
      case ItemKnnRecommender p -> p.train(s);
      case UserKnnRecommender p -> p.train(s);
      case MfRecommender p -> p.train(s);
      default -> throw new IllegalArgumentException(r.name());
    }
    return r;
  }

  @Benchmark
  public List<Recommendation> rankTop10() {
    String user = users[next++ & (users.length - 1)];
    return recommender.recommend(RecommendRequest.of(user, 10));
  }
}
