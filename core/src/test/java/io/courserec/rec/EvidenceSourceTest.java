package io.courserec.rec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Evidence sources are a closed set whose codes are what the JSON has always shown. */
class EvidenceSourceTest {
  @Test
  void codesRoundTripAndAreTheJsonValue() throws Exception {
    for (EvidenceSource s : EvidenceSource.values()) assertThat(EvidenceSource.of(s.code())).isSameAs(s);
    assertThat(EvidenceSource.ITEMKNN_RECENT.code()).isEqualTo("itemknn-recent");
    assertThat(EvidenceSource.ITEMKNN_RECENT).hasToString("itemknn-recent");
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(new Evidence(EvidenceSource.ITEMKNN_RECENT, "similar to X", 0.5));
    assertThat(text).contains("\"signal\":\"itemknn-recent\"");
    assertThat(json.readValue(text, Evidence.class).signal()).isEqualTo(EvidenceSource.ITEMKNN_RECENT);
    assertThatThrownBy(() -> EvidenceSource.of("magic")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("magic");
  }
}
