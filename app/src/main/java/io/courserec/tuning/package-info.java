/**
 * Self-tuning: {@code train} fits the hyper-parameters and the hybrid's blend weights to the data it is given, on an
 * inner validation split of the training data that mirrors the task (next course by time when there are
 * timestamps). Sits above the recommenders and {@code eval} (it trains the one and uses the other's splits and
 * metrics); only {@code engine} and {@code cli} import it.
 */
package io.courserec.tuning;
