package io.courserec.cf;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A compact binary file of primitive arrays next to a model. Layout (big-endian): magic {@code CRMF}, format
 * version (int), kind (modified UTF-8, e.g. {@code item-neighbors}), then the payload written through
 * {@link Writer}: ints, floats, strings and length-prefixed int/float/byte arrays, then the CRC-32 of everything
 * before it (long). {@link Reader#finish()} checks the checksum and that nothing follows, so a truncated or
 * corrupted file fails loudly instead of loading garbage.
 */
public final class BinaryModelFile {
  static final int MAGIC = 0x43524d46; // "CRMF"
  /** Version of this container layout; payload layouts are versioned by their kind's owner through the manifest. */
  public static final int FORMAT_VERSION = 1;
  private static final int CHUNK = 1 << 16;

  private BinaryModelFile() {}

  public static Writer writer(Path file, String kind) throws IOException {
    return new Writer(file, kind);
  }

  public static Reader reader(Path file, String kind) throws IOException {
    return new Reader(file, kind);
  }

  /** Writes one file; {@link #close()} appends the checksum. */
  public static final class Writer implements Closeable {
    private final CRC32 crc = new CRC32();
    private final DataOutputStream out;
    private final byte[] buf = new byte[CHUNK];

    private Writer(Path file, String kind) throws IOException {
      out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(Files.newOutputStream(file), CHUNK), crc));
      out.writeInt(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(kind);
    }

    public void writeInt(int v) throws IOException { out.writeInt(v); }
    public void writeLong(long v) throws IOException { out.writeLong(v); }
    public void writeDouble(double v) throws IOException { out.writeDouble(v); }
    public void writeString(String s) throws IOException { out.writeUTF(s); }

    /** Length, then the values. */
    public void writeInts(int[] a) throws IOException {
      out.writeInt(a.length);
      for (int off = 0; off < a.length; off += CHUNK / 4) {
        int n = Math.min(CHUNK / 4, a.length - off);
        ByteBuffer.wrap(buf).asIntBuffer().put(a, off, n);
        out.write(buf, 0, n * 4);
      }
    }

    /** Length, then the values. */
    public void writeFloats(float[] a) throws IOException {
      out.writeInt(a.length);
      for (int off = 0; off < a.length; off += CHUNK / 4) {
        int n = Math.min(CHUNK / 4, a.length - off);
        ByteBuffer.wrap(buf).asFloatBuffer().put(a, off, n);
        out.write(buf, 0, n * 4);
      }
    }

    /** Length, then the values. */
    public void writeBytes(byte[] a) throws IOException {
      out.writeInt(a.length);
      out.write(a);
    }

    @Override
    public void close() throws IOException {
      out.flush();
      long sum = crc.getValue();
      out.writeLong(sum);
      out.close();
    }
  }

  /** Reads one file written by {@link Writer}; call {@link #finish()} after the last value. */
  public static final class Reader implements Closeable {
    private final Path file;
    private final CRC32 crc = new CRC32();
    private final DataInputStream in;
    private final byte[] buf = new byte[CHUNK];

    private Reader(Path file, String kind) throws IOException {
      this.file = file;
      in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file), CHUNK), crc));
      try {
        int magic = in.readInt();
        if (magic != MAGIC) throw new IOException(file + " is not a courserec model file (magic " + Integer.toHexString(magic) + ")");
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
          throw new IOException(file + " has model file format " + version + ", this build reads " + FORMAT_VERSION);
        }
        String k = in.readUTF();
        if (!k.equals(kind)) throw new IOException(file + " holds '" + k + "', expected '" + kind + "'");
      } catch (EOFException e) {
        in.close();
        throw new IOException(file + " is truncated", e);
      } catch (IOException e) {
        in.close();
        throw e;
      }
    }

    public int readInt() throws IOException { return in.readInt(); }
    public long readLong() throws IOException { return in.readLong(); }
    public double readDouble() throws IOException { return in.readDouble(); }
    public String readString() throws IOException { return in.readUTF(); }

    private int length(int max) throws IOException {
      int n = in.readInt();
      if (n < 0 || n > max) throw new IOException(file + ": array length " + n + " out of range [0, " + max + "]");
      return n;
    }

    /** Reads an int array of at most {@code max} values. */
    public int[] readInts(int max) throws IOException {
      int[] a = new int[length(max)];
      for (int off = 0; off < a.length; off += CHUNK / 4) {
        int n = Math.min(CHUNK / 4, a.length - off);
        in.readFully(buf, 0, n * 4);
        ByteBuffer.wrap(buf, 0, n * 4).asIntBuffer().get(a, off, n);
      }
      return a;
    }

    /** Reads a float array of at most {@code max} values. */
    public float[] readFloats(int max) throws IOException {
      float[] a = new float[length(max)];
      for (int off = 0; off < a.length; off += CHUNK / 4) {
        int n = Math.min(CHUNK / 4, a.length - off);
        in.readFully(buf, 0, n * 4);
        ByteBuffer.wrap(buf, 0, n * 4).asFloatBuffer().get(a, off, n);
      }
      return a;
    }

    /**
     * Reads past a float array of at most {@code max} values, checksummed like {@link #readFloats} but kept nowhere
     * (a server skips what it must not hold, e.g. every learner's factors); returns its length.
     */
    public int skipFloats(int max) throws IOException {
      int n = length(max);
      for (int off = 0; off < n; off += CHUNK / 4) in.readFully(buf, 0, Math.min(CHUNK / 4, n - off) * 4);
      return n;
    }

    /** Reads a byte array of at most {@code max} values. */
    public byte[] readBytes(int max) throws IOException {
      byte[] a = new byte[length(max)];
      in.readFully(a);
      return a;
    }

    /** Verifies the checksum and that the file ends here. */
    public void finish() throws IOException {
      long expected = crc.getValue();
      long stored;
      try {
        stored = in.readLong();
      } catch (EOFException e) {
        throw new IOException(file + " is truncated", e);
      }
      if (stored != expected) throw new IOException(file + " is corrupted (checksum mismatch)");
      if (in.read() != -1) throw new IOException(file + " has trailing bytes");
    }

    @Override
    public void close() throws IOException { in.close(); }
  }
}
