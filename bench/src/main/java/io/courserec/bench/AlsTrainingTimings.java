package io.courserec.bench;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.InteractionMatrix;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.TopK;
import io.courserec.config.Config;
import io.courserec.eval.RankingMetrics;
import io.courserec.mf.AlsParams;
import io.courserec.mf.AlsTrainer;
import io.courserec.mf.FactorModel;
import io.courserec.mf.MfSolver;
import io.courserec.mf.RegularizationScaling;
import io.courserec.split.Split;
import io.courserec.split.UserTemporalSplitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Implicit-ALS training time by rank, solver and λ scaling on a data directory, through the in-memory API a
 * tuner uses ({@link AlsTrainer#train(InteractionMatrix, AlsParams)}):
 *
 * <pre>
 *   java -Xmx6g -cp bench/target/courserec-bench.jar io.courserec.bench.AlsTrainingTimings DATA_DIR [ranks [solvers [scalings
 *        [iterations [lambda [alpha [threads]]]]]]]
 *   e.g.  ... AlsTrainingTimings /tmp/g 16,32,64 cholesky,cg none,count 15 1 2 2
 * </pre>
 *
 * The matrix is built from a leave-last-out split of the data (each learner with at least two positive courses
 * loses the latest one), so besides wall and process-CPU time per fit the command prints the final objective and
 * NDCG@10 of the held-out course over every 4th test learner (training courses excluded). The objective is
 * computed after the timed fit; a short unreported fit per solver warms up the JIT first.
 */
public final class AlsTrainingTimings {
  private AlsTrainingTimings() {}

  public static void main(String[] args) {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Path dir = Path.of(args.length > 0 ? args[0] : "data/sample");
    List<String> ranks = List.of((args.length > 1 ? args[1] : "16,32,64").split(","));
    List<String> solvers = List.of((args.length > 2 ? args[2] : "cholesky,cg").split(","));
    List<String> scalings = List.of((args.length > 3 ? args[3] : "none").split(","));
    int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 15;
    double lambda = args.length > 5 ? Double.parseDouble(args[5]) : 1;
    double alpha = args.length > 6 ? Double.parseDouble(args[6]) : 2;
    int threads = args.length > 7 ? Integer.parseInt(args[7]) : Runtime.getRuntime().availableProcessors();
    Config config = Config.defaults();
    Dataset data = CatalogLoader.load(dir, config).dataset();
    Split split = UserTemporalSplitter.leaveLastOut(2).split(data);
    InteractionSnapshot snapshot = InteractionSnapshot.build(split.train(), config);
    InteractionMatrix m = snapshot.matrix();
    System.out.printf("%s: %d learners x %d courses, %d events -> %d pairs in training, %d test learners; "
            + "%d iterations, lambda %s, alpha %s, %d threads, java %s%n", dir, m.numLearners(), m.numCourses(),
        data.interactions().size(), m.nnz(), split.heldOut().size(), iterations, lambda, alpha, threads,
        System.getProperty("java.version"));
    // JIT warm-up, not reported: one short fit per solver
    for (String solver : solvers) {
      AlsTrainer.train(m, new AlsParams(32, lambda, alpha, 3, RegularizationScaling.NONE, MfSolver.parse(solver), 3, 1,
          threads));
    }
    System.out.println("| rank | solver | scaling | wall s | cpu s | objective | NDCG@10 |");
    System.out.println("|---:|---|---|---:|---:|---:|---:|");
    for (String rank : ranks) {
      for (String scaling : scalings) {
        for (String solver : solvers) {
          AlsParams p = new AlsParams(Integer.parseInt(rank), lambda, alpha, iterations,
              RegularizationScaling.parse(scaling), MfSolver.parse(solver), 3, 42, threads);
          long cpu0 = CfMfTimings.cpu();
          long t0 = System.nanoTime();
          FactorModel model = AlsTrainer.train(m, p);
          double wall = (System.nanoTime() - t0) / 1e9;
          double cpu = (CfMfTimings.cpu() - cpu0) / 1e9;
          double loss = new AlsTrainer(p).loss(m, model);
          System.out.printf("| %s | %s | %s | %.2f | %.2f | %.6g | %.4f |%n", rank, solver, scaling, wall, cpu, loss,
              ndcg(snapshot, split, model));
        }
      }
    }
  }

  /** Mean NDCG@10 of the held-out courses over every 4th test learner, training courses excluded. */
  static double ndcg(InteractionSnapshot snapshot, Split split, FactorModel model) {
    InteractionMatrix m = snapshot.matrix();
    Dataset catalog = snapshot.catalog();
    double sum = 0;
    int n = 0;
    int seen = 0;
    for (Map.Entry<String, Set<String>> e : split.heldOut().entrySet()) {
      if (seen++ % 4 != 0) continue;
      int u = snapshot.learnerOrdinal(e.getKey());
      float[] scores = u < 0 ? null : model.scores(model.userFactors(u));
      List<String> ranked = new ArrayList<>();
      if (scores != null) {
        for (int p = m.rowStart(u); p < m.rowEnd(u); p++) scores[m.cols()[p]] = Float.NEGATIVE_INFINITY;
        TopK top = new TopK(10);
        for (int c = 0; c < scores.length; c++) if (scores[c] != Float.NEGATIVE_INFINITY) top.offer(c, scores[c]);
        for (int c : top.drain().ids()) ranked.add(catalog.course(c).id());
      }
      sum += RankingMetrics.ndcgAtK(ranked, e.getValue(), 10);
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
