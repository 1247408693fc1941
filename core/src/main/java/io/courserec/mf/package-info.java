/**
 * Matrix factorisation ({@code mf}): implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008) and PureSVD
 * (Cremonesi, Koren &amp; Turrin 2010) producing a {@link io.courserec.mf.FactorModel} whose item factors the hybrid
 * stores in the index and whose fold-in serves learners who were not trained on. Tuners fit in memory with
 * {@code AlsTrainer.train(matrix, AlsParams)}. Uses {@code cf} for the shared
 * history, ranking and model-file plumbing, EJML for the dense linear algebra; imports nothing above {@code cf}.
 */
package io.courserec.mf;
