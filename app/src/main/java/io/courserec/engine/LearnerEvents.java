package io.courserec.engine;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.rec.UnknownEntityException;
import io.courserec.store.InteractionStore;
import io.courserec.store.StoreException;
import io.courserec.store.StoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A learner's events as one model version sees them: the version's training events plus the feedback store's
 * events after the version's store position ({@link ModelManifest#storeSequence()}), under the id the version may
 * use for them ({@link #modelId}: an erased learner is hidden from a version that still holds them). What
 * {@link DefaultEngine} reads for requests (the bounded recent events, see its class comment), the history
 * endpoints (merged and paged, ordered by time) and learning paths.
 */
final class LearnerEvents {
  /** Prefix of the id under which an erased learner reaches a model version that still holds them. */
  private static final String HIDDEN = "\u0000erased\u0000";

  static final Comparator<Interaction> BY_TIME =
      Comparator.comparing(Interaction::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final InteractionStore store;
  private final ErasedLearners erased;
  private final int maxRecentEvents;
  /** Event types whose course is excluded from recommendations: taken or dismissed. */
  private final Set<EventType> excluding;

  LearnerEvents(InteractionStore store, ErasedLearners erased, int maxRecentEvents, Set<EventType> excluding) {
    this.store = store;
    this.erased = erased;
    this.maxRecentEvents = maxRecentEvents;
    this.excluding = Set.copyOf(excluding);
  }

  /**
   * The training events of the learner (CSV and feedback folded into the version) followed by stored feedback
   * received since, sorted by time (events without a time first; ties keep that order).
   */
  List<Interaction> merged(Generation g, String user) {
    String id = modelId(g, user);
    List<Interaction> out = new ArrayList<>(g.data().eventsOf(id));
    long seq = g.manifest().storeSequence();
    for (StoredEvent s : stored(() -> store.eventsOf(user))) if (s.sequence() > seq) out.add(TrainingSet.asTraining(s));
    if (out.isEmpty() && g.data().learner(id).isEmpty()) throw new UnknownEntityException("user", user);
    out.sort(BY_TIME);
    return out;
  }

  /**
   * One page of {@link #merged}, reading at most {@code offset + limit} stored events: the page of the merged,
   * time-ordered list can only hold stored events among the first {@code offset + limit} in the store's order,
   * which is the same order ({@link InteractionStore#eventsOf(String, long, int)}: an event without a time at its
   * receive time, as {@link TrainingSet#asTraining} stamps it; ties by sequence, as the stable sort keeps them).
   */
  HistoryPage page(Generation g, String user, int offset, int limit) {
    long seq = g.manifest().storeSequence();
    int need = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
    String id = modelId(g, user); // an erased learner's training events are hidden, as in the full history
    List<Interaction> merged = new ArrayList<>(g.data().eventsOf(id));
    for (StoredEvent s : stored(() -> store.eventsOf(user, seq, need))) merged.add(TrainingSet.asTraining(s));
    long storedTotal = stored(() -> store.countOf(user, seq));
    long total = g.data().eventsOf(id).size() + storedTotal;
    if (total == 0 && g.data().learner(id).isEmpty()) throw new UnknownEntityException("user", user);
    merged.sort(BY_TIME);
    int from = Math.min(offset, merged.size());
    return new HistoryPage(total, offset, merged.subList(from, Math.min(merged.size(), from + limit)));
  }

  /**
   * The learner's newest stored events after the model's store position (at most {@code maxRecentEvents}), on
   * courses the model's catalog has; when the cap cut events off, preceded by one timeless event per excluded
   * course (see {@link DefaultEngine}'s class comment) not already among them. All under the id the model sees
   * ({@link #modelId}).
   */
  List<Interaction> recent(Generation g, String user, String id) {
    long seq = g.manifest().storeSequence();
    List<StoredEvent> latest = stored(() -> store.latestEventsOf(user, seq, maxRecentEvents));
    List<Interaction> out = new ArrayList<>();
    if (latest.size() == maxRecentEvents) {
      Set<String> seen = new HashSet<>();
      for (StoredEvent s : latest) if (excluding.contains(s.interaction().event())) seen.add(s.interaction().courseId());
      stored(() -> store.coursesWith(user, seq, excluding)).forEach((course, type) -> {
        if (!seen.contains(course) && g.data().courseOrdinal(course) >= 0) {
          out.add(new Interaction(id, course, type, null, null, null));
        }
      });
    }
    for (StoredEvent s : latest) {
      if (g.data().courseOrdinal(s.interaction().courseId()) >= 0) out.add(underId(TrainingSet.asTraining(s), id));
    }
    return out;
  }

  /**
   * The id a request uses with model version {@code g}: the learner's own, or, for a learner erased after the
   * version's data was loaded (so the version still holds them until the erasure completes), an id the version
   * cannot know; the learner then gets what a new learner gets, plus their feedback since the erasure.
   */
  String modelId(Generation g, String user) {
    int p = erased.position(user);
    return p >= 0 && p >= g.manifest().erasuresHonoured() ? HIDDEN + user : user;
  }

  /** The event as the model sees it: under {@code id} instead of the learner's own id, when they differ. */
  private static Interaction underId(Interaction e, String id) {
    return e.userId().equals(id) ? e : new Interaction(id, e.courseId(), e.event(), e.rating(), e.timestamp(), e.eventId());
  }

  /** Runs a store call; a passing store fault becomes {@link StoreUnavailableException}. */
  static <T> T stored(Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreException e) {
      if (!e.kind().isTransient()) throw e;
      throw new StoreUnavailableException(e.kind().name().toLowerCase(Locale.ROOT), e.kind().retryAfterSeconds(),
          "the feedback store is unavailable (" + e.kind().name().toLowerCase(Locale.ROOT) + "); retry later", e);
    }
  }
}
