package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of a learner's history ({@link HistoryOrder}, {@link UserHistory#positionsMostRecentFirst}).
 *
 * <p>Learner "a", events in file order:
 * <pre>
 *   e1 view c2      2024-01-03
 *   e2 enroll c0    2024-01-01
 *   e3 view c1      (no time: takes e2's time and stays after it)
 *   e4 complete c0  2024-01-02
 * </pre>
 * In time order: e2, e3, e4, e1. Last event per course: c1 → e3, c0 → e4, c2 → e1, so oldest to newest c1, c0, c2
 * and most recent first (positions = ordinals here) [2, 0, 1]. The reference time is the latest event, 2024-01-03:
 * ages c0 = 1, c1 = 2, c2 = 0 days. Learner "b" has no timestamps: file order c3, c1 → most recent first c1, c3.
 */
class HistoryOrderTest {
  private static Interaction at(String user, String course, EventType type, String day) {
    return new Interaction(user, course, type, null, day == null ? null : Instant.parse(day + "T00:00:00Z"));
  }

  private static Dataset log() {
    return Dataset.of(Fixtures.courses(4), List.of(), List.of(
        at("a", "c2", EventType.VIEW, "2024-01-03"), at("a", "c0", EventType.ENROLL, "2024-01-01"),
        at("a", "c1", EventType.VIEW, null), at("a", "c0", EventType.COMPLETE, "2024-01-02"),
        at("b", "c3", EventType.VIEW, null), at("b", "c1", EventType.VIEW, null)));
  }

  @Test
  void trainingHistoryIsOrderedByEachCoursesLastEvent() {
    InteractionSnapshot s = InteractionSnapshot.build(log(), Config.defaults());
    UserHistory a = s.history("a", List.of());
    assertThat(a.courses()).containsExactly(0, 1, 2);
    assertThat(a.positionsMostRecentFirst()).containsExactly(2, 0, 1);
    assertThat(a.stepsBack(2)).isZero();
    assertThat(new float[] {a.ageDays(0), a.ageDays(1), a.ageDays(2)}).containsExactly(1f, 2f, 0f);
    UserHistory b = s.history("b", List.of());
    assertThat(b.courses()).containsExactly(1, 3);
    assertThat(b.positionsMostRecentFirst()).containsExactly(0, 1); // c1 (position 0) is the newer
    assertThat(b.ageDays(0)).isNaN(); // no event of b has a time
  }

  /*
   * Recent events are newer than every training event, ordered among themselves by their list position when they
   * have no time: bookmark c1, then view c3 → most recent first c3, c1, then the training order c2, c0. c1 moves
   * from oldest to second newest. Untimed recent events are age 0 (as new as the reference time).
   */
  @Test
  void recentEventsComeAfterTrainingInListOrder() {
    InteractionSnapshot s = InteractionSnapshot.build(log(), Config.defaults());
    UserHistory a = s.history("a", List.of(Fixtures.ev("a", "c1", EventType.BOOKMARK), Fixtures.ev("a", "c3", EventType.VIEW)));
    assertThat(a.courses()).containsExactly(0, 1, 2, 3);
    assertThat(a.positionsMostRecentFirst()).containsExactly(3, 1, 2, 0);
    assertThat(a.ageDays(1)).isZero();
    assertThat(a.ageDays(3)).isZero();
    assertThat(a.ageDays(0)).isEqualTo(1f);
  }

  @Test
  void orderSurvivesSaveAndLoad(@TempDir Path dir) throws IOException {
    Dataset d = log();
    InteractionSnapshot s = InteractionSnapshot.build(d, Config.defaults());
    s.save(dir);
    InteractionSnapshot t = InteractionSnapshot.load(dir, d, s.manifest("itemknn", Config.defaults(), 1, Map.of()));
    for (String user : List.of("a", "b")) {
      UserHistory before = s.history(user, List.of());
      UserHistory after = t.history(user, List.of());
      assertThat(after.positionsMostRecentFirst()).containsExactly(before.positionsMostRecentFirst());
      for (int p = 0; p < before.size(); p++) {
        assertThat(Float.valueOf(after.ageDays(p))).isEqualTo(Float.valueOf(before.ageDays(p))); // NaN equals NaN
      }
    }
  }

  /* A model written before the order was saved (manifest format v1) is refused with a message asking to retrain. */
  @Test
  void modelsOfTheOldFormatAreRefusedClearly(@TempDir Path dir) throws IOException {
    Dataset d = log();
    ItemKnnRecommender r = new ItemKnnRecommender(Config.defaults());
    r.train(d);
    r.save(dir);
    Path manifest = dir.resolve(ComponentManifest.FILE);
    String json = Files.readString(manifest);
    assertThat(json).contains("\"formatVersion\" : " + ComponentManifest.FORMAT_VERSION);
    Files.writeString(manifest, json.replace("\"formatVersion\" : " + ComponentManifest.FORMAT_VERSION, "\"formatVersion\" : 1"));
    assertThatThrownBy(() -> new ItemKnnRecommender(Config.defaults()).load(dir, d))
        .isInstanceOf(IOException.class).hasMessageContaining("v1").hasMessageContaining("v2").hasMessageContaining("retrain");
  }
}
