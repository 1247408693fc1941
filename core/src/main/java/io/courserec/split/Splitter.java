package io.courserec.split;

import io.courserec.catalog.Dataset;

/**
 * Divides a data set into training data and held-out relevant courses per test learner. Implementations are pure
 * and deterministic: the same data set and settings (including the seed) give the same split. Relevance and the
 * "whole (learner, course) pair" rule are defined in {@link Relevance}.
 */
public interface Splitter {
  /** The split's name as used on the command line and in reports. */
  String name();

  /** Splits the data set; the catalog and the learner list are kept unchanged. */
  Split split(Dataset data);
}
