package io.courserec.eval;

/**
 * The metrics of one algorithm on one split at cut-off K. Accuracy metrics and serendipity are means over all
 * evaluated test learners (a learner the algorithm could not serve counts with an empty list, i.e. zeros);
 * diversity is the mean over lists with at least two items, novelty over non-empty lists; coverage and
 * personalisation are computed over the lists as a whole. Definitions: {@link RankingMetrics},
 * {@link BeyondAccuracyMetrics}. NaN where undefined (e.g. no list had two items).
 *
 * @param precision mean Precision@K
 * @param recall mean Recall@K
 * @param ndcg mean NDCG@K
 * @param map mean AP@K (MAP@K)
 * @param mrr mean RR@K (MRR)
 * @param hitRate share of learners with at least one hit in the top K
 * @param coverage catalog coverage of all lists
 * @param diversity mean intra-list diversity
 * @param novelty mean novelty (bits)
 * @param serendipity mean serendipity
 * @param personalisation 1 - mean pairwise list overlap on a sample of learners
 */
public record MetricSummary(double precision, double recall, double ndcg, double map, double mrr, double hitRate,
                            double coverage, double diversity, double novelty, double serendipity,
                            double personalisation) {}
