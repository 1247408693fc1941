package io.courserec.cf;

/**
 * Scores by course ordinal with the courses that have any listed: {@code values[i]} is 0 for every course not among
 * {@code courses[0..count)}; each listed course appears once. The arrays are the caller's to overwrite.
 *
 * @param values score per course ordinal
 * @param courses the ordinals with a score (possibly 0 or negative), in no particular order
 * @param count how many of {@code courses} are used
 */
public record SparseScores(float[] values, int[] courses, int count) {}
