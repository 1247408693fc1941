package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notification payloads: round trip, PostgreSQL's size limit, the bulk fallback, refusal of foreign text. */
class ChangePayloadsTest {
  @Test
  void learnersRoundTripWithTheirKindIncludingAwkwardIds() {
    List<String> users = List.of("u1", "ünïcödé-λ", "quote\"back\\slash", "new\nline", "\u0001ctl");
    List<String> payloads = ChangePayloads.encode(StoreChangeListener.Kind.ERASURE, users);
    assertThat(payloads).hasSize(1);
    ChangePayloads.Change c = ChangePayloads.decode(payloads.get(0));
    assertThat(c.kind()).isEqualTo(StoreChangeListener.Kind.ERASURE);
    assertThat(c.users()).containsExactlyElementsOf(users);
    assertThat(ChangePayloads.encode(StoreChangeListener.Kind.FEEDBACK, List.of())).isEmpty();
  }

  @Test
  void manyLearnersAreSplitUnderTheLimitInOrderAndTooManyBecomeAll() {
    // 256-character ids of 3-byte characters: 768 bytes + 2 quotes + 1 comma each, so 10 fit in 7,900 bytes
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 95; i++) users.add(String.format("%03d", i) + "€".repeat(253));
    List<String> payloads = ChangePayloads.encode(StoreChangeListener.Kind.FEEDBACK, users);
    assertThat(payloads).hasSize(10); // ceil(95 / 10)
    List<String> back = new ArrayList<>();
    for (String p : payloads) {
      assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ChangePayloads.MAX_BYTES);
      back.addAll(ChangePayloads.decode(p).users());
    }
    assertThat(back).containsExactlyElementsOf(users);

    // 33 notifications' worth: one "all" instead
    List<String> bulk = new ArrayList<>();
    for (int i = 0; i < 10 * ChangePayloads.MAX_NOTIFICATIONS + 1; i++) bulk.add(String.format("%03d", i) + "€".repeat(253));
    List<String> all = ChangePayloads.encode(StoreChangeListener.Kind.FEEDBACK, bulk);
    assertThat(all).containsExactly(ChangePayloads.ALL);
    assertThat(ChangePayloads.decode(all.get(0)).everything()).isTrue();
    // exactly 32 notifications' worth is still listed
    assertThat(ChangePayloads.encode(StoreChangeListener.Kind.FEEDBACK, bulk.subList(0, 320))).hasSize(32);
  }

  @Test
  void foreignTextIsRefusedNamingTheProblem() {
    assertThatThrownBy(() -> ChangePayloads.decode("hello")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> ChangePayloads.decode("{}")).hasMessageContaining("no kind");
    assertThatThrownBy(() -> ChangePayloads.decode("{\"kind\":\"rename\",\"users\":[\"u\"]}"))
        .hasMessageContaining("unknown kind 'rename'");
    assertThatThrownBy(() -> ChangePayloads.decode("{\"kind\":\"feedback\",\"users\":[]}"))
        .hasMessageContaining("names no users");
    assertThatThrownBy(() -> ChangePayloads.decode("{\"kind\":\"feedback\",\"users\":[3]}"))
        .hasMessageContaining("not a string");
  }
}
