package io.courserec.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Read-only primitive columns: a Java array on the heap ({@code of}) or a region of a memory-mapped
 * {@link ColumnFile} (the OS's page cache, not the heap). Both are read through the same {@code get}, so code that
 * serves learners reads a model version mapped from disk with the same loop as one trained in this JVM. A mapped
 * region may span several mappings of {@link ColumnFile#CHUNK_BYTES} (a {@code MappedByteBuffer} stops at 2 GiB);
 * values never straddle two, because every column starts on an 8-byte boundary and holds one width of value.
 */
public final class Column {
  private Column() {}

  /** Where a mapped column's bytes are: the file's mappings and the column's first byte. */
  record Region(ByteBuffer[] chunks, long offset) {}

  /** Ints by index. */
  public static final class Ints {
    private final int[] heap;
    private final ByteBuffer[] chunks;
    private final long offset;
    private final long size;

    private Ints(int[] heap, Region r, long size) {
      this.heap = heap;
      this.chunks = r == null ? null : r.chunks();
      this.offset = r == null ? 0 : r.offset();
      this.size = size;
    }

    static Ints mapped(Region r, long size) { return new Ints(null, r, size); }

    public static Ints of(int[] a) { return new Ints(a, null, a.length); }

    public int get(long i) {
      if (heap != null) return heap[(int) i];
      long b = offset + i * Integer.BYTES;
      return chunks[(int) (b >>> ColumnFile.CHUNK_SHIFT)].getInt((int) (b & (ColumnFile.CHUNK_BYTES - 1)));
    }

    public long size() { return size; }

    /** A heap copy of [from, to). */
    public int[] copy(long from, long to) {
      int[] out = new int[Math.toIntExact(to - from)];
      for (int i = 0; i < out.length; i++) out[i] = get(from + i);
      return out;
    }
  }

  /** Floats by index. */
  public static final class Floats {
    private final float[] heap;
    private final ByteBuffer[] chunks;
    private final long offset;
    private final long size;

    private Floats(float[] heap, Region r, long size) {
      this.heap = heap;
      this.chunks = r == null ? null : r.chunks();
      this.offset = r == null ? 0 : r.offset();
      this.size = size;
    }

    static Floats mapped(Region r, long size) { return new Floats(null, r, size); }

    public static Floats of(float[] a) { return new Floats(a, null, a.length); }

    public float get(long i) {
      if (heap != null) return heap[(int) i];
      long b = offset + i * Float.BYTES;
      return chunks[(int) (b >>> ColumnFile.CHUNK_SHIFT)].getFloat((int) (b & (ColumnFile.CHUNK_BYTES - 1)));
    }

    public long size() { return size; }
  }

  /** Longs by index. */
  public static final class Longs {
    private final long[] heap;
    private final ByteBuffer[] chunks;
    private final long offset;
    private final long size;

    private Longs(long[] heap, Region r, long size) {
      this.heap = heap;
      this.chunks = r == null ? null : r.chunks();
      this.offset = r == null ? 0 : r.offset();
      this.size = size;
    }

    static Longs mapped(Region r, long size) { return new Longs(null, r, size); }

    public static Longs of(long[] a) { return new Longs(a, null, a.length); }

    public long get(long i) {
      if (heap != null) return heap[(int) i];
      long b = offset + i * Long.BYTES;
      return chunks[(int) (b >>> ColumnFile.CHUNK_SHIFT)].getLong((int) (b & (ColumnFile.CHUNK_BYTES - 1)));
    }

    public long size() { return size; }
  }

  /** Doubles by index. */
  public static final class Doubles {
    private final double[] heap;
    private final ByteBuffer[] chunks;
    private final long offset;
    private final long size;

    private Doubles(double[] heap, Region r, long size) {
      this.heap = heap;
      this.chunks = r == null ? null : r.chunks();
      this.offset = r == null ? 0 : r.offset();
      this.size = size;
    }

    static Doubles mapped(Region r, long size) { return new Doubles(null, r, size); }

    public static Doubles of(double[] a) { return new Doubles(a, null, a.length); }

    public double get(long i) {
      if (heap != null) return heap[(int) i];
      long b = offset + i * Double.BYTES;
      return chunks[(int) (b >>> ColumnFile.CHUNK_SHIFT)].getDouble((int) (b & (ColumnFile.CHUNK_BYTES - 1)));
    }

    public long size() { return size; }
  }

  /** Bytes by index; also the raw form of strings ({@link #utf8}). */
  public static final class Bytes {
    private final byte[] heap;
    private final ByteBuffer[] chunks;
    private final long offset;
    private final long size;

    private Bytes(byte[] heap, Region r, long size) {
      this.heap = heap;
      this.chunks = r == null ? null : r.chunks();
      this.offset = r == null ? 0 : r.offset();
      this.size = size;
    }

    static Bytes mapped(Region r, long size) { return new Bytes(null, r, size); }

    public static Bytes of(byte[] a) { return new Bytes(a, null, a.length); }

    public byte get(long i) {
      if (heap != null) return heap[(int) i];
      long b = offset + i;
      return chunks[(int) (b >>> ColumnFile.CHUNK_SHIFT)].get((int) (b & (ColumnFile.CHUNK_BYTES - 1)));
    }

    public long size() { return size; }

    /** A heap copy of [from, to). */
    public byte[] copy(long from, long to) {
      byte[] out = new byte[Math.toIntExact(to - from)];
      if (heap != null) {
        System.arraycopy(heap, (int) from, out, 0, out.length);
        return out;
      }
      long b = offset + from;
      int c = (int) (b >>> ColumnFile.CHUNK_SHIFT);
      int at = (int) (b & (ColumnFile.CHUNK_BYTES - 1));
      if (at + out.length <= chunks[c].limit()) {
        chunks[c].get(at, out);
      } else {
        for (int i = 0; i < out.length; i++) out[i] = get(from + i);
      }
      return out;
    }

    /** The UTF-8 string in [from, to). */
    public String utf8(long from, long to) {
      return new String(copy(from, to), StandardCharsets.UTF_8);
    }

    /** True when [from, to) holds exactly the bytes of {@code utf8}. */
    public boolean equalsAt(long from, long to, byte[] utf8) {
      if (to - from != utf8.length) return false;
      for (int i = 0; i < utf8.length; i++) if (get(from + i) != utf8[i]) return false;
      return true;
    }
  }
}
