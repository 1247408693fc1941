package io.courserec.catalog;

import java.util.List;

/**
 * Ids by ordinal and ordinals by id, for millions of learners without a {@code HashMap} entry and a boxed
 * {@code Integer} per id (about 100 bytes each): the ids in one array and an open-addressing table of ordinals
 * (linear probing, at most half full), 12 to 20 bytes per id. Immutable; ids must be distinct.
 */
public final class IdIndex {
  private final String[] ids;
  private final int[] table; // ordinal + 1, 0 = empty
  private final int mask;

  private IdIndex(String[] ids) {
    this.ids = ids;
    int cap = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
    table = new int[cap];
    mask = cap - 1;
    for (int o = 0; o < ids.length; o++) {
      int slot = slot(ids[o]);
      while (table[slot] != 0) {
        if (ids[table[slot] - 1].equals(ids[o])) throw new IllegalArgumentException("duplicate id " + ids[o]);
        slot = (slot + 1) & mask;
      }
      table[slot] = o + 1;
    }
  }

  /** An index over {@code ids} in this order; {@link IllegalArgumentException} on a duplicate or null id. */
  public static IdIndex of(List<String> ids) {
    String[] a = ids.toArray(String[]::new);
    for (String s : a) if (s == null) throw new IllegalArgumentException("null id");
    return new IdIndex(a);
  }

  /** The ordinal of {@code id}, or -1 when it is not in the index. */
  public int ordinal(String id) {
    if (id == null) return -1;
    for (int slot = slot(id); ; slot = (slot + 1) & mask) {
      int v = table[slot];
      if (v == 0) return -1;
      if (ids[v - 1].equals(id)) return v - 1;
    }
  }

  /** The id at {@code ordinal}. */
  public String id(int ordinal) {
    return ids[ordinal];
  }

  public int size() {
    return ids.length;
  }

  /** True when this index holds exactly {@code other} ids in the same order. */
  public boolean sameIdsAs(String[] other) {
    if (other.length != ids.length) return false;
    for (int i = 0; i < ids.length; i++) if (!ids[i].equals(other[i])) return false;
    return true;
  }

  private int slot(String id) {
    int h = id.hashCode() * 0x9E3779B9; // spread the low bits String.hashCode leaves clustered
    return (h ^ (h >>> 16)) & mask;
  }
}
