package io.courserec.mf;

import io.courserec.cf.ParallelLoop;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.Objects;

/**
 * Everything that shapes an implicit-ALS fit ({@link AlsTrainer}), as one value, so a tuner can fit many
 * variants without going through {@link Config}: {@code AlsTrainer.train(matrix, params.withRank(32))}.
 *
 * @param rank       latent factors k ≥ 1 ({@code mf.rank})
 * @param lambda     λ ≥ 0 ({@code mf.regularization}), scaled per row by {@code scaling}
 * @param alpha      α ≥ 0 of c = 1 + α|r| ({@code mf.alpha})
 * @param iterations sweeps ≥ 0 ({@code mf.iterations}); each solves X then Y
 * @param scaling    per-row λ ({@code mf.regularization_scaling})
 * @param solver     row solves in training ({@code mf.solver})
 * @param cgSteps    conjugate-gradient steps per row with {@link MfSolver#CG}, ≥ 1 ({@code mf.cg_steps})
 * @param seed       seed of the initial item factors ({@code seed})
 * @param threads    training threads ≥ 1 (the result does not depend on it)
 */
public record AlsParams(int rank, double lambda, double alpha, int iterations, RegularizationScaling scaling,
                        MfSolver solver, int cgSteps, long seed, int threads) {

  public AlsParams {
    if (rank < 1) throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    if (iterations < 0) throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    if (!(lambda >= 0)) throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
    if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
    if (cgSteps < 1) throw new IllegalArgumentException("cgSteps must be >= 1, got " + cgSteps);
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(solver, "solver");
    threads = Math.max(1, threads);
  }

  /** Exact Cholesky solves, no λ scaling, 3 CG steps (unused): the behaviour before these options existed. */
  public static AlsParams of(int rank, double lambda, double alpha, int iterations, long seed, int threads) {
    return new AlsParams(rank, lambda, alpha, iterations, RegularizationScaling.NONE, MfSolver.CHOLESKY, 3, seed,
        threads);
  }

  /** The {@code mf.*} keys, {@code seed}, and {@code mf.threads} (0 = all cores). */
  public static AlsParams from(Config c) {
    return new AlsParams(c.integer(ConfigKey.MF_RANK), c.number(ConfigKey.MF_REG), c.number(ConfigKey.MF_ALPHA),
        c.integer(ConfigKey.MF_ITERATIONS), RegularizationScaling.from(c), MfSolver.from(c),
        c.integer(ConfigKey.MF_CG_STEPS), c.longValue(ConfigKey.SEED), ParallelLoop.threads(c));
  }

  public AlsParams withRank(int r) {
    return new AlsParams(r, lambda, alpha, iterations, scaling, solver, cgSteps, seed, threads);
  }

  public AlsParams withLambda(double l) {
    return new AlsParams(rank, l, alpha, iterations, scaling, solver, cgSteps, seed, threads);
  }

  public AlsParams withAlpha(double a) {
    return new AlsParams(rank, lambda, a, iterations, scaling, solver, cgSteps, seed, threads);
  }

  public AlsParams withIterations(int n) {
    return new AlsParams(rank, lambda, alpha, n, scaling, solver, cgSteps, seed, threads);
  }

  public AlsParams withScaling(RegularizationScaling s) {
    return new AlsParams(rank, lambda, alpha, iterations, s, solver, cgSteps, seed, threads);
  }

  public AlsParams withSolver(MfSolver s, int steps) {
    return new AlsParams(rank, lambda, alpha, iterations, scaling, s, steps, seed, threads);
  }

  public AlsParams withSeed(long s) {
    return new AlsParams(rank, lambda, alpha, iterations, scaling, solver, cgSteps, s, threads);
  }

  public AlsParams withThreads(int t) {
    return new AlsParams(rank, lambda, alpha, iterations, scaling, solver, cgSteps, seed, t);
  }
}
