package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The second part of the store contract (schema version 2): the idempotency key is (user id, event id), a reused
 * key with another body is refused, a version-1 store migrates keeping its events and sequence, and the bounded
 * per-learner reads. Run per backend through {@link SqliteInteractionStoreTest} and
 * {@link PostgresInteractionStoreTest}.
 */
abstract class LearnerKeyContract extends InteractionStoreContract {
  static Interaction event(String user, String course, EventType type, String eventId) {
    return new Interaction(user, course, type, type == EventType.RATE ? 4.0 : null, null, eventId);
  }

  @Test
  void twoLearnersUsingTheSameEventIdKeepBothEvents() {
    // "e-1" is the README's example id: every client may well start there
    assertThat(store.append(view("alice", "c1", "e-1"))).isEqualTo(new AppendResult(1, List.of()));
    assertThat(store.append(view("bob", "c2", "e-1"))).isEqualTo(new AppendResult(1, List.of()));
    assertThat(store.count()).isEqualTo(2);
    assertThat(store.eventsOf("alice")).extracting(e -> e.interaction().courseId()).containsExactly("c1");
    assertThat(store.eventsOf("bob")).extracting(e -> e.interaction().courseId()).containsExactly("c2");
    // each learner's retry is still a duplicate of their own event only
    assertThat(store.append(view("bob", "c2", "e-1"))).isEqualTo(new AppendResult(0, List.of("e-1")));
    assertThat(store.count()).isEqualTo(2);
  }

  @Test
  void aReusedKeyWithAnotherBodyIsRefusedNamingTheFieldAndStoresNothingOfTheCall() {
    store.append(new Interaction("u", "c1", EventType.RATE, 4.0, null, "k"));
    // the timestamp is not part of the comparison (absent means "now", which differs on every retry)
    assertThat(store.append(new Interaction("u", "c1", EventType.RATE, 4.0, Instant.parse("2025-01-01T00:00:00Z"), "k")))
        .isEqualTo(new AppendResult(0, List.of("k")));

    assertThatThrownBy(() -> store.appendAll(List.of(view("u", "c9", null),
        new Interaction("u", "c2", EventType.RATE, 4.0, null, "k"))))
        .isInstanceOfSatisfying(EventIdConflictException.class, e -> {
          assertThat(e.index()).isEqualTo(1);
          assertThat(e.field()).isEqualTo("course_id");
        }).hasMessageContaining("c1").hasMessageContaining("c2");
    assertThatThrownBy(() -> store.append(new Interaction("u", "c1", EventType.COMPLETE, null, null, "k")))
        .isInstanceOfSatisfying(EventIdConflictException.class, e -> assertThat(e.field()).isEqualTo("event"));
    assertThatThrownBy(() -> store.append(new Interaction("u", "c1", EventType.RATE, 2.0, null, "k")))
        .isInstanceOfSatisfying(EventIdConflictException.class, e -> assertThat(e.field()).isEqualTo("rating"));
    // within one call, the second use of a key must match the first as well
    assertThatThrownBy(() -> store.appendAll(List.of(view("w", "c1", "x"), view("w", "c2", "x"))))
        .isInstanceOfSatisfying(EventIdConflictException.class, e -> assertThat(e.index()).isEqualTo(1));

    assertThat(store.count()).isEqualTo(1); // c9 of the refused batch and w's events were rolled back
    assertThat(store.countsByEvent().get(EventType.RATE)).isEqualTo(1);
  }

  @Test
  void aVersionOneStoreMigratesKeepingEveryEventAndTheSequence() throws Exception {
    store.close();
    resetLocation();
    JdbcInteractionStore backend = store; // closed; its begin/commit/openWriter still build version 1 by hand
    try (Connection c = backend.openWriter()) {
      backend.begin(c, JdbcInteractionStore.Exclusive.SCHEMA);
      SchemaMigrator.apply(c, backend.migrations().subList(0, 1));
      try (PreparedStatement p = c.prepareStatement("INSERT INTO interactions (user_id, course_id, event, rating,"
          + " event_epoch_second, event_nano, event_id, received_epoch_micro) VALUES (?, ?, 'view', NULL, NULL, NULL, ?, 1)")) {
        for (String[] row : new String[][] {{"a", "c1", "e-1"}, {"a", "c2", "e-2"}, {"b", "c3", null}}) {
          p.setString(1, row[0]);
          p.setString(2, row[1]);
          p.setString(3, row[2]);
          p.executeUpdate();
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM interactions WHERE seq = 3"); // sequence 3 was used once: it must never come back
        s.execute("INSERT INTO interaction_counts (event, n) VALUES ('view', 2)");
      }
      backend.commit(c);
    }

    store = open(InstantSource.fixed(RECEIVED));
    assertThat(store.schemaVersions()).containsExactly(1, 2);
    assertThat(store.all().map(e -> e.sequence() + ":" + e.interaction().userId() + "/" + e.interaction().eventId()))
        .containsExactly("1:a/e-1", "2:a/e-2");
    assertThat(store.count()).isEqualTo(2);
    // the old key let one learner's e-1 hide another's; now b's e-1 is stored, a's is still a duplicate
    assertThat(store.append(view("b", "c1", "e-1"))).isEqualTo(new AppendResult(1, List.of()));
    assertThat(store.append(view("a", "c1", "e-1"))).isEqualTo(new AppendResult(0, List.of("e-1")));
    assertThat(store.lastSequence()).isEqualTo(4); // 3 was deleted, not reused
  }

  @Test
  void boundedReadsOfOneLearner() {
    // u's events in sequence order: 1 view c1, 2 enroll c2, 3 dismiss c3, 4 view c4, 5 complete c2, 6 view c5
    store.appendAll(List.of(event("u", "c1", EventType.VIEW, null), event("u", "c2", EventType.ENROLL, null),
        event("u", "c3", EventType.DISMISS, null), event("u", "c4", EventType.VIEW, null),
        event("v", "c9", EventType.ENROLL, null)));
    store.appendAll(List.of(event("u", "c2", EventType.COMPLETE, null), event("u", "c5", EventType.VIEW, null)));
    // sequences: u1 c1, u2 c2, u3 c3, u4 c4, v5 c9, u6 c2 complete, u7 c5

    // the 3 newest of u (7, 6, 4), returned oldest first
    assertThat(store.latestEventsOf("u", 0, 3)).extracting(StoredEvent::sequence).containsExactly(4L, 6L, 7L);
    assertThat(store.latestEventsOf("u", 5, 10)).extracting(StoredEvent::sequence).containsExactly(6L, 7L);
    // the first 2 of u in time order (no timestamps, one fixed receive time: by sequence), after sequence 1
    assertThat(store.eventsOf("u", 1, 2)).extracting(StoredEvent::sequence).containsExactly(2L, 3L);
    assertThat(store.countOf("u", 0)).isEqualTo(6);
    assertThat(store.countOf("u", 4)).isEqualTo(2);
    assertThat(store.countOf("nobody", 0)).isZero();
    // one entry per course, the strongest type in EventType order (c2: enroll then complete -> complete)
    Set<EventType> excluding = Set.of(EventType.ENROLL, EventType.COMPLETE, EventType.DISMISS);
    assertThat(store.coursesWith("u", 0, excluding))
        .isEqualTo(Map.of("c2", EventType.COMPLETE, "c3", EventType.DISMISS));
    assertThat(store.coursesWith("u", 3, excluding)).isEqualTo(Map.of("c2", EventType.COMPLETE));
    assertThat(store.coursesWith("u", 0, Set.of())).isEmpty();
    assertThatThrownBy(() -> store.latestEventsOf("u", 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
