package io.courserec.gen;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from one seed: stream {@code (seed, purpose, index)} is a
 * {@link SplittableRandom} seeded with a SplitMix64 mix of the three, so each learner's draws depend on the seed and
 * the learner's index only, never on thread scheduling or on how many draws other learners made.
 */
final class SeedStreams {
  static final long CATALOG = 1;
  static final long LEARNER = 2;
  static final long FOLLOW_UPS = 3;

  private SeedStreams() {}

  static SplittableRandom stream(long seed, long purpose, long index) {
    long z = mix(seed ^ mix(purpose * 0x9E3779B97F4A7C15L + index));
    return new SplittableRandom(z);
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
