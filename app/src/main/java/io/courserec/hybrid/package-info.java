/**
 * The hybrid, scored inside Lucene: per-request learner context, segment weights and switching rules, the one
 * {@link io.courserec.hybrid.HybridQuery} blending one {@code DoubleValuesSource} per signal
 * ({@code hybrid.signals}), MMR diversification, calibrated confidence, explanations, weight tuning, and the registry
 * of every algorithm by name ({@link io.courserec.hybrid.Recommenders}). Imports cbr, cf, mf, index, eval (splits
 * for tuning and calibration) and below; never engine, api or cli.
 */
package io.courserec.hybrid;
