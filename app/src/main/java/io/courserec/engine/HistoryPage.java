package io.courserec.engine;

import io.courserec.catalog.Interaction;
import java.util.List;

/**
 * One page of a learner's history.
 *
 * @param total events in the whole history (training data plus feedback since)
 * @param offset position of the first event of this page in the whole history, from 0
 * @param events at most the requested number of events, oldest first
 */
public record HistoryPage(long total, int offset, List<Interaction> events) {
  public HistoryPage {
    events = List.copyOf(events);
  }
}
