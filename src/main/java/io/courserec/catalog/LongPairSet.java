package io.courserec.catalog;

/**
 * A set of {@code (long, long)} pairs in two flat arrays (open addressing, linear probing, load at most 1/2), so an
 * import can remember every event key of a log with millions of rows without an object per row: 1.2M pairs take
 * 2^22 slots x 17 bytes = 71 MB at the largest, against roughly twice that for a {@code HashSet} of records.
 * Not thread-safe.
 */
final class LongPairSet {
  private long[] first;
  private long[] second;
  private boolean[] used;
  private int size;

  LongPairSet() {
    allocate(1 << 10);
  }

  /** Adds the pair; false when it was already in the set. */
  boolean add(long a, long b) {
    if (2 * (size + 1) > used.length) grow();
    int mask = used.length - 1;
    for (int i = slot(a, b, mask); ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = true;
        first[i] = a;
        second[i] = b;
        size++;
        return true;
      }
      if (first[i] == a && second[i] == b) return false;
    }
  }

  int size() { return size; }

  private void grow() {
    long[] f = first;
    long[] s = second;
    boolean[] u = used;
    allocate(u.length * 2);
    int mask = used.length - 1;
    for (int j = 0; j < u.length; j++) {
      if (!u[j]) continue;
      int i = slot(f[j], s[j], mask);
      while (used[i]) i = (i + 1) & mask;
      used[i] = true;
      first[i] = f[j];
      second[i] = s[j];
    }
  }

  private void allocate(int slots) {
    first = new long[slots];
    second = new long[slots];
    used = new boolean[slots];
  }

  /** Murmur3's 64-bit finaliser over both halves: keys differing in a few low bits land far apart. */
  private static int slot(long a, long b, int mask) {
    long h = a * 0x9E3779B97F4A7C15L + b;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h & mask;
  }
}
