package io.courserec.gen;

/**
 * The coefficients of the learner behaviour model (see {@link BehaviourSimulator} for the formulas). The standard
 * values were calibrated so that on the bundled sample collaborative filtering clearly beats popularity, content
 * matching on declared interests and goals beats popularity for cold-start learners, and neither is trivial
 * (docs/generator.md lists the measured numbers).
 *
 * @param popularityExponent a in weight = popularity^a x exp(fit)
 * @param goalSkillWeight added to fit per course skill that is one of the learner's goals (at most two count)
 * @param goalTrackWeight added to fit when the course is in one of the learner's (latent) goal tracks
 * @param styleWeight scales practicePref x practice + lengthPref x length
 * @param hiddenWeight scales (hidden_u . hidden_c) / 2, the purely collaborative part
 * @param organizationWeight added when the course's organisation family is the learner's favourite
 * @param qualityWeight scales the course's latent quality
 * @param englishPenalty added for an English course when the learner's language is another
 * @param foreignPenalty added for a course in a language that is neither the learner's nor English
 * @param overqualifiedPenalty added per level the course is below the learner's level
 * @param continueShare probability that a pick continues a completed course's track (its successor)
 * @param exploreShare probability that a pick comes from global popularity, not taste
 * @param randomShare probability that a pick is uniform over the catalog
 * @param eventsPerChoice mean events one pick produces; converts the events-per-user target into picks
 * @param coldPopularityExponent a for cold-start learners, who arrive searching for their goals
 * @param coldGoalFactor multiplies both goal weights for cold-start learners
 * @param sequenceShare probability that a pick follows the learner's last taken course along its follow-up list
 *     ({@link FollowUps}); 0 turns the mechanism off (and draws no random number for it)
 * @param eventStyle what a pick writes: the full funnel, one enrolment, or one rating
 * @param history the distribution of picks per warm learner (its mean stays events-per-user / eventsPerChoice)
 * @param ratingShift added to the rating formula's intercept (ratings-only logs rate every pick, not only the
 *     completed ones, so their centre differs)
 * @param popularitySpread 0: the catalog's Zipf-like popularity; σ &gt; 0: the same order with log-normal values of
 *     that σ ({@link PopularityPrior})
 */
public record BehaviourModel(double popularityExponent, double goalSkillWeight, double goalTrackWeight,
                             double styleWeight, double hiddenWeight, double organizationWeight, double qualityWeight,
                             double englishPenalty, double foreignPenalty, double overqualifiedPenalty,
                             double continueShare, double exploreShare, double randomShare, double eventsPerChoice,
                             double coldPopularityExponent, double coldGoalFactor, double sequenceShare,
                             EventStyle eventStyle, HistoryLength history, double ratingShift,
                             double popularitySpread) {

  /** The calibrated defaults used by {@code courserec generate}. */
  public static BehaviourModel standard() {
    return new BehaviourModel(1.0, 0.8, 1.4, 0.6, 0.7, 0.8, 0.25, -0.6, -4.0, -0.4, 0.35, 0.22, 0.05, 2.0, 0.6, 1.5,
        0, EventStyle.FUNNEL, HistoryLength.standard(), 0, 0);
  }

  /**
   * This model with another popularity exponent for taste picks, share of global-popularity picks, share of
   * uniform picks and popularity spread (0 keeps the catalog's Zipf values).
   */
  public BehaviourModel withPopularity(double exponent, double explore, double random, double spread) {
    return new BehaviourModel(exponent, goalSkillWeight, goalTrackWeight, styleWeight, hiddenWeight,
        organizationWeight, qualityWeight, englishPenalty, foreignPenalty, overqualifiedPenalty, continueShare,
        explore, random, eventsPerChoice, coldPopularityExponent, coldGoalFactor, sequenceShare, eventStyle,
        history, ratingShift, spread);
  }

  /** This model with another share of picks that follow the last taken course ({@link FollowUps}). */
  public BehaviourModel withSequenceShare(double sequence) {
    return new BehaviourModel(popularityExponent, goalSkillWeight, goalTrackWeight, styleWeight, hiddenWeight,
        organizationWeight, qualityWeight, englishPenalty, foreignPenalty, overqualifiedPenalty, continueShare,
        exploreShare, randomShare, eventsPerChoice, coldPopularityExponent, coldGoalFactor, sequence, eventStyle,
        history, ratingShift, popularitySpread);
  }

  /**
   * This model writing {@code style} events, with {@code perChoice} mean events per pick, the history length
   * distribution, and the rating shift.
   */
  public BehaviourModel withLog(EventStyle style, double perChoice, HistoryLength length, double shift) {
    return new BehaviourModel(popularityExponent, goalSkillWeight, goalTrackWeight, styleWeight, hiddenWeight,
        organizationWeight, qualityWeight, englishPenalty, foreignPenalty, overqualifiedPenalty, continueShare,
        exploreShare, randomShare, perChoice, coldPopularityExponent, coldGoalFactor, sequenceShare, style, length,
        shift, popularitySpread);
  }
}
