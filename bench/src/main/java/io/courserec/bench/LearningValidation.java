package io.courserec.bench;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.PrerequisiteCheck;
import io.courserec.eval.PathEvaluation;
import io.courserec.eval.PathQuality;
import io.courserec.eval.RankingMetrics;
import io.courserec.hybrid.HybridRecommender;
import io.courserec.learning.PrerequisiteGraph;
import io.courserec.learning.PrerequisiteInference;
import io.courserec.rec.RecommendRequest;
import io.courserec.split.Split;
import io.courserec.split.UserTemporalSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Validation of the learning-path features on held-out next courses (leave-last-out by time: each learner's latest
 * positive course is hidden, the hybrid and the prerequisite graph are trained on the rest):
 * <ol>
 *   <li>the prerequisite penalty: NDCG@10 and hit rate@10 of the hybrid for each penalty in
 *       {@value #PENALTIES}, with the share of top-10 courses whose prerequisites the learner has not taken;
 *   <li>path quality ({@link PathEvaluation}, the same measurement {@code evaluate} makes on leave-last-out) with the
 *       hybrid under the configured penalty as the planner's ranker, as the engine serves it.
 * </ol>
 * <pre>
 * java -cp bench/target/courserec-bench.jar io.courserec.bench.LearningValidation DATA_DIR [users=1000]
 * </pre>
 */
public final class LearningValidation {
  static final String PENALTIES = "0,0.1,0.2,0.3,0.5,0.8,1";

  private LearningValidation() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int maxUsers = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Config config = Config.load(Files.isRegularFile(Path.of("config/courserec.properties"))
        ? Path.of("config/courserec.properties") : null, System.getenv(), Map.of());
    Dataset data = CatalogLoader.load(dir, config).dataset();
    Split split = UserTemporalSplitter.leaveLastOut(config.integer(ConfigKey.EVAL_MIN_EVENTS)).split(data);
    Dataset train = split.train();
    List<String> users = new ArrayList<>(split.heldOut().keySet());
    Collections.shuffle(users, new Random(config.longValue(ConfigKey.SEED)));
    users = users.subList(0, Math.min(maxUsers, users.size()));
    PrerequisiteInference.Result graph = PrerequisiteInference.from(config).build(train.courses(), train.interactions(), train::courseOrdinal);
    PrerequisiteGraph g = graph.graph();
    EventWeights events = EventWeights.from(config);
    System.out.printf("%s: %d courses, %d test learners, graph %s with %d edges%n", dir, train.numCourses(), users.size(),
        graph.summary().source(), g.edges().size());
    try (HybridRecommender h = new HybridRecommender(config, null, true)) {
      h.train(train);
      System.out.println("penalty  ndcg@10  hit@10  unmet share of top 10");
      for (String p : PENALTIES.split(",")) {
        double penalty = Double.parseDouble(p);
        PrerequisiteCheck check = new PrerequisiteCheck(g, penalty, o -> train.course(o).id());
        h.courseFactors(check);
        double ndcg = 0, hit = 0, unmet = 0;
        int shown = 0;
        for (String u : users) {
          List<String> ids = h.recommend(RecommendRequest.of(u, 10)).stream().map(r -> r.courseId()).toList();
          ndcg += RankingMetrics.ndcgAtK(ids, split.heldOut().get(u), 10);
          hit += RankingMetrics.hitAtK(ids, split.heldOut().get(u), 10);
          boolean[] taken = taken(train, u, events);
          for (String id : ids) {
            shown++;
            if (check.takeFirst(train.courseOrdinal(id), taken) != null) unmet++;
          }
        }
        System.out.printf("%7s  %.4f  %.4f  %.3f%n", p, ndcg / users.size(), hit / users.size(), shown == 0 ? 0 : unmet / shown);
      }
      h.courseFactors(new PrerequisiteCheck(g, config.number(ConfigKey.LEARN_PREREQ_PENALTY), o -> train.course(o).id()));
      paths(config, split, users, graph, h);
    }
  }

  private static void paths(Config config, Split split, List<String> users, PrerequisiteInference.Result graph,
                            HybridRecommender h) {
    PathQuality q = new PathEvaluation(config).evaluate(split, users, "hybrid", h, graph);
    System.out.printf("paths for %d learners with a gap: %d steps, validity %.1f %%, gap coverage %.1f %%, "
            + "next-step hit rate (first 3 steps) %.4f, hybrid (penalty %.2f) hit rate@3 %.4f%n", q.learners(), q.steps(),
        100 * q.validity(), 100 * q.gapCoverage(), q.nextStepHitRate(), config.number(ConfigKey.LEARN_PREREQ_PENALTY),
        q.rankerHitRate());
  }

  private static boolean[] taken(Dataset d, String u, EventWeights events) {
    boolean[] t = new boolean[d.numCourses()];
    for (Interaction e : d.eventsOf(u)) {
      int o = d.courseOrdinal(e.courseId());
      if (o >= 0 && events.marksTaken(e.event())) t[o] = true;
    }
    return t;
  }
}
