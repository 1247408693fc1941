package io.courserec.split;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random streams for evaluation. A stream per key (e.g. per learner id) makes one learner's draw
 * independent of how many other learners the data set has and of their order.
 */
public final class SeededRandom {
  private SeededRandom() {}

  /** A generator determined by the seed and the key (64-bit FNV-1a of the key's UTF-8 bytes, mixed with the seed). */
  public static SplittableRandom forKey(long seed, String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return new SplittableRandom(h ^ (seed * 0x9E3779B97F4A7C15L));
  }

  /** Fisher-Yates shuffle in place. */
  public static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
