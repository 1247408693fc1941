package io.courserec.gen;

import java.util.Locale;

/**
 * Families of course providers. The family is a latent "style" of a course: learners have a preference over
 * families (some follow university courses, some vendor training), which collaborative filtering can learn and
 * which text alone shows only through the organisation name.
 */
public enum OrgFamily {
  UNIVERSITY, INDUSTRY, TRAINING, BUSINESS;

  /** Parses the lower-case family name used in the vocabulary file. */
  public static OrgFamily parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown organisation family '" + s + "'", e);
    }
  }
}
