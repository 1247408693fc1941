package io.courserec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class NeighborListCodecTest {
  @Test
  void encodesVersionThenLittleEndianPairs() {
    BytesRef b = NeighborListCodec.encode(new int[] {1, 258}, new float[] {0.5f, -1f});
    // 0.5f = 0x3F000000, -1f = 0xBF800000; 258 = 0x00000102
    assertThat(BytesRef.deepCopyOf(b).bytes).containsExactly(
        1,
        1, 0, 0, 0, 0x00, 0x00, 0x00, 0x3F,
        2, 1, 0, 0, 0x00, 0x00, (byte) 0x80, (byte) 0xBF);
    assertThat(NeighborListCodec.size(b)).isEqualTo(2);
    assertThat(NeighborListCodec.ordinal(b, 1)).isEqualTo(258);
    assertThat(NeighborListCodec.similarity(b, 1)).isEqualTo(-1f);
  }

  @Test
  void decodesAtAnOffsetAndRoundTrips() {
    BytesRef enc = NeighborListCodec.encode(new int[] {7, 3, 9}, new float[] {0.9f, 0.25f, 1e-7f});
    byte[] shifted = new byte[enc.length + 5];
    System.arraycopy(enc.bytes, enc.offset, shifted, 3, enc.length);
    NeighborListCodec.Neighbors n = NeighborListCodec.decode(new BytesRef(shifted, 3, enc.length));
    assertThat(n.ordinals()).containsExactly(7, 3, 9);
    assertThat(n.similarities()).containsExactly(0.9f, 0.25f, 1e-7f);
    assertThat(NeighborListCodec.size(NeighborListCodec.encode(new int[0], new float[0]))).isZero();
  }

  @Test
  void rejectsBadInputAndCorruptValues() {
    assertThatThrownBy(() -> NeighborListCodec.encode(new int[] {1}, new float[0])).hasMessageContaining("differ in length");
    assertThatThrownBy(() -> NeighborListCodec.encode(new int[] {-2}, new float[] {1f})).hasMessageContaining("-2");
    assertThatThrownBy(() -> NeighborListCodec.encode(new int[] {2}, new float[] {Float.NaN})).hasMessageContaining("NaN");
    assertThatThrownBy(() -> NeighborListCodec.size(new BytesRef(new byte[] {1, 0, 0}))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> NeighborListCodec.size(new BytesRef(new byte[] {2}))).hasMessageContaining("first byte 2");
  }
}
