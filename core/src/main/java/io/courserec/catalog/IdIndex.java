package io.courserec.catalog;

import java.util.List;

/**
 * Ids by ordinal and ordinals by id, for millions of learners without a {@code HashMap} entry and a boxed
 * {@code Integer} per id (about 100 bytes each). Two forms behind one type, so a snapshot or a request reads either
 * the same way: on the heap ({@link #of}: the ids in one array and an open-addressing table of ordinals, linear
 * probing, at most half full, 12 to 20 bytes per id), or memory-mapped from a model version's
 * {@link LearnerTable} (no heap per id: a replica's heap must not grow with learners). Both place an id by
 * {@link #slot}, which depends only on {@link String#hashCode} (specified by the JLS) so a table written by one JVM
 * is probed by another. Immutable; ids must be distinct.
 */
public abstract sealed class IdIndex permits IdIndex.OnHeap, LearnerTable.MappedIds {

  IdIndex() {}

  /** An index over {@code ids} in this order; {@link IllegalArgumentException} on a duplicate or null id. */
  public static IdIndex of(List<String> ids) {
    String[] a = ids.toArray(String[]::new);
    for (String s : a) if (s == null) throw new IllegalArgumentException("null id");
    return new OnHeap(a);
  }

  /** The ordinal of {@code id}, or -1 when it is not in the index. */
  public abstract int ordinal(String id);

  /** The id at {@code ordinal}. */
  public abstract String id(int ordinal);

  public abstract int size();

  /** True when this index holds exactly {@code other} ids in the same order. */
  public abstract boolean sameIdsAs(String[] other);

  /** The table capacity for {@code n} ids: a power of two at least {@code 2n} (and at least 8), so probe runs stay short. */
  static int capacity(int n) {
    return Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
  }

  /**
   * The home slot of {@code id} in a table of {@code mask + 1} slots: {@link String#hashCode} (stable across JVMs)
   * spread by a Fibonacci multiply, since its low bits cluster for ids that differ in their last characters.
   */
  static int slot(String id, int mask) {
    int h = id.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** The heap form: the id strings themselves and a table of ordinal + 1 (0 = empty). */
  static final class OnHeap extends IdIndex {
    private final String[] ids;
    private final int[] table; // ordinal + 1, 0 = empty
    private final int mask;

    private OnHeap(String[] ids) {
      this.ids = ids;
      int cap = capacity(ids.length);
      table = new int[cap];
      mask = cap - 1;
      for (int o = 0; o < ids.length; o++) {
        int slot = slot(ids[o], mask);
        while (table[slot] != 0) {
          if (ids[table[slot] - 1].equals(ids[o])) throw new IllegalArgumentException("duplicate id " + ids[o]);
          slot = (slot + 1) & mask;
        }
        table[slot] = o + 1;
      }
    }

    @Override
    public int ordinal(String id) {
      if (id == null) return -1;
      for (int slot = slot(id, mask); ; slot = (slot + 1) & mask) {
        int v = table[slot];
        if (v == 0) return -1;
        if (ids[v - 1].equals(id)) return v - 1;
      }
    }

    @Override
    public String id(int ordinal) {
      return ids[ordinal];
    }

    @Override
    public int size() {
      return ids.length;
    }

    @Override
    public boolean sameIdsAs(String[] other) {
      if (other.length != ids.length) return false;
      for (int i = 0; i < ids.length; i++) if (!ids[i].equals(other[i])) return false;
      return true;
    }
  }
}
