package io.courserec.gen;

/**
 * The latent side of one learner (never written out; {@code users.csv} shows a noisy view of it).
 *
 * @param coldStart a learner with one or two events only
 * @param mainSubjects the one to three subjects the learner really follows
 * @param logTheta log interest per subject: the main subjects share 0.9, the rest share 0.1
 * @param goalTracks tracks the learner wants to progress in (boosted in the fit)
 * @param goalSkills sorted skill ids of the declared goals
 * @param practicePref -1 (theory) .. +1 (hands-on)
 * @param lengthPref -1 (short courses) .. +1 (long courses)
 * @param hidden latent factors matched against the courses' hidden factors
 * @param favouriteFamily favourite organisation family, or null when indifferent
 * @param language index into the catalog's languages
 * @param levelRank 0 beginner, 1 intermediate, 2 advanced
 * @param picks how many courses the learner will consider
 */
record LearnerTaste(boolean coldStart, int[] mainSubjects, double[] logTheta, int[] goalTracks, int[] goalSkills,
                    double practicePref, double lengthPref, float[] hidden, OrgFamily favouriteFamily, int language,
                    int levelRank, int picks) {}
