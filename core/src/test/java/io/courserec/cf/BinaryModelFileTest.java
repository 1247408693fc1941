package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryModelFileTest {
  private static Path write(Path dir) throws IOException {
    Path f = dir.resolve("x.bin");
    float[] floats = new float[40_000]; // crosses the 16,384-value chunk boundary twice
    int[] ints = new int[20_001];
    for (int i = 0; i < floats.length; i++) floats[i] = i * 0.5f - 3;
    for (int i = 0; i < ints.length; i++) ints[i] = i * 7 - 11;
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(f, "test-kind")) {
      w.writeInt(42);
      w.writeLong(-5L);
      w.writeDouble(Math.PI);
      w.writeString("énorme ✓");
      w.writeFloats(floats);
      w.writeInts(ints);
      w.writeBytes(new byte[] {1, 2, 3});
    }
    return f;
  }

  @Test
  void roundTripsEveryType(@TempDir Path dir) throws IOException {
    Path f = write(dir);
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(f, "test-kind")) {
      assertThat(r.readInt()).isEqualTo(42);
      assertThat(r.readLong()).isEqualTo(-5L);
      assertThat(r.readDouble()).isEqualTo(Math.PI);
      assertThat(r.readString()).isEqualTo("énorme ✓");
      float[] floats = r.readFloats(100_000);
      assertThat(floats).hasSize(40_000);
      assertThat(floats[0]).isEqualTo(-3f);
      assertThat(floats[39_999]).isEqualTo(39_999 * 0.5f - 3);
      int[] ints = r.readInts(100_000);
      assertThat(ints[20_000]).isEqualTo(20_000 * 7 - 11);
      assertThat(r.readBytes(10)).containsExactly(1, 2, 3);
      r.finish();
    }
  }

  @Test
  void rejectsWrongKindCorruptionTruncationAndOversizedArrays(@TempDir Path dir) throws IOException {
    Path f = write(dir);
    assertThatThrownBy(() -> BinaryModelFile.reader(f, "other")).hasMessageContaining("expected 'other'");
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(f, "test-kind")) {
      r.readInt();
      r.readLong();
      r.readDouble();
      r.readString();
      assertThatThrownBy(() -> r.readFloats(10)).hasMessageContaining("out of range");
    }
    byte[] bytes = Files.readAllBytes(f);
    byte[] flipped = bytes.clone();
    flipped[5000] ^= 1;
    Path g = dir.resolve("flipped.bin");
    Files.write(g, flipped);
    assertThatThrownBy(() -> readAll(g)).hasMessageContaining("corrupted");
    Path t = dir.resolve("truncated.bin");
    Files.write(t, Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> readAll(t)).isInstanceOf(IOException.class);
    Path junk = dir.resolve("junk.bin");
    Files.writeString(junk, "not a model at all");
    assertThatThrownBy(() -> BinaryModelFile.reader(junk, "test-kind")).hasMessageContaining("not a courserec model file");
  }

  private static void readAll(Path f) throws IOException {
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(f, "test-kind")) {
      r.readInt();
      r.readLong();
      r.readDouble();
      r.readString();
      r.readFloats(100_000);
      r.readInts(100_000);
      r.readBytes(10);
      r.finish();
    }
  }
}
