package io.courserec.gen;

import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws a learner: a latent {@link LearnerTaste} and the {@link Learner} row that declares a noisy view of it.
 * One to three main subjects (the first by subject demand; the others from the same subject group with
 * probability 0.65, so e.g. data science and machine learning go together), one to three goal tracks inside them,
 * goals that are mostly skills of the goal tracks, and interests that are mostly the main subjects' names plus a
 * skill, with an unrelated subject now and then. A learner's language is drawn by the catalog's language shares. Some warm learners leave their profile empty; cold-start
 * learners always fill it in (that is all a recommender knows about them).
 */
final class LearnerSynthesizer {
  private static final double[] SUBJECT_COUNT = {0.35, 0.45, 0.20};
  private static final double[] GOAL_TRACK_COUNT = {0.45, 0.40, 0.15};
  private static final double[] LEVEL_WEIGHTS = {0.50, 0.35, 0.15};
  private static final double[] FAMILY_WEIGHTS = {0.4, 0.3, 0.2, 0.1};

  private final SyntheticCatalog catalog;
  private final double meanPicks;
  private final HistoryLength history;
  private final double[] demand;
  private final double[] languageWeights;

  LearnerSynthesizer(SyntheticCatalog catalog, BehaviourModel model, double eventsPerUser) {
    this.catalog = catalog;
    HistoryLength h = model.history();
    // heavy learners multiply their picks: divide them out so the overall mean stays the target (1.0 by default)
    this.meanPicks = eventsPerUser / model.eventsPerChoice() / (1 + h.heavyShare() * (h.heavyFactor() - 1));
    this.history = model.history();
    this.demand = new double[catalog.numSubjects()];
    for (int s = 0; s < demand.length; s++) demand[s] = catalog.subjectDemand(s);
    this.languageWeights = new double[catalog.languages().size()];
    for (int c = 0; c < catalog.numCourses(); c++) languageWeights[catalog.traits(c).language()]++;
  }

  /** A learner and its taste; draws only from {@code rng}. */
  SyntheticLearner draw(String id, boolean cold, SplittableRandom rng) {
    int ns = catalog.numSubjects();
    int k = Math.min(1 + Draws.pick(rng, SUBJECT_COUNT), (int) Arrays.stream(demand).filter(d -> d > 0).count());
    int[] main = new int[k];
    double[] left = demand.clone();
    main[0] = Draws.pick(rng, left);
    left[main[0]] = 0;
    String group = catalog.subjectGroup(main[0]);
    for (int i = 1; i < k; i++) {
      double[] w = left.clone();
      if (Draws.chance(rng, 0.65)) {
        double[] same = left.clone();
        for (int s = 0; s < ns; s++) if (!catalog.subjectGroup(s).equals(group)) same[s] = 0;
        if (Arrays.stream(same).sum() > 0) w = same;
      }
      main[i] = Draws.pick(rng, w);
      left[main[i]] = 0;
    }
    double[] share = new double[k];
    double total = 0;
    for (int i = 0; i < k; i++) {
      share[i] = Draws.logNormal(rng, 0, 0.5) * (i == 0 ? 1.6 : 1.0);
      total += share[i];
    }
    double[] logTheta = new double[ns];
    Arrays.fill(logTheta, StrictMath.log(0.1 / Math.max(1, ns - k)));
    for (int i = 0; i < k; i++) logTheta[main[i]] = StrictMath.log(0.9 * share[i] / total);

    List<Integer> tracks = new ArrayList<>();
    for (int s : main) for (int t : catalog.tracksOfSubject(s)) tracks.add(t);
    double[] trackWeights = tracks.stream().mapToDouble(t -> StrictMath.exp(logTheta[catalog.trackSubject(t)])).toArray();
    int nGoalTracks = Math.min(tracks.size(), 1 + Draws.pick(rng, GOAL_TRACK_COUNT));
    int[] goalTracks = new int[nGoalTracks];
    for (int i = 0; i < nGoalTracks; i++) {
      int pick = Draws.pick(rng, trackWeights);
      goalTracks[i] = tracks.get(pick);
      trackWeights[pick] = 0;
    }

    boolean emptyProfile = !cold && Draws.chance(rng, 0.05);
    Set<Integer> goals = new LinkedHashSet<>();
    int nGoals = emptyProfile ? 0 : 1 + rng.nextInt(4);
    for (int i = 0; i < nGoals * 3 && goals.size() < nGoals; i++) {
      double r = rng.nextDouble();
      int[] pool;
      if (r < 0.8) pool = catalog.trackSkills(goalTracks[rng.nextInt(goalTracks.length)]);
      else if (r < 0.95) pool = catalog.trackSkills(tracks.get(rng.nextInt(tracks.size())));
      else pool = catalog.trackSkills(rng.nextInt(catalog.numTracks()));
      goals.add(pool[rng.nextInt(Math.min(4, pool.length))]);
    }
    Set<String> interests = new LinkedHashSet<>();
    if (!emptyProfile) {
      for (int s : main) if (Draws.chance(rng, 0.85)) interests.add(catalog.subjectNames().get(s));
      if (interests.isEmpty()) interests.add(catalog.subjectNames().get(main[0]));
      if (Draws.chance(rng, 0.6)) {
        int[] pool = catalog.trackSkills(goalTracks[rng.nextInt(goalTracks.length)]);
        int skill = pool[rng.nextInt(pool.length)];
        if (!goals.contains(skill)) interests.add(catalog.skillNames().get(skill));
      }
      if (Draws.chance(rng, 0.15)) interests.add(catalog.subjectNames().get(Draws.pick(rng, demand)));
    }
    int level = Draws.pick(rng, LEVEL_WEIGHTS);
    int language = Draws.pick(rng, languageWeights);
    OrgFamily favourite = Draws.chance(rng, 0.6) ? OrgFamily.values()[Draws.pick(rng, FAMILY_WEIGHTS)] : null;
    float[] hidden = new float[CourseTraits.HIDDEN];
    for (int i = 0; i < hidden.length; i++) hidden[i] = (float) Draws.gaussian(rng);
    double practicePref = Draws.clamp(0.6 * Draws.gaussian(rng), -1, 1);
    double lengthPref = Draws.clamp(0.6 * Draws.gaussian(rng), -1, 1);
    double sigma = history.sigma();
    int picks = cold ? 1
        : (int) Math.min(400, Math.max(2, Math.round(Draws.logNormal(rng, StrictMath.log(meanPicks) - sigma * sigma / 2, sigma))));
    if (!cold && history.heavyShare() > 0 && Draws.chance(rng, history.heavyShare())) {
      picks = (int) Math.min(400, Math.round(picks * history.heavyFactor()));
    }
    int[] goalSkills = goals.stream().mapToInt(Integer::intValue).sorted().toArray();
    LearnerTaste taste = new LearnerTaste(cold, main, logTheta, goalTracks, goalSkills, practicePref, lengthPref,
        hidden, favourite, language, level, picks);
    List<String> goalNames = goals.stream().map(catalog.skillNames()::get).toList();
    Learner learner = new Learner(id, List.copyOf(interests), goalNames, Level.values()[level],
        catalog.languages().get(language));
    return new SyntheticLearner(learner, taste);
  }

  /** A learner row with its latent taste. */
  record SyntheticLearner(Learner learner, LearnerTaste taste) {}
}
