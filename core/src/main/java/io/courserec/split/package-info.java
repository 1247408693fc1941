/**
 * Splitting interactions into what a model may train on and what it is judged on: {@link io.courserec.split.Split},
 * the splitters (random per-learner holdout, cold start, global and per-learner temporal, leave-last-out) and
 * {@link io.courserec.split.SplitKind} that names them. Below the recommenders: evaluation ({@code eval}), tuning and
 * the hybrid's confidence calibration all split the data the same way. Imports only {@code catalog} and
 * {@code config}.
 */
package io.courserec.split;
