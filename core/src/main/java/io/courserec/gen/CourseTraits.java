package io.courserec.gen;

/**
 * The latent side of one course, which the behaviour simulation reads and no output file shows directly.
 *
 * @param subject index into {@link SyntheticCatalog#subjectNames()}
 * @param track index of the learning track (a subject when the catalog has no tracks); readiness is per track
 * @param rank 0 beginner (also mixed / unknown), 1 intermediate, 2 advanced
 * @param logPopularity log of the popularity prior (Zipf-like over a random permutation of courses)
 * @param quality standard-normal quality: raises completion and ratings
 * @param practice -1 (theory) .. +1 (hands-on); shows in the description
 * @param length -1 (short) .. +1 (long), from the duration
 * @param hidden latent factors that no column reveals (collaborative signal only)
 * @param family organisation family
 * @param language index into {@link SyntheticCatalog#languages()}
 * @param launchEpochSecond before this instant nobody can see the course
 * @param durationHours hours of work, drives the time to completion
 * @param skills skill ids (see {@link SyntheticCatalog#skillNames()})
 * @param prerequisites course ordinals
 */
public record CourseTraits(int subject, int track, int rank, double logPopularity, double quality, double practice,
                           double length, float[] hidden, OrgFamily family, int language, long launchEpochSecond,
                           double durationHours, int[] skills, int[] prerequisites) {

  /** Number of hidden factors per course and learner. */
  public static final int HIDDEN = 4;

  /** Maps a duration in hours to the length style: log-scaled around 12 hours, clamped to [-1, 1]. */
  public static double lengthStyle(double hours) {
    return Math.max(-1, Math.min(1, StrictMath.log(Math.max(0.5, hours) / 12.0) / 1.2));
  }
}
