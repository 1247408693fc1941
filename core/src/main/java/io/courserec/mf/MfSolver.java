package io.courserec.mf;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;

/**
 * How ALS solves each row's k×k system during training ({@code mf.solver}; see {@link AlsSolver}):
 * {@code cholesky} solves every row exactly; {@code cg} runs {@code mf.cg_steps} conjugate-gradient steps
 * warm-started from the row's previous factors (Takács, Pilászy &amp; Tikk 2011) on every row where that costs
 * fewer flops than the exact solve, and solves the other (short) rows exactly. Fold-in and the final learner
 * pass are always exact.
 */
public enum MfSolver {
  CHOLESKY("cholesky"), CG("cg");

  private final String code;

  MfSolver(String code) { this.code = code; }

  public String code() { return code; }

  public static MfSolver from(Config config) {
    return parse(config.string(ConfigKey.MF_SOLVER));
  }

  public static MfSolver parse(String value) {
    String v = value.trim();
    for (MfSolver s : values()) if (s.code.equalsIgnoreCase(v)) return s;
    throw new ConfigException(ConfigKey.MF_SOLVER.key() + " must be cholesky or cg, got '" + v + "'");
  }
}
