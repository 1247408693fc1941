package io.courserec.eval;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
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
import io.courserec.rec.Recommendation;
import io.courserec.split.Split;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures {@link PathQuality} on a split: builds the prerequisite graph from the training part
 * ({@link PrerequisiteInference}, as {@code train} does), then for each test learner with declared goals and a gap
 * asks the ranker for the learner's {@code learning.path.ranked} best courses (preference = score / best score,
 * confidence as given, exactly what the engine hands the planner) and plans with {@code learning.path.max_courses}
 * steps. Learners run in parallel over {@code eval.threads}; counts are summed in learner order.
 *
 * <p>A learner the ranker cannot serve ({@link UnknownEntityException}) is planned on coverage alone (no
 * preferences), as the engine does, and counts with no ranker hit.
 */
public final class PathEvaluation {
  /** Steps (and ranked courses) that count for a hit. */
  public static final int FIRST_STEPS = 3;

  private final Config config;
  private final SkillsModel skills;
  private final EventWeights events;
  private final int ranked;
  private final int maxCourses;
  private final int threads;

  public PathEvaluation(Config config) {
    this.config = config;
    this.skills = SkillsModel.from(config);
    this.events = EventWeights.from(config);
    this.ranked = config.integer(ConfigKey.LEARN_PATH_RANKED);
    this.maxCourses = config.integer(ConfigKey.LEARN_PATH_MAX_COURSES);
    int t = config.integer(ConfigKey.EVAL_THREADS);
    this.threads = t > 0 ? t : Runtime.getRuntime().availableProcessors();
  }

  /** Builds the graph from {@code split.train()} and measures; see {@link #evaluate(Split, List, String, Recommender, PrerequisiteInference.Result)}. */
  public PathQuality evaluate(Split split, List<String> users, String rankerLabel, Recommender ranker) {
    Dataset train = split.train();
    return evaluate(split, users, rankerLabel, ranker,
        PrerequisiteInference.from(config).build(train.courses(), train.interactions(), train::courseOrdinal));
  }

  /**
   * @param users test learners of the split (others are ignored); each one's held-out set is their next course
   * @param ranker trained on {@code split.train()}
   * @param graph the prerequisite graph over the training part's courses
   */
  public PathQuality evaluate(Split split, List<String> users, String rankerLabel, Recommender ranker,
                              PrerequisiteInference.Result graph) {
    long t0 = System.nanoTime();
    Dataset train = split.train();
    PrerequisiteGraph g = graph.graph();
    SkillVocabulary vocabulary = SkillVocabulary.of(train.courses());
    PathPlanner planner = new PathPlanner(train.courses(), g, vocabulary, graph.summary().source());
    int[][] outcomes = new int[users.size()][];
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory())) {
      List<Future<?>> tasks = new java.util.ArrayList<>();
      int chunk = Math.max(1, Math.min(32, users.size() / (threads * 8)));
      for (int start = 0; start < users.size(); start += chunk) {
        int from = start, to = Math.min(users.size(), start + chunk);
        tasks.add(pool.submit(() -> {
          for (int i = from; i < to; i++) {
            String u = users.get(i);
            outcomes[i] = learner(train, u, split.heldOut().get(u), planner, vocabulary, ranker);
          }
        }));
      }
      for (Future<?> f : tasks) f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("path evaluation interrupted", e);
    }
    int[] sum = new int[7];
    int learners = 0;
    for (int[] o : outcomes) {
      if (o == null) continue;
      learners++;
      for (int j = 0; j < sum.length; j++) sum[j] += o[j];
    }
    return new PathQuality(split.name(), rankerLabel, graph.summary().source(), g.edges().size(), learners, sum[0],
        sum[1], sum[6], sum[2], sum[3], sum[4], sum[5], (System.nanoTime() - t0) / 1e9);
  }

  /**
   * {steps, valid steps, gap skills, covered, path hit, ranker hit, steps with a confidence} of one learner; null when
   * not planned for.
   */
  private int[] learner(Dataset train, String user, Set<String> next, PathPlanner planner, SkillVocabulary vocabulary,
                        Recommender ranker) {
    if (next == null) return null;
    Learner l = train.learner(user).orElse(null);
    if (l == null || l.goals().isEmpty()) return null;
    List<Interaction> history = train.eventsOf(user);
    LearnerSkills s = skills.skills(user, history, id -> train.course(id).orElse(null), l.goals(), vocabulary);
    if (s.gap().isEmpty()) return null;
    int n = train.numCourses();
    String[] taken = new String[n];
    for (Interaction e : history) {
      int o = train.courseOrdinal(e.courseId());
      if (o >= 0 && events.marksTaken(e.event())) taken[o] = e.event() == EventType.COMPLETE ? "completed" : "took";
    }
    float[] preference = new float[n];
    float[] confidence = new float[n];
    Arrays.fill(confidence, Float.NaN);
    List<Recommendation> best;
    try {
      best = ranker.recommend(RecommendRequest.of(user, ranked));
    } catch (UnknownEntityException e) {
      best = List.of();
    }
    double top = best.isEmpty() ? 0 : best.getFirst().score();
    boolean[] listed = new boolean[n];
    for (Recommendation r : best) {
      int o = train.courseOrdinal(r.courseId());
      if (o < 0) continue;
      listed[o] = true;
      preference[o] = top > 0 ? (float) (r.score() / top) : 0f;
      confidence[o] = (float) r.confidence();
    }
    LearningPath p = planner.plan(new PathPlanner.Learner(s, taken, preference, confidence), new PathLimits(maxCourses, null, null));
    int[] out = new int[7];
    boolean[] before = new boolean[n];
    PrerequisiteGraph g = planner.graph();
    for (PathStep step : p.steps()) {
      int c = train.courseOrdinal(step.courseId());
      boolean ok = true;
      for (int pre : g.prerequisitesOf(c)) ok &= before[pre] || taken[pre] != null;
      out[0]++;
      if (ok) out[1]++;
      if (listed[c]) out[6]++;
      before[c] = true;
    }
    out[2] = s.gap().size();
    out[3] = s.gap().size() - p.uncovered().size();
    out[4] = p.steps().stream().limit(FIRST_STEPS).anyMatch(st -> next.contains(st.courseId())) ? 1 : 0;
    out[5] = best.stream().limit(FIRST_STEPS).anyMatch(r -> next.contains(r.courseId())) ? 1 : 0;
    return out;
  }
}
