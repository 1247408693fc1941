/**
 * Offline evaluation over the splits of {@code split} ({@link io.courserec.split.Splitter}): metrics as
 * pure functions ({@link io.courserec.eval.RankingMetrics}, {@link io.courserec.eval.BeyondAccuracyMetrics},
 * {@link io.courserec.eval.Calibration}), the {@link io.courserec.eval.ExperimentRunner} that trains and ranks
 * every algorithm, {@link io.courserec.eval.PathEvaluation} (learning-path quality, planned with {@code learning}),
 * and the report writers (JSON, Markdown, PNG charts and the self-contained HTML page). Uses recommenders only
 * through the {@code rec} contract and reports progress through {@code progress}; never imports {@code api},
 * {@code cli}, {@code engine} or {@code hybrid}.
 */
package io.courserec.eval;
