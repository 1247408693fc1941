package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnFileTest {
  @TempDir Path dir;

  @Test
  void whatIsWrittenIsReadBackInOrderFromTheMapping() throws IOException {
    Random rnd = new Random(7);
    int[] ints = rnd.ints(100_003).toArray(); // more than one 64 KiB write buffer, odd length (padding)
    float[] floats = new float[33];
    for (int i = 0; i < floats.length; i++) floats[i] = rnd.nextFloat() - 0.5f;
    floats[3] = Float.NaN;
    byte[] bytes = "héllo wörld".getBytes(StandardCharsets.UTF_8);
    long[] longs = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
    double[] doubles = {Math.PI, -0.0, Double.NaN};
    Path f = dir.resolve("c.col");
    try (ColumnFile.Writer w = ColumnFile.writer(f, "test-kind")) {
      w.writeLong(42);
      w.writeBytes(bytes);
      w.writeInts(ints);
      w.writeFloats(floats);
      w.writeLongs(longs);
      w.writeDoubles(doubles);
      w.writeInts(new int[0]);
    }
    ColumnFile.Reader r = ColumnFile.open(f, "test-kind");
    assertThat(r.readLong()).isEqualTo(42);
    Column.Bytes b = r.bytes();
    assertThat(b.utf8(0, b.size())).isEqualTo("héllo wörld");
    assertThat(b.equalsAt(0, b.size(), bytes)).isTrue();
    assertThat(b.equalsAt(1, b.size(), bytes)).isFalse();
    assertThat(b.copy(1, 3)).containsExactly(bytes[1], bytes[2]);
    Column.Ints i = r.ints();
    assertThat(i.size()).isEqualTo(ints.length);
    assertThat(i.copy(0, i.size())).isEqualTo(ints); // isEqualTo: containsExactly over 100k values took seconds
    Column.Floats fl = r.floats();
    for (int k = 0; k < floats.length; k++) assertThat(Float.floatToRawIntBits(fl.get(k))).isEqualTo(Float.floatToRawIntBits(floats[k]));
    Column.Longs l = r.longs();
    for (int k = 0; k < longs.length; k++) assertThat(l.get(k)).isEqualTo(longs[k]);
    Column.Doubles d = r.doubles();
    assertThat(d.get(0)).isEqualTo(Math.PI);
    assertThat(Double.doubleToRawLongBits(d.get(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(d.get(2)).isNaN();
    assertThat(r.ints().size()).isZero();
    r.finish();
  }

  @Test
  void heapColumnsReadLikeMappedOnes() {
    assertThat(Column.Ints.of(new int[] {3, -4}).get(1)).isEqualTo(-4);
    assertThat(Column.Floats.of(new float[] {1.5f}).get(0)).isEqualTo(1.5f);
    assertThat(Column.Longs.of(new long[] {1L << 40}).get(0)).isEqualTo(1L << 40);
    assertThat(Column.Doubles.of(new double[] {0.25}).get(0)).isEqualTo(0.25);
  }

  @Test
  void aFlippedByteATruncationOrAnotherKindIsRefused() throws IOException {
    Path f = dir.resolve("c.col");
    try (ColumnFile.Writer w = ColumnFile.writer(f, "rows")) {
      w.writeInts(new int[] {1, 2, 3});
    }
    assertThatThrownBy(() -> ColumnFile.open(f, "events")).hasMessageContaining("holds rows, expected events");
    byte[] all = Files.readAllBytes(f);
    byte[] flipped = all.clone();
    flipped[20] ^= 1;
    Path g = dir.resolve("flipped.col");
    Files.write(g, flipped);
    assertThatThrownBy(() -> ColumnFile.open(g, "rows")).hasMessageContaining("checksum mismatch");
    Path h = dir.resolve("short.col");
    Files.write(h, java.util.Arrays.copyOf(all, all.length - 4));
    assertThatThrownBy(() -> ColumnFile.open(h, "rows")).isInstanceOf(IOException.class);
  }

  @Test
  void unreadValuesAreReportedByFinish() throws IOException {
    Path f = dir.resolve("c.col");
    try (ColumnFile.Writer w = ColumnFile.writer(f, "k")) {
      w.writeLong(1);
      w.writeLong(2);
    }
    ColumnFile.Reader r = ColumnFile.open(f, "k");
    r.readLong();
    assertThatThrownBy(r::finish).hasMessageContaining("8 unread bytes");
  }
}
