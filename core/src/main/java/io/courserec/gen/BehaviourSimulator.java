package io.courserec.gen;

import io.courserec.catalog.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one learner's events over time. Not thread-safe: each worker thread owns one simulator (its scratch
 * arrays are sized by the catalog and reused across learners).
 *
 * <h2>Choice</h2>
 * For course c in one of the learner's main subjects the <em>fit</em> is
 * <pre>
 *   fit(u,c) = log theta_u[subject c]
 *            + goalSkill x min(2, |skills c ∩ goals u|) + goalTrack x [track c in goal tracks u]
 *            + style x (practicePref_u x practice_c + lengthPref_u x length_c)
 *            + hidden x (h_u . h_c) / 2 + organization x [family c = favourite u] + quality x q_c
 *            + language term + overqualified x max(0, level_u - rank_c)
 * </pre>
 * and a taste pick draws c with probability proportional to {@code popularity_c^a x exp(fit(u,c))}. With
 * probability {@code continueShare} a pick instead continues a track: the successor of a course the learner
 * completed, some days after the completion. With probability {@code exploreShare} it comes from global
 * popularity, with {@code randomShare} uniformly from the catalog (noise that no model can predict).
 * Cold-start learners arrive searching for their goals: their pick uses popularity exponent
 * {@code coldPopularityExponent} and goal weights multiplied by {@code coldGoalFactor}. Every pick
 * passes gates: not seen before, launched, readable (the learner's language or English), and <em>ready</em>:
 * with r the course's rank and e = max(highest rank enrolled in its track, learner level - 1), a course with
 * r &le; e + 1 or one of its prerequisites taken is accepted, r = e + 2 with probability 0.1, else 0.03 (so
 * beginner courses come before advanced ones); going back to a lower level than one already enrolled in the
 * track is accepted with probability 0.25.
 *
 * <h2>Funnel</h2>
 * With z = (fit - mean fit) / sd fit over the learner's candidate courses, clamped to [-3, 3]:
 * view always; bookmark with 0.08 + 0.12 sigmoid(z); enroll with 0.08 + 0.8 sigmoid(1.2 z - 0.4) (x 0.6 when not
 * ready; after a bookmark, days later); complete with sigmoid(0.2 + 0.8 z + 0.4 q - 0.35 ln(hours / 15) - [not
 * ready]) after hours / weekly-hours weeks; rate 45% of completions (8% of abandoned enrolments) with rating
 * round(3.7 + 0.6 z + 0.4 q + 0.8 N(0,1) - 0.8 [abandoned]) clamped to 1..5; a view without enrolment is
 * dismissed with 0.35 sigmoid(-1 - 1.5 z). Sessions hold 1 + Geometric(1/2) picks minutes apart; sessions are
 * exponentially spaced with a per-learner mean gap (about a week) compressed so the planned picks fit the window;
 * events at or after the window's end are dropped. Cold-start learners make one taste pick in the last 120 days
 * and keep at most its first two events; every other learner keeps at least three events when the window allows.
 *
 * <h2>Regimes ({@link GeneratorRegime})</h2>
 * With {@code sequenceShare} s &gt; 0, a pick first follows the learner's last taken course: with probability s it
 * is a course of that course's {@link FollowUps} list (accepted without the readiness gate, as the natural next
 * step), and the funnel returns after the enrolment, so the next pick starts after it. With event style
 * {@link EventStyle#ENROLMENTS} or {@link EventStyle#RATINGS} a pick writes one {@code enroll}, or one {@code rate}
 * with rating round(3.7 + shift + 0.6 z + 0.4 q + 0.8 N(0,1)) in 1..5, instead of the funnel.
 */
final class BehaviourSimulator {
  private static final long DAY = 86_400L;

  /** One event of the learner being simulated; {@code rating} is 0 unless the type is RATE. */
  record SimulatedEvent(int course, EventType type, int rating, long epochSecond, int seq) {}

  private static final Comparator<SimulatedEvent> CHRONOLOGICAL =
      Comparator.comparingLong(SimulatedEvent::epochSecond).thenComparingInt(SimulatedEvent::seq);

  private final SyntheticCatalog catalog;
  private final BehaviourModel model;
  private final FollowUps followUps; // null when sequenceShare is 0
  private final PopularityPrior popularity;
  private final long start;
  private final long end;
  private final int[] candidates;
  private final double[] fit;
  private final double[] cumulative;
  private final int[] seenStamp;
  private final int[] takenStamp;
  private final int[] trackStamp;
  private final int[] trackRank;
  private final int[] goalMark; // goalMark[skill] == stamp: the skill is one of the current learner's goals
  private int stamp;
  private final List<SimulatedEvent> events = new ArrayList<>();
  private final List<long[]> pending = new ArrayList<>(); // {course, available from}

  // state of the current learner
  private LearnerTaste u;
  private SplittableRandom rng;
  private int numCandidates;
  private double fitMean;
  private double fitSd;
  private int seq;
  private int lastTaken;

  /** {@code followUps} may be null only when the model's {@code sequenceShare} is 0. */
  BehaviourSimulator(SyntheticCatalog catalog, BehaviourModel model, PopularityPrior popularity, FollowUps followUps,
                     long start, long end) {
    if (followUps == null && model.sequenceShare() > 0) throw new IllegalArgumentException("sequences need follow-ups");
    this.catalog = catalog;
    this.model = model;
    this.followUps = followUps;
    this.popularity = popularity;
    this.start = start;
    this.end = end;
    int n = catalog.numCourses();
    this.candidates = new int[n];
    this.fit = new double[n];
    this.cumulative = new double[n];
    this.seenStamp = new int[n];
    this.takenStamp = new int[n];
    this.trackStamp = new int[catalog.numTracks()];
    this.trackRank = new int[catalog.numTracks()];
    this.goalMark = new int[catalog.skillNames().size()];
  }

  /** The learner's events in chronological order (ties in generation order). */
  List<SimulatedEvent> simulate(LearnerTaste taste, SplittableRandom random) {
    this.u = taste;
    this.rng = random;
    stamp++;
    seq = 0;
    lastTaken = -1;
    events.clear();
    pending.clear();
    for (int g : taste.goalSkills()) goalMark[g] = stamp;
    prepareCandidates();
    if (numCandidates == 0) return List.of();
    if (taste.coldStart()) simulateCold();
    else simulateWarm();
    events.sort(CHRONOLOGICAL);
    return List.copyOf(events);
  }

  private void prepareCandidates() {
    int n = 0;
    for (int s : u.mainSubjects()) {
      for (int c : catalog.coursesOfSubject(s)) candidates[n++] = c;
    }
    numCandidates = n;
    if (n == 0) return;
    double sum = 0;
    double sumSq = 0;
    double max = Double.NEGATIVE_INFINITY;
    boolean cold = u.coldStart();
    double a = cold ? model.coldPopularityExponent() : model.popularityExponent();
    double[] logW = cumulative; // log weights, then weights, then running sums, all in place
    for (int i = 0; i < n; i++) {
      int c = candidates[i];
      double f = fit(c);
      fit[i] = f;
      sum += f;
      sumSq += f * f;
      double pickFit = cold ? f + (model.coldGoalFactor() - 1) * goalTerm(c) : f;
      logW[i] = pickFit + a * popularity.logPopularity(c);
      max = Math.max(max, logW[i]);
    }
    fitMean = sum / n;
    fitSd = Math.max(0.5, Math.sqrt(Math.max(0, sumSq / n - fitMean * fitMean)));
    double[] weights = cumulative;
    for (int i = 0; i < n; i++) weights[i] = StrictMath.exp(logW[i] - max);
    CumulativeSampler.fill(weights, cumulative, n);
  }

  /** The goal part of the fit: goalSkill x min(2, matched goal skills) + goalTrack x [goal track]. */
  private double goalTerm(int c) {
    CourseTraits t = catalog.traits(c);
    int matches = 0;
    for (int s : t.skills()) if (goalMark[s] == stamp) matches++;
    double g = model.goalSkillWeight() * Math.min(2, matches);
    for (int track : u.goalTracks()) {
      if (track == t.track()) {
        g += model.goalTrackWeight();
        break;
      }
    }
    return g;
  }

  /** fit(u, c) as in the class comment. */
  double fit(int c) {
    CourseTraits t = catalog.traits(c);
    double f = u.logTheta()[t.subject()] + goalTerm(c);
    f += model.styleWeight() * (u.practicePref() * t.practice() + u.lengthPref() * t.length());
    float[] hu = u.hidden();
    float[] hc = t.hidden();
    double dot = 0;
    for (int k = 0; k < hu.length; k++) dot += hu[k] * hc[k];
    f += model.hiddenWeight() * dot / 2;
    if (u.favouriteFamily() == t.family()) f += model.organizationWeight();
    f += model.qualityWeight() * t.quality();
    if (t.language() != u.language()) {
      f += isEnglish(t.language()) ? model.englishPenalty() : model.foreignPenalty();
    }
    f += model.overqualifiedPenalty() * Math.max(0, u.levelRank() - t.rank());
    return f;
  }

  private boolean isEnglish(int language) {
    return "en".equals(catalog.languages().get(language));
  }

  private void simulateCold() {
    long t = end - 3600 - (long) (rng.nextDouble() * 120 * DAY);
    for (int attempt = 0; attempt < 5 && events.isEmpty(); attempt++) {
      int c = pickByTaste(t);
      if (c >= 0) funnel(c, t, isReady(c));
    }
    events.removeIf(e -> e.epochSecond() >= end);
    events.sort(CHRONOLOGICAL);
    while (events.size() > 2) events.remove(events.size() - 1);
  }

  private void simulateWarm() {
    long span = end - start;
    long join = start + (long) (StrictMath.pow(rng.nextDouble(), 0.8) * (span - 45 * DAY));
    int picks = u.picks();
    double sessions = Math.max(1, picks / 2.0);
    double gap = Math.min(Draws.logNormal(rng, StrictMath.log(6 * DAY), 0.6), 0.85 * (end - join) / sessions);
    double weeklyHours = 2 + 8 * rng.nextDouble();
    long t = join;
    int sessionLeft = sessionLength();
    for (int i = 0; i < picks && t < end; i++) {
      long[] chosen = choose(t);
      if (chosen == null) continue;
      int c = (int) chosen[0];
      t = chosen[1];
      if (t >= end) break;
      t = funnel(c, t, chosen[2] == 1, weeklyHours) + 60 + rng.nextInt(600);
      if (--sessionLeft == 0) {
        t += (long) Draws.exponential(rng, gap);
        sessionLeft = sessionLength();
      }
    }
    for (int extra = 0; extra < 10 && countBefore(end) < 3; extra++) {
      long last = events.stream().mapToLong(SimulatedEvent::epochSecond).filter(x -> x < end).max().orElse(join);
      long at = Math.min(last + 300, end - 3 * DAY);
      int c = pickByTaste(at);
      if (c >= 0) funnel(c, at, isReady(c), weeklyHours);
    }
    events.removeIf(e -> e.epochSecond() >= end);
  }

  private int sessionLength() {
    int n = 1;
    while (n < 8 && rng.nextBoolean()) n++;
    return n;
  }

  private int countBefore(long limit) {
    int n = 0;
    for (SimulatedEvent e : events) if (e.epochSecond() < limit) n++;
    return n;
  }

  /** {course, time, ready ? 1 : 0} of the next pick at or after t, or null when the gates reject every try. */
  private long[] choose(long t) {
    if (lastTaken >= 0 && model.sequenceShare() > 0 && Draws.chance(rng, model.sequenceShare())) {
      long[] next = followUp(t);
      if (next != null) return next;
    }
    if (!pending.isEmpty() && Draws.chance(rng, model.continueShare())) {
      int best = 0;
      for (int i = 1; i < pending.size(); i++) if (pending.get(i)[1] < pending.get(best)[1]) best = i;
      long[] p = pending.remove(best);
      int c = (int) p[0];
      if (seenStamp[c] != stamp && readable(c)) {
        long at = Math.max(t, p[1] + (long) Draws.exponential(rng, 2 * DAY));
        if (catalog.traits(c).launchEpochSecond() <= at) return new long[] {c, at, 1};
      }
    }
    for (int attempt = 0; attempt < 30; attempt++) {
      double r = rng.nextDouble();
      int c;
      if (r < model.exploreShare()) c = popularity.sampler().sample(rng.nextDouble());
      else if (r < model.exploreShare() + model.randomShare()) c = rng.nextInt(catalog.numCourses());
      else c = candidates[CumulativeSampler.sample(cumulative, numCandidates, rng.nextDouble())];
      if (!available(c, t)) continue;
      int gate = gate(c);
      if (gate >= 0) return new long[] {c, t, gate};
    }
    return null;
  }

  /** {course, t, ready ? 1 : 0}: the drawn follow-up of the last taken course, or the next available slot. */
  private long[] followUp(long t) {
    int[] next = followUps.of(lastTaken);
    int first = FollowUps.slot(rng.nextDouble());
    for (int k = 0; k < next.length; k++) {
      int c = next[(first + k) % next.length];
      if (available(c, t)) return new long[] {c, t, isReady(c) ? 1 : 0};
    }
    return null;
  }

  private int pickByTaste(long t) {
    for (int attempt = 0; attempt < 30; attempt++) {
      int c = candidates[CumulativeSampler.sample(cumulative, numCandidates, rng.nextDouble())];
      if (available(c, t) && gate(c) >= 0) return c;
    }
    return -1;
  }

  private boolean available(int c, long t) {
    return seenStamp[c] != stamp && catalog.traits(c).launchEpochSecond() <= t && readable(c);
  }

  private boolean readable(int c) {
    int lang = catalog.traits(c).language();
    return lang == u.language() || isEnglish(lang);
  }

  /** 1 ready, 0 accepted although not ready, -1 rejected (see the readiness rule in the class comment). */
  private int gate(int c) {
    CourseTraits t = catalog.traits(c);
    if (isReady(c)) {
      boolean goingBack = trackStamp[t.track()] == stamp && trackRank[t.track()] > t.rank();
      return !goingBack || Draws.chance(rng, 0.25) ? 1 : -1;
    }
    double p = t.rank() == effectiveRank(t.track()) + 2 ? 0.1 : 0.03;
    return Draws.chance(rng, p) ? 0 : -1;
  }

  private boolean isReady(int c) {
    CourseTraits t = catalog.traits(c);
    if (t.rank() <= effectiveRank(t.track()) + 1) return true;
    for (int p : t.prerequisites()) if (takenStamp[p] == stamp) return true;
    return false;
  }

  private int effectiveRank(int track) {
    int taken = trackStamp[track] == stamp ? trackRank[track] : -1;
    return Math.max(taken, u.levelRank() - 1);
  }

  private long funnel(int c, long t, boolean ready) {
    return funnel(c, t, ready, 5);
  }

  /** Emits the events of one pick at time t; returns the time the session moves on. */
  private long funnel(int c, long t, boolean ready, double weeklyHours) {
    CourseTraits tr = catalog.traits(c);
    seenStamp[c] = stamp;
    double z = Draws.clamp((fit(c) - fitMean) / fitSd, -3, 3);
    if (model.eventStyle() == EventStyle.ENROLMENTS || model.eventStyle() == EventStyle.RATINGS) {
      boolean rate = model.eventStyle() == EventStyle.RATINGS;
      emit(c, rate ? EventType.RATE : EventType.ENROLL, rate ? rating(z, tr.quality(), model.ratingShift()) : 0, t);
      markTaken(c);
      return t;
    }
    emit(c, EventType.VIEW, 0, t);
    long t1 = t + 10 + rng.nextInt(110);
    boolean bookmarked = Draws.chance(rng, 0.08 + 0.12 * Draws.sigmoid(z));
    if (bookmarked) emit(c, EventType.BOOKMARK, 0, t1);
    double pEnroll = (0.08 + 0.8 * Draws.sigmoid(1.2 * z - 0.4)) * (ready ? 1 : 0.6);
    if (!Draws.chance(rng, pEnroll)) {
      if (Draws.chance(rng, 0.35 * Draws.sigmoid(-1 - 1.5 * z))) emit(c, EventType.DISMISS, 0, t1 + 5 + rng.nextInt(55));
      return t1;
    }
    long te = bookmarked ? t1 + (long) Draws.exponential(rng, 3 * DAY) : t1 + 30 + rng.nextInt(570);
    emit(c, EventType.ENROLL, 0, te);
    markTaken(c);
    double logit = 0.2 + 0.8 * z + 0.4 * tr.quality() - 0.35 * StrictMath.log(tr.durationHours() / 15) - (ready ? 0 : 1);
    if (Draws.chance(rng, Draws.sigmoid(logit))) {
      double weeks = tr.durationHours() / weeklyHours * Draws.logNormal(rng, 0, 0.3);
      long tc = te + 3600 + (long) (weeks * 7 * DAY);
      emit(c, EventType.COMPLETE, 0, tc);
      for (int s : catalog.successors(c)) pending.add(new long[] {s, tc});
      if (Draws.chance(rng, 0.45)) emit(c, EventType.RATE, rating(z, tr.quality(), ready ? 0 : -0.5), tc + 60 + rng.nextInt(3540));
    } else if (Draws.chance(rng, 0.08)) {
      emit(c, EventType.RATE, rating(z, tr.quality(), -0.8), te + (long) Draws.exponential(rng, 5 * DAY));
    }
    return bookmarked && model.sequenceShare() == 0 ? t1 : te;
  }

  /** Records an enrolment (or rating-only take): readiness per track and the last taken course. */
  private void markTaken(int c) {
    CourseTraits tr = catalog.traits(c);
    takenStamp[c] = stamp;
    lastTaken = c;
    if (trackStamp[tr.track()] != stamp || trackRank[tr.track()] < tr.rank()) {
      trackStamp[tr.track()] = stamp;
      trackRank[tr.track()] = tr.rank();
    }
  }

  private int rating(double z, double quality, double shift) {
    double r = 3.7 + 0.6 * z + 0.4 * quality + 0.8 * Draws.gaussian(rng) + shift;
    return (int) Draws.clamp(Math.round(r), 1, 5);
  }

  private void emit(int c, EventType type, int rating, long at) {
    events.add(new SimulatedEvent(c, type, rating, at, seq++));
  }
}
