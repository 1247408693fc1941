package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.LoadResult;
import io.courserec.config.Config;
import io.courserec.store.InteractionStore;
import io.courserec.store.StoredEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a retrain learns from: the catalog, learners and interactions of the data directory (cleaned by
 * {@link io.courserec.catalog.CatalogLoader}, erased learners left out by {@link ErasedLearners}) plus every feedback event in the store up to the store's {@code lastSequence()} read at
 * the start. Stored events on courses the catalog no longer has are skipped and counted; a stored event without a
 * timestamp takes the time the store received it.
 *
 * @param storeSequence the store position the data covers: later events are not in the model
 * @param storeEvents stored events included
 * @param storeEventsSkipped stored events on unknown courses, left out
 */
record TrainingSet(Dataset data, long storeSequence, long storeEvents, long storeEventsSkipped) {
  private static final Logger log = LoggerFactory.getLogger(TrainingSet.class);

  /** Reads the data directory named by {@code data.dir}, without the rows of erased learners. */
  static LoadResult loadCatalog(Config config, ErasedLearners erased) {
    return erased.loadData(config);
  }

  /** The catalog data set extended with the store's events up to its current last sequence. */
  static TrainingSet assemble(Dataset catalog, InteractionStore store) {
    long sequence = store.lastSequence();
    List<Interaction> all = new ArrayList<>(catalog.interactions());
    long used = 0;
    long skipped = 0;
    try (Stream<StoredEvent> events = store.eventsSince(0)) {
      for (Iterator<StoredEvent> it = events.iterator(); it.hasNext(); ) {
        StoredEvent s = it.next();
        if (s.sequence() > sequence) break; // appended after we fixed the position: a recent event, not training
        if (catalog.courseOrdinal(s.interaction().courseId()) < 0) {
          skipped++;
          continue;
        }
        all.add(asTraining(s));
        used++;
      }
    }
    if (skipped > 0) log.warn("{} stored feedback events name courses the catalog no longer has; left out", skipped);
    log.info("training data: {} interactions from the data directory, {} from the feedback store (up to sequence {})",
        catalog.interactions().size(), used, sequence);
    return new TrainingSet(Dataset.of(catalog.courses(), catalog.learners(), all), sequence, used, skipped);
  }

  /** A stored event as a training interaction: the event itself, timed at receipt when the client gave no time. */
  static Interaction asTraining(StoredEvent s) {
    Interaction e = s.interaction();
    return e.timestamp() != null ? e
        : new Interaction(e.userId(), e.courseId(), e.event(), e.rating(), s.receivedAt(), e.eventId());
  }
}
