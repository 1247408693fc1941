package io.courserec.split;

import static io.courserec.eval.EvalFixtures.ev;
import static io.courserec.eval.EvalFixtures.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.eval.EvalFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class SplittersTest {
  // u1: positive courses in time order c1(d1) c3(d4) c4(d5) c6(d7) c10(d12); c5 only viewed, c9 enrolled
  //     then dismissed (never a target), c2/c7 only viewed, c8 dismissed.
  // u2: 2 positive courses (below eval.min_user_events = 3). u3: two untimed positives then c7(d20), c8(d21).
  // u4: views only.
  static final List<Interaction> U1 = List.of(
      ev("u1", "c1", EventType.ENROLL, 1), ev("u1", "c2", EventType.VIEW, 2), ev("u1", "c1", EventType.COMPLETE, 3),
      ev("u1", "c3", EventType.BOOKMARK, 4), rate("u1", "c4", 5, 5), ev("u1", "c5", EventType.VIEW, 6),
      ev("u1", "c6", EventType.ENROLL, 7), ev("u1", "c7", EventType.VIEW, 8), ev("u1", "c8", EventType.DISMISS, 9),
      ev("u1", "c9", EventType.ENROLL, 10), ev("u1", "c9", EventType.DISMISS, 11), ev("u1", "c10", EventType.ENROLL, 12));
  static final List<Interaction> OTHERS = List.of(
      ev("u2", "c2", EventType.ENROLL, 2), ev("u2", "c3", EventType.ENROLL, 3),
      ev("u3", "c5", EventType.ENROLL, null), ev("u3", "c6", EventType.COMPLETE, null),
      ev("u3", "c1", EventType.VIEW, 1), ev("u3", "c7", EventType.ENROLL, 20), ev("u3", "c8", EventType.ENROLL, 21),
      ev("u4", "c1", EventType.VIEW, 1), ev("u4", "c2", EventType.VIEW, 2), ev("u4", "c3", EventType.VIEW, 3));

  public static Dataset fixture() {
    List<Interaction> all = new ArrayList<>(U1);
    all.addAll(OTHERS);
    return EvalFixtures.dataset(EvalFixtures.courses(10), all);
  }

  @Test
  void positiveCoursesFollowTheDefinition() {
    assertThat(Relevance.positiveCourses(U1)).extracting(Relevance.PositiveCourse::courseId)
        .containsExactly("c1", "c3", "c4", "c6", "c10");
    // untimed first (input order), then by time
    assertThat(Relevance.positiveCourses(fixture().eventsOf("u3"))).extracting(Relevance.PositiveCourse::courseId)
        .containsExactly("c5", "c6", "c7", "c8");
    assertThat(Relevance.isPositive(rate("u", "c", 4, 1))).isTrue();
    // a rated course was taken, whatever the rating: relevant (the same rule that excludes it from recommendations)
    assertThat(Relevance.isPositive(rate("u", "c", 3.5, 1))).isTrue();
    assertThat(Relevance.isPositive(rate("u", "c", 1, 1))).isTrue();
    assertThat(Relevance.isPositive(ev("u", "c", EventType.VIEW, 1))).isFalse();
    assertThat(Relevance.isPositive(ev("u", "c", EventType.DISMISS, 1))).isFalse();
  }

  @Test
  void theTaskSplitIsTheNextCourseWhenMostEventsCarryATime() {
    // the fixture: 22 events, 2 of them untimed (u3's first two)
    Dataset d = fixture();
    assertThat(SplitKind.timedShare(d)).isEqualTo(20 / 22.0);
    assertThat(SplitKind.forTask("auto", d)).isEqualTo(SplitKind.LEAVE_LAST_OUT);
    List<Interaction> untimed = new ArrayList<>();
    for (Interaction e : d.interactions()) untimed.add(new Interaction(e.userId(), e.courseId(), e.event(), e.rating(), null));
    // 10 of 22 timed: below half, so a random holdout
    for (int i = 0; i < 10; i++) untimed.set(i, d.interactions().get(i));
    Dataset mostlyUntimed = EvalFixtures.dataset(EvalFixtures.courses(10), untimed);
    assertThat(SplitKind.timedShare(mostlyUntimed)).isEqualTo(10 / 22.0);
    assertThat(SplitKind.forTask("auto", mostlyUntimed)).isEqualTo(SplitKind.RANDOM);
    assertThat(SplitKind.forTask("leave-last-out", mostlyUntimed)).isEqualTo(SplitKind.LEAVE_LAST_OUT);
    assertThat(SplitKind.forTask("random", d)).isEqualTo(SplitKind.RANDOM);
    assertThatThrownBy(() -> SplitKind.forTask("temporal", d)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("temporal");
  }

  @Test
  void randomHoldoutHidesWholePairsOfEligibleLearners() {
    Dataset d = fixture();
    Split s = new RandomHoldoutSplitter(0.2, 3, 42).split(d);
    // u1: n = 5 -> round(0.2 * 5) = 1 held out; u3: n = 4 -> round(0.8) = 1; u2 (n = 2) and u4 (n = 0) not tested
    assertThat(s.heldOut().keySet()).containsExactly("u1", "u3");
    assertThat(s.heldOut().get("u1")).hasSize(1).isSubsetOf("c1", "c3", "c4", "c6", "c10");
    assertThat(s.heldOut().get("u3")).hasSize(1).isSubsetOf("c5", "c6", "c7", "c8");
    assertNoLeak(d, s);
    // every other event stays: u2 and u4 whole, u1/u3 minus the events on their held-out course
    int hidden = 0;
    for (String u : List.of("u1", "u3")) {
      for (Interaction e : d.eventsOf(u)) if (s.heldOut().get(u).contains(e.courseId())) hidden++;
    }
    assertThat(s.hiddenEvents()).isEqualTo(hidden);
    assertThat(s.train().interactions()).hasSize(d.interactions().size() - hidden);
    assertThat(s.train().eventsOf("u2")).isEqualTo(d.eventsOf("u2"));
    assertThat(s.train().eventsOf("u4")).isEqualTo(d.eventsOf("u4"));
    assertThat(s.kept()).isEmpty();
    // same seed, same split
    assertThat(new RandomHoldoutSplitter(0.2, 3, 42).split(d).heldOut()).isEqualTo(s.heldOut());
  }

  @Test
  void randomHoldoutDependsOnTheSeed() {
    Dataset d = EvalFixtures.generated(200, 40, 25, 7);
    Map<String, Set<String>> a = new RandomHoldoutSplitter(0.3, 3, 1).split(d).heldOut();
    Map<String, Set<String>> b = new RandomHoldoutSplitter(0.3, 3, 2).split(d).heldOut();
    assertThat(a.keySet()).isEqualTo(b.keySet()); // who is tested does not depend on the seed
    assertThat(a).isNotEqualTo(b); // what is held out does
  }

  @Test
  void globalTemporalCutsAtTheQuantile() {
    Dataset d = fixture();
    GlobalTemporalSplitter t = new GlobalTemporalSplitter(0.2, 3);
    // 20 timed events; sorted days 1 1 1 2 2 2 3 3 3 4 5 6 7 8 9 10 11 12 20 21; index ceil(0.8*20)-1 = 15 -> day 10
    assertThat(t.cutoff(d.interactions())).isEqualTo(EvalFixtures.T0.plusSeconds(86400L * 10));
    Split s = t.split(d);
    // after day 10: u1 d11 (dismiss c9), d12 (enroll c10); u3 d20, d21 -> 4 hidden = 20 %
    assertThat(s.hiddenEvents()).isEqualTo(4);
    assertThat(s.heldOut()).containsExactly(Map.entry("u1", Set.of("c10")), Map.entry("u3", Set.of("c7", "c8")));
    Instant cut = t.cutoff(d.interactions());
    assertThat(s.train().interactions()).allMatch(e -> e.timestamp() == null || !e.timestamp().isAfter(cut));
    // untimed events always stay in training
    assertThat(s.train().eventsOf("u3")).extracting(Interaction::courseId).containsExactly("c5", "c6", "c1");
    assertNoLeak(d, s);
  }

  @Test
  void temporalSplitWithoutTimestampsSaysSo() {
    Dataset d = EvalFixtures.dataset(EvalFixtures.courses(2), List.of(ev("u", "c1", EventType.ENROLL, null)));
    assertThatThrownBy(() -> new GlobalTemporalSplitter(0.2, 1).split(d))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamps");
  }

  @Test
  void userTemporalHoldsOutTheLastNAndCutsHistoryBeforeThem() {
    Dataset d = fixture();
    Split s = new UserTemporalSplitter(2, 3).split(d);
    // u1: last two positive courses c6 (d7), c10 (d12); history cut before d7: 6 events remain
    // u3: last two c7 (d20), c8 (d21); the untimed c5, c6 and the view at d1 remain
    assertThat(s.name()).isEqualTo("user-temporal");
    assertThat(s.heldOut()).containsExactly(Map.entry("u1", Set.of("c6", "c10")), Map.entry("u3", Set.of("c7", "c8")));
    assertThat(s.train().eventsOf("u1")).isEqualTo(U1.subList(0, 6));
    assertThat(s.train().eventsOf("u3")).extracting(Interaction::courseId).containsExactly("c5", "c6", "c1");
    assertThat(s.train().eventsOf("u2")).hasSize(2);
    assertThat(s.hiddenEvents()).isEqualTo(6 + 2);
    assertNoLeak(d, s);
  }

  @Test
  void leaveLastOutHoldsOutOneCourse() {
    Dataset d = fixture();
    Split s = UserTemporalSplitter.leaveLastOut(3).split(d);
    // u1: c10 (d12) held out, the 11 earlier events stay (including the enroll + dismiss of c9)
    assertThat(s.name()).isEqualTo("leave-last-out");
    assertThat(s.heldOut()).containsExactly(Map.entry("u1", Set.of("c10")), Map.entry("u3", Set.of("c8")));
    assertThat(s.train().eventsOf("u1")).isEqualTo(U1.subList(0, 11));
    assertThat(s.train().eventsOf("u3")).hasSize(4);
    assertNoLeak(d, s);
  }

  @Test
  void coldStartKeepsOnlyTheEarliestFewEvents() {
    Dataset d = fixture();
    Split s = new ColdStartSplitter(1.0, 2, 3, 42).split(d);
    assertThat(s.heldOut().keySet()).containsExactly("u1", "u3"); // the eligible learners, all drawn
    List<Interaction> u1FirstPositives = List.of(U1.get(0), U1.get(3)); // enroll c1 d1, bookmark c3 d4
    List<String> u1Positives = List.of("c1", "c3", "c4", "c6", "c10");
    List<Interaction> kept = s.kept().get("u1");
    assertThat(kept.size()).isBetween(0, 2);
    assertThat(kept).isEqualTo(u1FirstPositives.subList(0, kept.size()));
    assertThat(s.train().eventsOf("u1")).isEqualTo(kept);
    assertThat(s.heldOut().get("u1")).containsExactlyInAnyOrderElementsOf(u1Positives.subList(kept.size(), 5));
    assertThat(s.train().eventsOf("u2")).hasSize(2);
    assertNoLeak(d, s);
    // half of the two eligible learners -> one cold learner
    assertThat(new ColdStartSplitter(0.5, 2, 3, 42).split(d).heldOut()).hasSize(1);
  }

  @Test
  void coldStartKeptCountsCoverZeroToTwo() {
    Dataset d = EvalFixtures.generated(300, 40, 25, 11);
    Split s = new ColdStartSplitter(0.5, 2, 3, 42).split(d);
    Set<Integer> sizes = new HashSet<>();
    for (Map.Entry<String, List<Interaction>> e : s.kept().entrySet()) {
      sizes.add(e.getValue().size());
      assertThat(s.train().eventsOf(e.getKey())).isEqualTo(e.getValue());
      assertThat(e.getValue()).allMatch(Relevance::isPositive);
    }
    assertThat(sizes).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void everySplitIsDeterministicLeakFreeAndASubsetOfTheInput() {
    Dataset d = EvalFixtures.generated(300, 40, 25, 3);
    Config c = Config.defaults().with(ConfigKey.EVAL_COLD_FRACTION, 0.3);
    for (SplitKind kind : SplitKind.values()) {
      Split s = kind.create(c).split(d);
      Split again = kind.create(c).split(d);
      assertThat(s.name()).isEqualTo(kind.code());
      assertThat(s.heldOut()).as(kind.code()).isNotEmpty().isEqualTo(again.heldOut());
      assertThat(s.train().interactions()).as(kind.code()).isEqualTo(again.train().interactions());
      assertThat(s.train().numLearners()).isEqualTo(d.numLearners());
      assertThat(s.train().numCourses()).isEqualTo(d.numCourses());
      assertNoLeak(d, s);
      assertThat(s.hiddenEvents()).isEqualTo(d.interactions().size() - s.train().interactions().size());
    }
  }

  /**
   * No held-out (learner, course) pair has any event in training; every target is a positive course of the learner
   * in the input; training is an order-preserving selection of the input records.
   */
  static void assertNoLeak(Dataset input, Split s) {
    for (Map.Entry<String, Set<String>> e : s.heldOut().entrySet()) {
      for (Interaction t : s.train().eventsOf(e.getKey())) {
        assertThat(e.getValue()).as(s.name() + ": " + t + " leaks a target").doesNotContain(t.courseId());
      }
      Set<String> positives = new HashSet<>();
      for (Relevance.PositiveCourse p : Relevance.positiveCourses(input.eventsOf(e.getKey()))) {
        positives.add(p.courseId());
      }
      assertThat(positives).as(s.name() + ": targets of " + e.getKey()).containsAll(e.getValue());
    }
    int i = 0;
    List<Interaction> in = input.interactions();
    for (Interaction t : s.train().interactions()) {
      while (i < in.size() && in.get(i) != t) i++;
      assertThat(i).as(s.name() + ": training event not in input order: " + t).isLessThan(in.size());
      i++;
    }
  }
}
