package io.courserec.catalog.gen;

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
 */
public record BehaviourModel(double popularityExponent, double goalSkillWeight, double goalTrackWeight,
                             double styleWeight, double hiddenWeight, double organizationWeight, double qualityWeight,
                             double englishPenalty, double foreignPenalty, double overqualifiedPenalty,
                             double continueShare, double exploreShare, double randomShare, double eventsPerChoice,
                             double coldPopularityExponent, double coldGoalFactor) {

  /** The calibrated defaults used by {@code courserec generate}. */
  public static BehaviourModel standard() {
    return new BehaviourModel(1.0, 0.8, 1.4, 0.6, 0.7, 0.8, 0.25, -0.6, -4.0, -0.4, 0.35, 0.22, 0.05, 2.0, 0.6, 1.5);
  }
}
