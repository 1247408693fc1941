package io.courserec.gen;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Harder data regimes for {@code generate --regime}: presets over the {@link BehaviourModel}, combinable when they
 * change different aspects of it (e.g. {@code strong-sequences,ratings-only}). docs/generator.md measures each.
 *
 * <ul>
 *   <li>{@link #WEAK_POPULARITY}: taste picks use popularity^0.15 instead of popularity^1 and only 4 % of picks
 *       (not 22 %) come from global popularity: what a learner takes depends on their taste, hardly on the crowd.</li>
 *   <li>{@link #STRONG_SEQUENCES}: 80 % of picks follow the learner's last taken course along its follow-up list
 *       ({@link FollowUps}: "learners who took X go on to Y", the first follow-up drawn with 0.6), and a pick
 *       starts only after the previous enrolment, so timestamps follow the order.</li>
 *   <li>{@link #RATINGS_ONLY}: every pick is one {@code rate} event 1..5 (rating from the learner's standardised
 *       fit, which holds the hidden taste, and the course's quality, centred 0.6 higher than the funnel's ratings
 *       because every pick is rated, not only the completed ones); no cold-start learners; long histories
 *       (log-normal picks, σ 1.0, mean 107: median about 65, like a movie-ratings log).</li>
 *   <li>{@link #SHORT_HISTORIES}: an enrolment log: every pick is one {@code enroll} event; short histories
 *       (mean 13.5 picks: log-normal with σ 0.65, and 5 % heavy learners with 7 times as many, {@link
 *       HistoryLength}; median about 8), 5 % cold-start learners, and a log-normal
 *       popularity (σ 1.75 over the catalog's popularity order, {@link PopularityPrior}; 10 % of picks from global
 *       popularity, 2 % uniform), tuned at 3,000 courses to the real MOOC enrolment log's shape (Gini 0.70, top
 *       10 % 54 %, top 1 % 17 %; median 8, mean 13, p90 23 courses per learner).</li>
 * </ul>
 */
public enum GeneratorRegime {
  /** The calibrated funnel of docs/generator.md; combining it with others changes nothing. */
  DEFAULT(EnumSet.noneOf(Aspect.class), Double.NaN, Double.NaN),
  WEAK_POPULARITY(EnumSet.of(Aspect.POPULARITY), Double.NaN, Double.NaN),
  STRONG_SEQUENCES(EnumSet.of(Aspect.ORDER), Double.NaN, Double.NaN),
  RATINGS_ONLY(EnumSet.of(Aspect.LOG), 107, 0),
  SHORT_HISTORIES(EnumSet.of(Aspect.LOG, Aspect.POPULARITY), 13.5, 0.05);

  /** The parts of the behaviour model a regime sets; two regimes that set the same part cannot be combined. */
  enum Aspect { POPULARITY, ORDER, LOG }

  private final Set<Aspect> aspects;
  private final double eventsPerUser;
  private final double coldStartShare;

  GeneratorRegime(Set<Aspect> aspects, double eventsPerUser, double coldStartShare) {
    this.aspects = aspects;
    this.eventsPerUser = eventsPerUser;
    this.coldStartShare = coldStartShare;
  }

  /** The command-line name, e.g. {@code weak-popularity}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The regime named {@code code} (case-insensitive), or an error listing the names. */
  public static GeneratorRegime fromCode(String code) {
    for (GeneratorRegime r : values()) if (r.code().equalsIgnoreCase(code.trim())) return r;
    throw new IllegalArgumentException("unknown regime '" + code + "'; expected one of "
        + Arrays.stream(values()).map(GeneratorRegime::code).collect(Collectors.joining(", ")));
  }

  /** The regimes as a set, or an error naming two that set the same aspect of the model. */
  public static Set<GeneratorRegime> combine(Collection<GeneratorRegime> regimes) {
    EnumSet<GeneratorRegime> out = EnumSet.noneOf(GeneratorRegime.class);
    for (GeneratorRegime r : regimes) {
      for (GeneratorRegime other : out) {
        if (r != other && r.aspects.stream().anyMatch(other.aspects::contains)) {
          throw new IllegalArgumentException("regimes " + other.code() + " and " + r.code()
              + " cannot be combined: both set the " + r.aspects.stream().filter(other.aspects::contains)
              .findFirst().orElseThrow().name().toLowerCase(Locale.ROOT) + " of the model");
        }
      }
      out.add(r);
    }
    return out;
  }

  /** The standard model changed by every regime of the set. */
  public static BehaviourModel model(Set<GeneratorRegime> regimes) {
    BehaviourModel m = BehaviourModel.standard();
    for (GeneratorRegime r : regimes) m = r.apply(m);
    return m;
  }

  /** This regime's target mean events per warm learner, NaN when it keeps the configured one. */
  public double eventsPerUser() { return eventsPerUser; }

  /** This regime's share of cold-start learners, NaN when it keeps the configured one. */
  public double coldStartShare() { return coldStartShare; }

  private BehaviourModel apply(BehaviourModel m) {
    return switch (this) {
      case DEFAULT -> m;
      case WEAK_POPULARITY -> m.withPopularity(0.15, 0.04, m.randomShare(), 0);
      case STRONG_SEQUENCES -> m.withSequenceShare(0.8);
      case RATINGS_ONLY -> m.withLog(EventStyle.RATINGS, 1.0, new HistoryLength(1.0, 0, 1), 0.6);
      case SHORT_HISTORIES -> m.withLog(EventStyle.ENROLMENTS, 1.0, new HistoryLength(0.65, 0.05, 7), 0).withPopularity(1.0, 0.10, 0.02, 1.75);
    };
  }
}
