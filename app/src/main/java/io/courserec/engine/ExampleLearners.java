package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Learner;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Three learners worth showing someone trying the service (the learner page's picker, like {@code demo}): the one
 * with the most events in the serving model's data (ties: the smallest id), the first with a short history (2 to 4
 * events, in data order), and a new learner who only declared interests (id {@value #NEW_ID}, with the interests
 * of the first learner in the data who has any). A kind the data has none of is null.
 *
 * @param rich the learner with the richest history
 * @param shortHistory a learner with 2 to 4 events
 * @param newcomer a learner the model does not know, with interests to start from
 */
public record ExampleLearners(Example rich, Example shortHistory, Example newcomer) {
  /** The id of the new learner; no data set generated or imported here uses it. */
  public static final String NEW_ID = "newcomer";

  /** One example: the id, its events in the model's data, and (for the newcomer) the declared interests. */
  public record Example(String userId, int events, List<String> interests) {
    public Example {
      interests = List.copyOf(interests);
    }
  }

  /** The examples of a data set; {@code hidden} says which learners must not be shown (erased ones). */
  static ExampleLearners of(Dataset data, Predicate<String> hidden) {
    List<Learner> shown = data.learners().stream().filter(l -> !hidden.test(l.id())).toList();
    Example rich = shown.stream()
        .max(Comparator.comparingInt((Learner l) -> data.eventsOf(l.id()).size())
            .thenComparing(Learner::id, Comparator.reverseOrder()))
        .filter(l -> !data.eventsOf(l.id()).isEmpty())
        .map(l -> example(data, l)).orElse(null);
    Example brief = shown.stream().filter(l -> {
      int n = data.eventsOf(l.id()).size();
      return n >= 2 && n <= 4;
    }).findFirst().map(l -> example(data, l)).orElse(null);
    Example newcomer = data.learner(NEW_ID).isPresent() ? null : shown.stream().filter(l -> !l.interests().isEmpty())
        .findFirst().map(l -> new Example(NEW_ID, 0, l.interests())).orElse(null);
    return new ExampleLearners(rich, brief, newcomer);
  }

  private static Example example(Dataset data, Learner l) {
    return new Example(l.id(), data.eventsOf(l.id()).size(), l.interests());
  }
}
