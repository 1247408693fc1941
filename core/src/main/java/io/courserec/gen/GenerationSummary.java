package io.courserec.gen;

import io.courserec.catalog.EventType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a generation run wrote: counts per file and per event type, how many learners are cold-start (one or two
 * events), the wall time, and the log's shape ({@link LogStatistics}, measured while writing).
 */
public record GenerationSummary(int courses, int users, int coldStartUsers, long interactions,
                                Map<EventType, Long> eventCounts, long elapsedMillis, LogStatistics statistics) {
  public GenerationSummary {
    eventCounts = Map.copyOf(new EnumMap<>(eventCounts));
  }

  /** One line for people, e.g. "400 courses, 2500 users (300 cold-start), 61234 interactions (view 30000, ...)". */
  public String describe() {
    String byType = Arrays.stream(EventType.values())
        .map(t -> t.code() + " " + eventCounts.getOrDefault(t, 0L)).collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "%d courses, %d users (%d cold-start), %d interactions (%s) in %.1f s",
        courses, users, coldStartUsers, interactions, byType, elapsedMillis / 1000.0);
  }
}
