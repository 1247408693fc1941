package io.courserec.catalog;

import java.util.Arrays;

/**
 * A set of {@code (long, long)} pairs in one flat array (open addressing, linear probing, load at most 1/2), so an
 * import can remember every event key of a log with millions of rows without an object per row. Both halves of a
 * pair sit side by side, so a lookup touches one cache line; a free slot holds {@link #FREE} in both halves, and the
 * pair {@code (FREE, FREE)} itself is remembered by a flag. 1.2M pairs take 2^22 slots x 16 bytes = 67 MB at the
 * largest, against roughly twice that for a {@code HashSet} of records. Not thread-safe.
 */
final class LongPairSet {
  private static final long FREE = Long.MIN_VALUE;

  /** Pair i at [2i, 2i+1]. */
  private long[] table;
  private int size;
  private boolean hasFreePair;

  LongPairSet() {
    table = emptyTable(1 << 10);
  }

  /** Adds the pair; false when it was already in the set. */
  boolean add(long a, long b) {
    if (a == FREE && b == FREE) {
      if (hasFreePair) return false;
      hasFreePair = true;
      size++;
      return true;
    }
    if (4 * (size + 1) > table.length) grow();
    int mask = table.length / 2 - 1;
    for (int i = slot(a, b, mask); ; i = (i + 1) & mask) {
      long x = table[2 * i];
      long y = table[2 * i + 1];
      if (x == FREE && y == FREE) {
        table[2 * i] = a;
        table[2 * i + 1] = b;
        size++;
        return true;
      }
      if (x == a && y == b) return false;
    }
  }

  int size() { return size; }

  private void grow() {
    long[] old = table;
    table = emptyTable(old.length); // twice the slots: a slot is two longs
    int mask = table.length / 2 - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j] == FREE && old[j + 1] == FREE) continue;
      int i = slot(old[j], old[j + 1], mask);
      while (table[2 * i] != FREE || table[2 * i + 1] != FREE) i = (i + 1) & mask;
      table[2 * i] = old[j];
      table[2 * i + 1] = old[j + 1];
    }
  }

  private static long[] emptyTable(int slots) {
    long[] t = new long[2 * slots];
    Arrays.fill(t, FREE);
    return t;
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
