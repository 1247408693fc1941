/**
 * The synthetic data generator behind {@code courserec generate}: a vocabulary of subjects, tracks and skills, a
 * catalog synthesiser (or the adoption of a given catalog), latent learner tastes and a behaviour simulation that
 * streams canonical {@code courses.csv}, {@code users.csv} and {@code interactions.csv}. The model is described in
 * {@link io.courserec.gen.DataGenerator} and {@code docs/generator.md}. Imports only {@code catalog}; nothing
 * of ours imports this package except the CLI.
 */
package io.courserec.gen;
