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
}
