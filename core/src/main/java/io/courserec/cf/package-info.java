/**
 * Collaborative filtering: the popularity baseline ({@code pop}), item-kNN ({@code itemknn}) and user-kNN
 * ({@code userknn}), and the item-item list models for the next-course task on a shared
 * {@link io.courserec.cf.NeighborListRecommender} base: recency-weighted item-kNN ({@code itemknn-recent}), the
 * sequence signal ({@code seq}) and EASE ({@code ease}); plus what every CF/MF model shares — the trained
 * {@link io.courserec.cf.InteractionSnapshot} (matrix, learner table, event weights, history order) that turns a request into a {@link io.courserec.cf.UserHistory}, the
 * {@link io.courserec.cf.CandidateRanker} that applies the recommender contract's exclusions in one place, and the
 * model files ({@link io.courserec.cf.BinaryModelFile}, {@link io.courserec.cf.ComponentManifest}). Imports only
 * {@code catalog}, {@code config} and {@code rec}; never {@code index}, {@code hybrid} or {@code api}.
 */
package io.courserec.cf;
