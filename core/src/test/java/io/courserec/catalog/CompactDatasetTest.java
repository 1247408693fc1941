package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.config.Config;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Dataset#compact}: the same data set by value, events held as columns. */
class CompactDatasetTest {

  @Test
  void theBundledSampleReadsBackEventForEventAndLearnerByLearner() {
    Dataset plain = CatalogLoader.load(Path.of("data/sample"), Config.defaults()).dataset();
    Dataset compact = Dataset.compact(plain.courses(), plain.learners(), plain.interactions());
    assertThat(compact.interactions()).hasSize(plain.interactions().size()).isEqualTo(plain.interactions());
    assertThat(compact.learners()).isEqualTo(plain.learners());
    for (int u = 0; u < plain.numLearners(); u++) {
      String id = plain.learner(u).id();
      assertThat(compact.learnerOrdinal(id)).isEqualTo(u);
      assertThat(compact.eventsOf(id)).as(id).isEqualTo(plain.eventsOf(id));
      assertThat(compact.eventsOf(u)).isEqualTo(plain.eventsOf(u));
    }
    assertThat(compact.eventsOf("nobody")).isEmpty();
  }

  @Test
  void keepsNullsRatingsEventIdsInputOrderAndUndeclaredLearners() {
    Course a = course("A");
    Course b = course("B");
    Instant t = Instant.parse("2025-03-01T10:00:00.123456789Z");
    List<Interaction> events = List.of(
        new Interaction("x", "B", EventType.RATE, 4.5, t, "ev-1"),
        new Interaction("y", "A", EventType.VIEW, null, null),
        new Interaction("x", "A", EventType.ENROLL, null, t.plusSeconds(5)),
        new Interaction("z", "B", EventType.DISMISS, null, null, "ev-2"),
        new Interaction("x", "B", EventType.COMPLETE, null, null));
    List<Learner> declared = List.of(Learner.anonymous("y"), Learner.anonymous("x"));
    Dataset plain = Dataset.of(List.of(a, b), declared, events);
    Dataset compact = Dataset.compact(List.of(a, b), declared, events);
    assertThat(compact.interactions()).containsExactlyElementsOf(events);
    assertThat(compact.learners()).extracting(Learner::id).containsExactly("y", "x", "z");
    assertThat(compact.eventsOf("x")).containsExactly(events.get(0), events.get(2), events.get(4));
    assertThat(compact.eventsOf("x").get(0).timestamp()).isEqualTo(t);
    assertThat(compact.eventsOf("z")).containsExactly(events.get(3));
    assertThat(compact.eventsOf(0)).isEqualTo(plain.eventsOf(0));
    assertThatThrownBy(() -> compact.eventsOf("x").get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> compact.interactions().get(5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Dataset.compact(List.of(a), declared, events))
        .hasMessageContaining("unknown course B");
  }

  private static Course course(String id) {
    return new Course(id, "Course " + id, "", List.of(), "", Level.UNKNOWN, "", "en", null, null, null, null, "", List.of());
  }
}
