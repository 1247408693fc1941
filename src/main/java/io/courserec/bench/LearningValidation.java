package io.courserec.bench;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.PrerequisiteCheck;
import io.courserec.eval.RankingMetrics;
import io.courserec.hybrid.HybridItem;
import io.courserec.hybrid.HybridRecommender;
import io.courserec.learning.LearnerSkills;
import io.courserec.learning.LearningPath;
import io.courserec.learning.PathLimits;
import io.courserec.learning.PathPlanner;
import io.courserec.learning.PathStep;
import io.courserec.learning.PrerequisiteGraph;
import io.courserec.learning.PrerequisiteInference;
import io.courserec.learning.SkillVocabulary;
import io.courserec.learning.SkillsModel;
import io.courserec.rec.RecommendRequest;
import io.courserec.split.Split;
import io.courserec.split.UserTemporalSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Validation of the learning-path features on held-out next courses (leave-last-out by time: each learner's latest
 * positive course is hidden, the hybrid and the prerequisite graph are trained on the rest):
 * <ol>
 *   <li>the prerequisite penalty: NDCG@10 and hit rate@10 of the hybrid for each penalty in
 *       {@value #PENALTIES}, with the share of top-10 courses whose prerequisites the learner has not taken;
 *   <li>path quality for learners with declared goals, paths built from the history before the held-out course:
 *       validity (share of steps whose prerequisites come earlier or were taken), gap coverage (gap skills covered /
 *       gap skills), next-step hit rate (held-out course among the first 3 steps) beside the plain hybrid's hit rate
 *       at 3 for the same learners.
 * </ol>
 * <pre>
 * java -cp target/courserec.jar io.courserec.bench.LearningValidation DATA_DIR [users=1000]
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
      paths(config, train, split, users, g, graph.summary().source(), h, events);
    }
  }

  private static void paths(Config config, Dataset train, Split split, List<String> users, PrerequisiteGraph g, String source,
                            HybridRecommender h, EventWeights events) {
    SkillVocabulary v = SkillVocabulary.of(train.courses());
    PathPlanner planner = new PathPlanner(train.courses(), g, v, source);
    SkillsModel skills = SkillsModel.from(config);
    int ranked = config.integer(ConfigKey.LEARN_PATH_RANKED);
    int learners = 0, steps = 0, valid = 0, gap = 0, covered = 0, pathHits = 0, hybridHits = 0;
    for (String u : users) {
      Learner l = train.learner(u).orElse(null);
      if (l == null || l.goals().isEmpty()) continue;
      List<Interaction> history = train.eventsOf(u);
      LearnerSkills s = skills.skills(u, history, id -> train.course(id).orElse(null), l.goals(), v);
      if (s.gap().isEmpty()) continue;
      boolean[] taken = taken(train, u, events);
      String[] how = new String[train.numCourses()];
      for (int c = 0; c < how.length; c++) if (taken[c]) how[c] = "took";
      float[] pref = new float[train.numCourses()];
      float[] conf = new float[train.numCourses()];
      Arrays.fill(conf, Float.NaN);
      List<HybridItem> items = h.rank(RecommendRequest.of(u, ranked)).items();
      double best = items.isEmpty() ? 0 : items.get(0).score();
      for (HybridItem it : items) pref[it.ordinal()] = best > 0 ? (float) (it.score() / best) : 0f;
      LearningPath p = planner.plan(new PathPlanner.Learner(s, how, pref, conf),
          new PathLimits(config.integer(ConfigKey.LEARN_PATH_MAX_COURSES), null, null));
      learners++;
      Set<Integer> before = new HashSet<>();
      for (PathStep step : p.steps()) {
        int c = train.courseOrdinal(step.courseId());
        boolean ok = true;
        for (int pre : g.prerequisitesOf(c)) ok &= before.contains(pre) || taken[pre];
        if (ok) valid++;
        steps++;
        before.add(c);
      }
      gap += s.gap().size();
      covered += s.gap().size() - p.uncovered().size();
      Set<String> next = split.heldOut().get(u);
      if (p.steps().stream().limit(3).anyMatch(st -> next.contains(st.courseId()))) pathHits++;
      if (items.stream().limit(3).anyMatch(it -> next.contains(it.courseId()))) hybridHits++;
    }
    System.out.printf("paths for %d learners with a gap: %d steps, validity %.1f %%, gap coverage %.1f %%, "
            + "next-step hit rate (first 3 steps) %.4f, plain hybrid hit rate@3 %.4f%n", learners, steps,
        steps == 0 ? 100.0 : 100.0 * valid / steps, gap == 0 ? 0 : 100.0 * covered / gap,
        learners == 0 ? 0 : (double) pathHits / learners, learners == 0 ? 0 : (double) hybridHits / learners);
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
