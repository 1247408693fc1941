package io.courserec.index;

import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Binary format of the {@value CourseFields#CF_ITEM_NEIGHBORS} doc value: a course's item-kNN neighbours as
 * packed (course ordinal, similarity) pairs.
 *
 * <pre>
 *   byte 0        format version ({@value #VERSION})
 *   then n times  int32 ordinal (little-endian), float32 similarity (little-endian)   -- 8 bytes per pair
 * </pre>
 *
 * Pairs keep the order they were given in (the trainer writes them best first). Fixed-width pairs let a scorer
 * read pair {@code i} in place, without allocating, via {@link #size}, {@link #ordinal} and {@link #similarity}
 * on the {@link BytesRef} returned by {@code BinaryDocValues.binaryValue()}; {@link #decode} copies into arrays.
 */
public final class NeighborListCodec {
  /** Current format version, the first byte of every value. */
  public static final byte VERSION = 1;
  private static final int PAIR_BYTES = Integer.BYTES + Float.BYTES;

  private NeighborListCodec() {}

  /** A decoded neighbour list; arrays are parallel and owned by the caller. */
  public record Neighbors(int[] ordinals, float[] similarities) {
    public int size() { return ordinals.length; }
  }

  /**
   * Encodes parallel arrays.
   *
   * @throws IllegalArgumentException when the arrays differ in length, an ordinal is negative or a similarity is not finite
   */
  public static BytesRef encode(int[] ordinals, float[] similarities) {
    if (ordinals.length != similarities.length) {
      throw new IllegalArgumentException("neighbour arrays differ in length: " + ordinals.length
          + " ordinals, " + similarities.length + " similarities");
    }
    byte[] b = new byte[1 + ordinals.length * PAIR_BYTES];
    b[0] = VERSION;
    for (int i = 0; i < ordinals.length; i++) {
      if (ordinals[i] < 0) throw new IllegalArgumentException("neighbour ordinal must be >= 0, got " + ordinals[i]);
      if (!Float.isFinite(similarities[i])) {
        throw new IllegalArgumentException("neighbour similarity must be finite, got " + similarities[i]
            + " for ordinal " + ordinals[i]);
      }
      int at = 1 + i * PAIR_BYTES;
      BitUtil.VH_LE_INT.set(b, at, ordinals[i]);
      BitUtil.VH_LE_FLOAT.set(b, at + Integer.BYTES, similarities[i]);
    }
    return new BytesRef(b);
  }

  /**
   * Number of pairs in an encoded value.
   *
   * @throws IllegalStateException when the value is not in this format (wrong version or length)
   */
  public static int size(BytesRef value) {
    if (value.length < 1 || value.bytes[value.offset] != VERSION || (value.length - 1) % PAIR_BYTES != 0) {
      throw new IllegalStateException("not a neighbour list (version " + VERSION + "): " + value.length + " bytes"
          + (value.length > 0 ? ", first byte " + value.bytes[value.offset] : ""));
    }
    return (value.length - 1) / PAIR_BYTES;
  }

  /** Ordinal of pair {@code i} (0-based, {@code i < size(value)}). */
  public static int ordinal(BytesRef value, int i) {
    return (int) BitUtil.VH_LE_INT.get(value.bytes, value.offset + 1 + i * PAIR_BYTES);
  }

  /** Similarity of pair {@code i}. */
  public static float similarity(BytesRef value, int i) {
    return (float) BitUtil.VH_LE_FLOAT.get(value.bytes, value.offset + 1 + i * PAIR_BYTES + Integer.BYTES);
  }

  /** Copies an encoded value into arrays. */
  public static Neighbors decode(BytesRef value) {
    int n = size(value);
    int[] o = new int[n];
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      o[i] = ordinal(value, i);
      s[i] = similarity(value, i);
    }
    return new Neighbors(o, s);
  }
}
