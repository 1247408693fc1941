package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventWeightsTest {
  @Test
  void byDefaultEnrollCompleteAndRateMarkACourseTaken() {
    EventWeights w = EventWeights.defaults();
    assertThat(w.taken()).containsExactlyInAnyOrder(EventType.ENROLL, EventType.COMPLETE, EventType.RATE);
    assertThat(w.excludes(Interaction.of("u", "c", EventType.DISMISS))).isTrue();
    assertThat(w.excludes(Interaction.of("u", "c", EventType.VIEW))).isFalse();
    assertThat(w.takenCodes()).isEqualTo("complete,enroll,rate");
  }

  @Test
  void aRatingBelowNeutralIsNegativeEvidence() {
    EventWeights w = EventWeights.defaults(); // neutral 2.5, rate weight 1.5
    assertThat(w.of(new Interaction("u", "c", EventType.RATE, 1.0, null))).isEqualTo((1.0 - 2.5) * 1.5);
    assertThat(w.of(new Interaction("u", "c", EventType.RATE, 5.0, null))).isEqualTo((5.0 - 2.5) * 1.5);
  }

  @Test
  void theSetIsConfigurableAndValidated() {
    EventWeights w = EventWeights.from(Config.defaults().with(ConfigKey.EXCLUDE_EVENTS, " Enroll , complete,,bookmark"));
    assertThat(w.taken()).isEqualTo(Set.of(EventType.ENROLL, EventType.COMPLETE, EventType.BOOKMARK));
    assertThat(EventWeights.from(Config.defaults().with(ConfigKey.EXCLUDE_EVENTS, "")).taken()).isEmpty();
    assertThatThrownBy(() -> EventWeights.parseTaken("enroll,watch")).isInstanceOf(ConfigException.class)
        .hasMessage("recommend.exclude_events must list event codes (view, bookmark, enroll, complete, rate), got 'watch'");
    assertThatThrownBy(() -> EventWeights.parseTaken("dismiss")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("dismiss always excludes");
  }
}
