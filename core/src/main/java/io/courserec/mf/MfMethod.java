package io.courserec.mf;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;

/** The factorisation method ({@code mf.method}): implicit ALS ({@link AlsTrainer}) or PureSVD ({@link PureSvdTrainer}). */
public enum MfMethod {
  ALS("als"), PURESVD("puresvd");

  private final String code;

  MfMethod(String code) { this.code = code; }

  public String code() { return code; }

  public static MfMethod from(Config config) {
    return parse(config.string(ConfigKey.MF_METHOD));
  }

  public static MfMethod parse(String value) {
    String v = value.trim();
    for (MfMethod m : values()) if (m.code.equalsIgnoreCase(v)) return m;
    throw new ConfigException(ConfigKey.MF_METHOD.key() + " must be als or puresvd, got '" + v + "'");
  }
}
