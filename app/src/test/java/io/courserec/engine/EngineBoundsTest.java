package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine over a real SQLite store with {@code recommend.max_recent_events = 2}: per-learner event ids, the
 * conflict, the capped read that still excludes every taken or dismissed course, history pages and the id rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineBoundsTest {
  DefaultEngine engine;

  @BeforeAll
  void build(@TempDir Path tmp) {
    engine = Engines.openForTraining(EngineFixture.config(tmp, Map.of(ConfigKey.MAX_RECENT_EVENTS, 2)));
    engine.retrainNow(false);
  }

  @AfterAll
  void close() {
    if (engine != null) engine.close();
  }

  private static Interaction event(String user, String course, EventType type, String eventId, int second) {
    return new Interaction(user, course, type, null, Instant.ofEpochSecond(1_700_000_000L + second), eventId);
  }

  @Test
  void twoLearnersUsingTheSameEventIdKeepBothEventsAndAReusedKeyIsAConflict() {
    assertThat(engine.feedback(List.of(event("k-alice", "py1", EventType.VIEW, "e-1", 1))).accepted()).isEqualTo(1);
    assertThat(engine.feedback(List.of(event("k-bob", "py2", EventType.VIEW, "e-1", 2))).accepted()).isEqualTo(1);
    assertThat(engine.history("k-alice")).extracting(Interaction::courseId).containsExactly("py1");
    assertThat(engine.history("k-bob")).extracting(Interaction::courseId).containsExactly("py2");
    assertThatThrownBy(() -> engine.feedback(List.of(event("k-bob", "py2", EventType.VIEW, "e-2", 3),
        event("k-bob", "py3", EventType.VIEW, "e-1", 3))))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("events[1].course_id"));
    assertThat(engine.history("k-bob")).hasSize(1); // e-2 of the refused batch was not stored
  }

  @Test
  void theCapOnRecentEventsKeepsEveryExclusion() {
    // a walk-in takes ds1, dismisses ds2, completes ds3, then views three courses: with a cap of 2 the request
    // reads only the last two views; the three excluded courses come from the compact per-course query
    String user = "k-walk-in";
    engine.feedback(List.of(event(user, "ds1", EventType.ENROLL, null, 1), event(user, "ds2", EventType.DISMISS, null, 2),
        event(user, "ds3", EventType.COMPLETE, null, 3), event(user, "py1", EventType.VIEW, null, 4),
        event(user, "py2", EventType.VIEW, null, 5), event(user, "py3", EventType.VIEW, null, 6)));
    RecommendResult r = engine.recommend(new RecommendQuery(user, 40, 0, null, "hybrid", false, null));
    assertThat(r.strategy()).isEqualTo(io.courserec.rec.Strategy.PERSONAL);
    // 40 courses less the 3 excluded ones (views exclude nothing)
    assertThat(r.items()).hasSize(37).extracting(RankedCourse::courseId).doesNotContain("ds1", "ds2", "ds3");
    assertThat(engine.explain(user, "ds2").excludedBecause()).contains("dismissed");
    assertThat(engine.history(user)).hasSize(6); // the history itself is not capped
  }

  @Test
  void historyPagesConcatenateToTheWholeHistory() {
    // u07 has training events; add three feedback events, one without a client time (stamped on receipt)
    engine.feedback(List.of(event("u07", "es1", EventType.VIEW, "h-1", 10), event("u07", "es2", EventType.VIEW, "h-2", 20),
        new Interaction("u07", "es3", EventType.VIEW, null, null, "h-3")));
    List<Interaction> all = engine.history("u07");
    List<Interaction> paged = new ArrayList<>();
    for (int offset = 0; ; offset += 2) {
      HistoryPage page = engine.history("u07", offset, 2);
      assertThat(page.total()).isEqualTo(all.size());
      if (page.events().isEmpty()) break;
      paged.addAll(page.events());
    }
    assertThat(paged).isEqualTo(all);
  }

  @Test
  void idsBreakingTheRuleAreInputErrorsNamingTheField() {
    assertThatThrownBy(() -> engine.recommend(new RecommendQuery("u01\u0000", 5, 0, null, "hybrid", false, null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("user"));
    assertThatThrownBy(() -> engine.explain("u01", " py1"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("course"));
    assertThatThrownBy(() -> engine.feedback(List.of(event("u01", "py1", EventType.VIEW, "x\uD800", 1))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("events[0].event_id"));
    assertThat(Identifiers.problem("learner \uD83D\uDE00")).isNull(); // inner space and a paired surrogate are fine
    assertThat(Identifiers.problem("a\u202Eb")).contains("U+202E");
  }
}
