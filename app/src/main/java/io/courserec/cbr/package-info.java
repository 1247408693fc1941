/**
 * Content-based / case-based recommendation: a course is a case (TF-IDF vectors from the index's term vectors),
 * a learner is a profile of weighted cases, goals and interests, the score is a weighted cosine
 * ({@link io.courserec.cbr.ContentScorer}); the profile's top terms retrieve candidates (in-memory postings of the
 * case vectors, or a Lucene BM25 query), exact scoring ranks them. Also
 * course-to-course similarity through MoreLikeThis. Imports {@code index}, {@code rec}, {@code catalog} and
 * {@code config}; never {@code cf}, {@code mf}, {@code hybrid} or anything above.
 */
package io.courserec.cbr;
