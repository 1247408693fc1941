/**
 * The Lucene catalog index: field names and analysers in one place ({@link io.courserec.index.CourseFields}), the
 * indexer that builds a generation and swaps it in atomically, the reference-counted searcher lifecycle, BM25
 * catalog search, and the per-course model signals (priors, MF factors, item-kNN neighbours) with their per-leaf
 * readers for the hybrid scorer. Imports {@code catalog}, {@code config} and the {@code rec} records
 * ({@code CourseFilter}); never a recommender family, {@code hybrid}, {@code api} or {@code cli}.
 */
package io.courserec.index;
