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
    return Candidates.of(data).pick(hidden);
  }

  /**
   * What the examples are picked from, found in one pass over the learners' event counts and kept per model
   * version ({@code DefaultEngine} caches it): the {@value #KEPT} richest learners (events descending, then id),
   * the first {@value #KEPT} with 2 to 4 events and the first {@value #KEPT} with declared interests, in data order.
   * Picking is then the first of each list that is not hidden; only when every kept one of a kind is hidden does a
   * pick scan all learners again. At 2M learners, whose profiles are decoded from a mapped file on each read,
   * the learner page's {@code GET /learners/examples} took 2.4 s per call when every call scanned them all.
   */
  static final class Candidates {
    static final int KEPT = 64;
    private final Dataset data;
    private final int[] richest;
    private final int[] brief;
    private final int[] interested;
    private final boolean moreBrief;
    private final boolean moreInterested;

    private Candidates(Dataset data, int[] richest, int[] brief, boolean moreBrief, int[] interested,
                       boolean moreInterested) {
      this.data = data;
      this.richest = richest;
      this.brief = brief;
      this.moreBrief = moreBrief;
      this.interested = interested;
      this.moreInterested = moreInterested;
    }

    static Candidates of(Dataset data) {
      int n = data.numLearners();
      // the worst kept learner at the head: fewest events, then the largest id
      Comparator<Integer> worstFirst = Comparator.comparingInt((Integer u) -> data.eventsOf(u).size())
          .thenComparing(u -> data.learnerIndex().id(u), Comparator.reverseOrder());
      java.util.PriorityQueue<Integer> rich = new java.util.PriorityQueue<>(KEPT + 1, worstFirst);
      int[] brief = new int[KEPT];
      int nb = 0;
      boolean moreBrief = false;
      for (int u = 0; u < n; u++) {
        int events = data.eventsOf(u).size();
        if (events > 0 && (rich.size() < KEPT || worstFirst.compare(u, rich.peek()) > 0)) {
          rich.add(u);
          if (rich.size() > KEPT) rich.poll();
        }
        if (events >= 2 && events <= 4) {
          if (nb < KEPT) brief[nb++] = u;
          else moreBrief = true;
        }
      }
      int[] richest = new int[rich.size()];
      for (int i = richest.length - 1; i >= 0; i--) richest[i] = rich.poll();
      int[] interested = new int[KEPT];
      int ni = 0;
      boolean moreInterested = false;
      for (int u = 0; u < n; u++) {
        if (data.learner(u).interests().isEmpty()) continue;
        if (ni == KEPT) {
          moreInterested = true;
          break;
        }
        interested[ni++] = u;
      }
      return new Candidates(data, richest, java.util.Arrays.copyOf(brief, nb), moreBrief,
          java.util.Arrays.copyOf(interested, ni), moreInterested);
    }

    /** The examples without the hidden learners (a full scan only when every kept one of a kind is hidden). */
    ExampleLearners pick(Predicate<String> hidden) {
      Example rich = null;
      for (int u : richest) {
        if (!hidden.test(data.learnerIndex().id(u))) {
          rich = example(data, data.learner(u));
          break;
        }
      }
      // the richest shown learner is among the kept ones unless all of them are hidden: then scan
      if (rich == null && richest.length == KEPT) rich = scanRichest(data, hidden);
      Example shortHistory = first(brief, moreBrief, hidden, l -> {
        int e = data.eventsOf(l.id()).size();
        return e >= 2 && e <= 4;
      }, l -> example(data, l));
      Example newcomer = data.learner(NEW_ID).isPresent() ? null : first(interested, moreInterested, hidden,
          l -> !l.interests().isEmpty(), l -> new Example(NEW_ID, 0, l.interests()));
      return new ExampleLearners(rich, shortHistory, newcomer);
    }

    private Example first(int[] kept, boolean more, Predicate<String> hidden, Predicate<Learner> kind,
                          java.util.function.Function<Learner, Example> make) {
      for (int u : kept) {
        Learner l = data.learner(u);
        if (!hidden.test(l.id())) return make.apply(l);
      }
      if (!more) return null;
      return data.learners().stream().filter(l -> !hidden.test(l.id())).filter(kind).findFirst().map(make).orElse(null);
    }

    private static Example scanRichest(Dataset data, Predicate<String> hidden) {
      return data.learners().stream().filter(l -> !hidden.test(l.id()))
          .max(Comparator.comparingInt((Learner l) -> data.eventsOf(l.id()).size())
              .thenComparing(Learner::id, Comparator.reverseOrder()))
          .filter(l -> !data.eventsOf(l.id()).isEmpty())
          .map(l -> example(data, l)).orElse(null);
    }
  }

  private static Example example(Dataset data, Learner l) {
    return new Example(l.id(), data.eventsOf(l.id()).size(), l.interests());
  }
}
