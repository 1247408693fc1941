package io.courserec.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * A file of primitive columns that a server maps into memory instead of reading onto the heap: what a model version
 * holds per learner (a replica's heap must not grow with learners; the OS page cache keeps the parts in use and can
 * drop the rest). Layout, little-endian, every section starting on an 8-byte boundary: magic {@code CRCF}, format
 * version, the kind's UTF-8 length and bytes; then what {@link Writer} wrote in order, scalars as 8-byte longs and
 * each column as its element count (long) followed by its values; last, the CRC-32 of everything before it (long).
 * {@link #open} checks magic, version, kind and checksum (one sequential pass over the file) before handing out
 * columns, so a truncated or corrupted file fails loudly instead of serving garbage. The file is mapped in chunks of
 * {@link #CHUNK_BYTES}; a mapping lives as long as a column of it is reachable (a swapped-out model version unmaps
 * when collected, never under a request still reading it). Plain {@code MappedByteBuffer}s, not the
 * foreign-memory API, which is a preview API at our Java 21 language level.
 */
public final class ColumnFile {
  static final int MAGIC = 0x46435243; // "CRCF" read little-endian
  public static final int FORMAT_VERSION = 1;
  private static final int CHUNK = 1 << 16;
  static final int CHUNK_SHIFT = 30;
  /** Bytes per mapping (1 GiB): a power of two, so a value's mapping and place are a shift and a mask. */
  static final long CHUNK_BYTES = 1L << CHUNK_SHIFT;

  private ColumnFile() {}

  public static Writer writer(Path file, String kind) throws IOException {
    return new Writer(file, kind);
  }

  /** Maps {@code file} and checks it is a complete column file of {@code kind}. */
  public static Reader open(Path file, String kind) throws IOException {
    return new Reader(file, kind);
  }

  /** Writes one file; {@link #close()} appends the checksum. */
  public static final class Writer implements Closeable {
    private final FileChannel ch;
    private final CRC32 crc = new CRC32();
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    private Writer(Path file, String kind) throws IOException {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      byte[] k = kind.getBytes(StandardCharsets.UTF_8);
      buf.putInt(MAGIC).putInt(FORMAT_VERSION).putInt(k.length).put(k);
      pad();
    }

    public void writeLong(long v) throws IOException {
      room(8);
      buf.putLong(v);
    }

    public void writeInts(int[] a) throws IOException { writeInts(Column.Ints.of(a)); }

    public void writeFloats(float[] a) throws IOException { writeFloats(Column.Floats.of(a)); }

    public void writeDoubles(double[] a) throws IOException { writeDoubles(Column.Doubles.of(a)); }

    /** The values of a column (heap or mapped); the array forms above write through these. */
    public void writeInts(Column.Ints c) throws IOException {
      writeLong(c.size());
      for (long i = 0; i < c.size(); i++) {
        room(4);
        buf.putInt(c.get(i));
      }
      pad();
    }

    public void writeFloats(Column.Floats c) throws IOException {
      writeLong(c.size());
      for (long i = 0; i < c.size(); i++) {
        room(4);
        buf.putFloat(c.get(i));
      }
      pad();
    }

    public void writeDoubles(Column.Doubles c) throws IOException {
      writeLong(c.size());
      for (long i = 0; i < c.size(); i++) {
        room(8);
        buf.putDouble(c.get(i));
      }
    }

    public void writeBytes(Column.Bytes c) throws IOException {
      writeLong(c.size());
      for (long i = 0; i < c.size(); i++) {
        room(1);
        buf.put(c.get(i));
      }
      pad();
    }

    public void writeLongs(long[] a) throws IOException {
      writeLong(a.length);
      for (long v : a) writeLongRaw(v);
    }

    public void writeBytes(byte[] a) throws IOException {
      writeLong(a.length);
      for (int off = 0; off < a.length; ) {
        room(1);
        int n = Math.min(buf.remaining(), a.length - off);
        buf.put(a, off, n);
        off += n;
      }
      pad();
    }

    private void writeLongRaw(long v) throws IOException {
      room(8);
      buf.putLong(v);
    }

    private void pad() throws IOException {
      long pos = written + buf.position();
      int pad = (int) ((8 - (pos & 7)) & 7);
      room(pad);
      for (int i = 0; i < pad; i++) buf.put((byte) 0);
    }

    private void room(int n) throws IOException {
      if (buf.remaining() < n) flush();
    }

    private void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      written += buf.remaining();
      while (buf.hasRemaining()) ch.write(buf);
      buf.clear();
    }

    @Override
    public void close() throws IOException {
      try {
        flush();
        buf.putLong(crc.getValue());
        buf.flip();
        while (buf.hasRemaining()) ch.write(buf);
        ch.force(true);
      } finally {
        ch.close();
      }
    }
  }

  /** Reads what {@link Writer} wrote, in the same order; call {@link #finish()} after the last value. */
  public static final class Reader {
    private final Path file;
    private final ByteBuffer[] chunks;
    private final long end; // where the checksum starts
    private long pos;

    private Reader(Path file, String kind) throws IOException {
      this.file = file;
      long size;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        size = ch.size();
        if (size < 24) throw new IOException(file + ": not a column file (" + size + " bytes)");
        chunks = new ByteBuffer[(int) ((size + CHUNK_BYTES - 1) >>> CHUNK_SHIFT)];
        for (int c = 0; c < chunks.length; c++) {
          long from = (long) c << CHUNK_SHIFT;
          chunks[c] = ch.map(FileChannel.MapMode.READ_ONLY, from, Math.min(CHUNK_BYTES, size - from))
              .order(ByteOrder.LITTLE_ENDIAN);
        }
      }
      end = size - 8;
      if (chunks[0].getInt(0) != MAGIC) throw new IOException(file + ": not a column file (bad magic)");
      int version = chunks[0].getInt(4);
      if (version != FORMAT_VERSION) {
        throw new IOException(file + ": column file format " + version + ", this build reads " + FORMAT_VERSION);
      }
      CRC32 crc = new CRC32();
      for (int c = 0; c < chunks.length; c++) {
        long from = (long) c << CHUNK_SHIFT;
        int n = (int) Math.max(0, Math.min(chunks[c].limit(), end - from));
        crc.update(chunks[c].duplicate().position(0).limit(n));
      }
      if (crc.getValue() != longAt(end)) {
        throw new IOException(file + ": checksum mismatch (the file is corrupted or truncated)");
      }
      int klen = chunks[0].getInt(8);
      if (klen < 0 || 12L + klen > end) throw new IOException(file + ": bad kind length " + klen);
      byte[] k = new byte[klen];
      chunks[0].get(12, k);
      String actual = new String(k, StandardCharsets.UTF_8);
      if (!actual.equals(kind)) throw new IOException(file + ": holds " + actual + ", expected " + kind);
      pos = align(12L + klen);
    }

    public long readLong() throws IOException {
      if (pos + 8 > end) throw new IOException(file + ": ends early at byte " + pos);
      long v = longAt(pos);
      pos += 8;
      return v;
    }

    public int readInt() throws IOException {
      long v = readLong();
      if (v != (int) v) throw new IOException(file + ": value " + v + " at byte " + (pos - 8) + " is not an int");
      return (int) v;
    }

    public Column.Ints ints() throws IOException {
      long n = count(Integer.BYTES);
      return Column.Ints.mapped(region(n * Integer.BYTES), n);
    }

    public Column.Floats floats() throws IOException {
      long n = count(Float.BYTES);
      return Column.Floats.mapped(region(n * Float.BYTES), n);
    }

    public Column.Longs longs() throws IOException {
      long n = count(Long.BYTES);
      return Column.Longs.mapped(region(n * Long.BYTES), n);
    }

    public Column.Doubles doubles() throws IOException {
      long n = count(Double.BYTES);
      return Column.Doubles.mapped(region(n * Double.BYTES), n);
    }

    public Column.Bytes bytes() throws IOException {
      long n = count(1);
      return Column.Bytes.mapped(region(n), n);
    }

    /** Whether everything was read (a format that appended a column reads it only when this is false). */
    public boolean atEnd() { return pos >= end; }

    /** Checks that everything was read. */
    public void finish() throws IOException {
      if (pos != end) throw new IOException(file + ": " + (end - pos) + " unread bytes before the checksum");
    }

    private long count(int width) throws IOException {
      long n = readLong();
      if (n < 0 || n > (end - pos) / width) {
        throw new IOException(file + ": column of " + n + " values at byte " + (pos - 8) + " runs past the end");
      }
      return n;
    }

    private Column.Region region(long bytes) {
      Column.Region r = new Column.Region(chunks, pos);
      pos = Math.min(end, align(pos + bytes));
      return r;
    }

    private long longAt(long at) {
      return chunks[(int) (at >>> CHUNK_SHIFT)].getLong((int) (at & (CHUNK_BYTES - 1)));
    }

    private static long align(long p) {
      return (p + 7) & ~7L;
    }
  }
}
