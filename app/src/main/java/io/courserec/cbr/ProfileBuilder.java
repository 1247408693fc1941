package io.courserec.cbr;

import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link LearnerProfile} from what is known about a learner:
 *
 * <ul>
 *   <li>each declared goal (a skill) with weight {@code cbr.weight.goal}, each declared interest (from the learner
 *       record and from the request) with weight {@code cbr.weight.interest}; their vectors are their analysed
 *       text ({@link CaseBase#text});
 *   <li>each course in the history (data set events plus events since training) with weight
 *       {@code sum of EventWeights.of(e, now)} over its events: positive for views, enrolments, completions and
 *       good ratings, negative for dismissals and bad ratings, so disliked content is subtracted. Courses the
 *       current index does not hold are skipped.
 * </ul>
 *
 * Target levels: the learner's declared level; and from history, the highest level m among taken courses
 * (enrolled or completed, net positive weight) together with the next one, m+1. Duplicate goals or interests
 * (same text, ignoring case) count once.
 */
public final class ProfileBuilder {
  private final EventWeights eventWeights;
  private final double goalWeight;
  private final double interestWeight;

  public ProfileBuilder(Config config) {
    this.eventWeights = EventWeights.from(config);
    this.goalWeight = config.number(ConfigKey.CBR_W_GOAL);
    this.interestWeight = config.number(ConfigKey.CBR_W_INTEREST);
  }

  /** The event semantics profiles are built with (weights and the taken set). */
  EventWeights eventWeights() { return eventWeights; }

  /**
   * Builds the profile.
   *
   * @param learner the declared learner, or null when unknown
   * @param history the learner's events (any order)
   * @param extraInterests interests given with the request
   * @param now reference time for recency decay (null: no decay)
   */
  public LearnerProfile build(CaseBase cases, Learner learner, List<Interaction> history, List<String> extraInterests,
                              Instant now) {
    List<ProfileSource> sources = new ArrayList<>();
    Set<Level> levels = EnumSet.noneOf(Level.class);
    Set<String> seen = new LinkedHashSet<>();
    if (learner != null) {
      for (String g : learner.goals()) declared(cases, ProfileSource.Kind.GOAL, g, goalWeight, seen, sources);
      for (String i : learner.interests()) declared(cases, ProfileSource.Kind.INTEREST, i, interestWeight, seen, sources);
      if (learner.level().rank() >= 0) levels.add(learner.level());
    }
    for (String i : extraInterests) declared(cases, ProfileSource.Kind.INTEREST, i, interestWeight, seen, sources);

    Map<String, double[]> weightByCourse = new LinkedHashMap<>();
    Map<String, EventType> strongest = new LinkedHashMap<>();
    Map<String, Boolean> taken = new LinkedHashMap<>();
    for (Interaction e : history) {
      weightByCourse.computeIfAbsent(e.courseId(), k -> new double[1])[0] += eventWeights.of(e, now);
      strongest.merge(e.courseId(), e.event(), (a, b) -> strength(a) >= strength(b) ? a : b);
      if (eventWeights.marksTaken(e.event())) taken.put(e.courseId(), true);
    }
    int highestTaken = -1;
    for (Map.Entry<String, double[]> c : weightByCourse.entrySet()) {
      double w = c.getValue()[0];
      int doc = cases.docId(c.getKey());
      if (w == 0 || doc < 0) continue;
      EventType shown = w < 0 ? EventType.DISMISS : strongest.get(c.getKey());
      sources.add(new ProfileSource(ProfileSource.Kind.HISTORY, cases.title(doc), c.getKey(), shown, w, cases.course(doc)));
      if (w > 0 && taken.containsKey(c.getKey())) highestTaken = Math.max(highestTaken, cases.level(doc).rank());
    }
    if (highestTaken >= 0) {
      levels.add(byRank(highestTaken));
      levels.add(byRank(Math.min(2, highestTaken + 1)));
    }
    return LearnerProfile.of(sources, levels);
  }

  private static void declared(CaseBase cases, ProfileSource.Kind kind, String text, double weight, Set<String> seen,
                               List<ProfileSource> out) {
    if (text == null || text.isBlank() || weight == 0) return;
    if (!seen.add(text.trim().toLowerCase(java.util.Locale.ROOT))) return;
    out.add(new ProfileSource(kind, text.trim(), null, null, weight, cases.text(text)));
  }

  /** Order used to pick the event that names a history course in explanations. */
  private static int strength(EventType t) {
    return switch (t) {
      case COMPLETE -> 5;
      case ENROLL -> 4;
      case RATE -> 3;
      case BOOKMARK -> 2;
      case VIEW -> 1;
      case DISMISS -> 0;
    };
  }

  private static Level byRank(int r) {
    return switch (r) {
      case 0 -> Level.BEGINNER;
      case 1 -> Level.INTERMEDIATE;
      default -> Level.ADVANCED;
    };
  }
}
