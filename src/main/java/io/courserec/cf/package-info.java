/**
 * Collaborative filtering: the popularity baseline ({@code pop}), item-kNN ({@code itemknn}) and user-kNN
 * ({@code userknn}), plus what every CF/MF model shares — the trained {@link io.courserec.cf.InteractionSnapshot}
 * (matrix, learner table, event weights) that turns a request into a {@link io.courserec.cf.UserHistory}, the
 * {@link io.courserec.cf.CandidateRanker} that applies the recommender contract's exclusions in one place, and the
 * model files ({@link io.courserec.cf.BinaryModelFile}, {@link io.courserec.cf.ModelManifest}). Imports only
 * {@code catalog}, {@code config} and {@code rec}; never {@code index}, {@code hybrid} or {@code api}.
 */
package io.courserec.cf;
