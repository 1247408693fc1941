package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which learners the learner page offers, on a data set made by hand. */
class ExampleLearnersTest {
  private static final List<Course> COURSES = List.of(
      Course.of("c1", "One", "", List.of(), Level.BEGINNER, "s"), Course.of("c2", "Two", "", List.of(), Level.BEGINNER, "s"),
      Course.of("c3", "Three", "", List.of(), Level.BEGINNER, "s"), Course.of("c4", "Four", "", List.of(), Level.BEGINNER, "s"),
      Course.of("c5", "Five", "", List.of(), Level.BEGINNER, "s"));

  private static Learner learner(String id, String... interests) {
    return new Learner(id, List.of(interests), List.of(), Level.UNKNOWN, null);
  }

  /** {@code n} views of c1..cn by {@code user}. */
  private static void events(List<Interaction> out, String user, int n) {
    for (int i = 1; i <= n; i++) out.add(Interaction.of(user, "c" + i, EventType.VIEW));
  }

  @Test
  void richestShortAndNewLearner() {
    List<Interaction> events = new ArrayList<>();
    events(events, "a", 1); // 1 event: neither rich nor short
    events(events, "b", 5); // 5: the richest, tied with d
    events(events, "c", 3); // 3: the first short history
    events(events, "d", 5);
    events(events, "e", 2); // 2: short too, but after c
    Dataset data = Dataset.of(COURSES, List.of(learner("a"), learner("b", "sql"), learner("c", "design", "ux"),
        learner("d"), learner("e")), events);
    ExampleLearners x = ExampleLearners.of(data, u -> false);
    assertThat(x.rich()).isEqualTo(new ExampleLearners.Example("b", 5, List.of("sql"))); // tie: the smaller id
    assertThat(x.shortHistory()).isEqualTo(new ExampleLearners.Example("c", 3, List.of("design", "ux")));
    assertThat(x.newcomer()).isEqualTo(new ExampleLearners.Example(ExampleLearners.NEW_ID, 0, List.of("sql")));

    // hidden (erased) learners are never offered
    ExampleLearners without = ExampleLearners.of(data, u -> u.equals("b") || u.equals("c"));
    assertThat(without.rich().userId()).isEqualTo("d");
    assertThat(without.shortHistory().userId()).isEqualTo("e");
    assertThat(without.newcomer()).as("nobody left with interests").isNull();
  }

  @Test
  void kindsTheDataLacksAreNull() {
    Dataset empty = Dataset.of(COURSES, List.of(learner("a")), List.of());
    ExampleLearners x = ExampleLearners.of(empty, u -> false);
    assertThat(x.rich()).isNull();
    assertThat(x.shortHistory()).isNull();
    assertThat(x.newcomer()).isNull();
  }

  /**
   * The kept candidates give what a scan of every learner gives (the rule in the class comment, written out here
   * as the oracle), on 3,000 random learners with random hidden sets — from none to nearly all hidden, so the
   * fallback scans past the 64 kept ones are exercised too.
   */
  @Test
  void keptCandidatesPickWhatAFullScanPicks() {
    java.util.Random rnd = new java.util.Random(5);
    List<Learner> learners = new ArrayList<>();
    List<Interaction> events = new ArrayList<>();
    for (int u = 0; u < 3000; u++) {
      String id = "u" + rnd.nextInt(1_000_000) + "-" + u;
      learners.add(rnd.nextInt(4) == 0 ? learner(id, "topic" + rnd.nextInt(5)) : learner(id));
      events(events, id, rnd.nextInt(6)); // 0..5 events: many ties among the richest
    }
    Dataset data = Dataset.of(COURSES, learners, events);
    ExampleLearners.Candidates kept = ExampleLearners.Candidates.of(data);
    for (double share : new double[] {0, 0.1, 0.5, 0.97, 0.999, 1}) {
      java.util.Set<String> hiddenIds = new java.util.HashSet<>();
      for (Learner l : learners) if (rnd.nextDouble() < share) hiddenIds.add(l.id());
      assertThat(kept.pick(hiddenIds::contains)).as("hidden share %s", share).isEqualTo(scanAll(data, hiddenIds::contains));
    }
  }

  private static ExampleLearners scanAll(Dataset data, java.util.function.Predicate<String> hidden) {
    List<Learner> shown = data.learners().stream().filter(l -> !hidden.test(l.id())).toList();
    ExampleLearners.Example rich = shown.stream()
        .max(java.util.Comparator.comparingInt((Learner l) -> data.eventsOf(l.id()).size())
            .thenComparing(Learner::id, java.util.Comparator.reverseOrder()))
        .filter(l -> !data.eventsOf(l.id()).isEmpty())
        .map(l -> new ExampleLearners.Example(l.id(), data.eventsOf(l.id()).size(), l.interests())).orElse(null);
    ExampleLearners.Example brief = shown.stream().filter(l -> {
      int n = data.eventsOf(l.id()).size();
      return n >= 2 && n <= 4;
    }).findFirst().map(l -> new ExampleLearners.Example(l.id(), data.eventsOf(l.id()).size(), l.interests())).orElse(null);
    ExampleLearners.Example newcomer = shown.stream().filter(l -> !l.interests().isEmpty()).findFirst()
        .map(l -> new ExampleLearners.Example(ExampleLearners.NEW_ID, 0, l.interests())).orElse(null);
    return new ExampleLearners(rich, brief, newcomer);
  }
}
