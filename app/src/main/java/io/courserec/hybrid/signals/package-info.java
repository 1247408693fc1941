/**
 * One {@link org.apache.lucene.search.DoubleValuesSource} per hybrid signal, each reading its per-course data from
 * the index (doc values, vector values) for the current document and its per-learner data from a small array built
 * per request. Every source is immutable, has value equality, returns a normalised value in [0,1] and says in
 * {@code explain()} what it found, including missing values (which score 0, never NaN). Imports index and
 * Lucene only, never {@code io.courserec.hybrid}: the blend ({@code hybrid.BlendedSource}) and the query sit above
 * the sources, so the two packages form no cycle.
 */
package io.courserec.hybrid.signals;
