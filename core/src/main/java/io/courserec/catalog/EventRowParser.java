package io.courserec.catalog;

import io.courserec.progress.Counter;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Turns the rows of an interactions log into checked events for an {@link ImportedDataWriter}. Each row gets one
 * outcome; the checks run in this order and the first failure is the reason (as in {@link InteractionValidator}):
 * <ol>
 *   <li>user and item present (missing required value);</li>
 *   <li>the event: the event column's value when there is one (unknown event type when it is not a known event),
 *       else {@code rate} when the row has a rating, else the default event;</li>
 *   <li>for {@code rate}: a rating present (rate event without rating), a number (rating is not a number), on the
 *       {@link RatingScale} (rating outside the rating scale), then mapped onto 1..5; on another event a rating is
 *       ignored with a warning;</li>
 *   <li>the timestamp, when present, readable by the {@link TimestampReader} (bad timestamp); an empty one means
 *       an event without a time;</li>
 *   <li>then the writer's own checks: a declared user, not a duplicate.</li>
 * </ol>
 */
final class EventRowParser {
  private final EventColumns columns;
  private final TimestampReader time;
  private final RatingScale scale;
  private final EventType defaultEvent;
  private final ReportCollector report;
  private final ImportedDataWriter out;
  private long fromColumn;
  private long fromRating;
  private long byDefault;

  EventRowParser(EventColumns columns, TimestampReader time, RatingScale scale, EventType defaultEvent,
                 ReportCollector report, ImportedDataWriter out) {
    this.columns = columns;
    this.time = time;
    this.scale = scale;
    this.defaultEvent = defaultEvent;
    this.report = report;
    this.out = out;
  }

  /** Reads {@code first} (when not null) and every further row of the reader. */
  void readAll(CsvRow first, CsvRecordReader reader) {
    readAll(first, reader, null);
  }

  /** The same, setting {@code lines} (when not null) to the file line of each row read. */
  void readAll(CsvRow first, CsvRecordReader reader, Counter lines) {
    for (CsvRow row = first != null ? first : reader.next(); row != null; row = reader.next()) {
      if (report.accept(row)) add(row);
      if (lines != null) lines.set(row.line());
    }
  }

  /** Lines of a file (newline bytes, plus one for a last line without), for a count's total; cheap next to parsing. */
  static long countLines(java.nio.file.Path file) {
    try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
      byte[] buf = new byte[1 << 16];
      long lines = 0;
      int n;
      int last = '\n';
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
        last = buf[n - 1];
      }
      return last == '\n' ? lines : lines + 1;
    } catch (java.io.IOException e) {
      return 0; // unknown total: the count still shows rows and rate
    }
  }

  /** Checks one well-formed row (already counted as read) and hands its event to the writer. */
  void add(CsvRow row) {
    String user = FieldValues.text(row.field(columns.user()));
    String item = FieldValues.text(row.field(columns.item()));
    if (user == null) {
      reject(row, IssueKind.MISSING_VALUE, "user id is empty");
      return;
    }
    if (item == null) {
      reject(row, IssueKind.MISSING_VALUE, "item id is empty");
      return;
    }
    String eventRaw = FieldValues.text(row.field(columns.event()));
    String ratingRaw = FieldValues.text(row.field(columns.rating()));
    EventType event;
    if (eventRaw != null) {
      event = EventType.fromCode(eventRaw).orElse(null);
      if (event == null) {
        reject(row, IssueKind.UNKNOWN_EVENT, "'" + eventRaw + "'");
        return;
      }
    } else {
      event = ratingRaw != null ? EventType.RATE : defaultEvent;
    }
    Double rating = null;
    if (event == EventType.RATE) {
      if (ratingRaw == null) {
        reject(row, IssueKind.MISSING_RATING, "");
        return;
      }
      Double r = FieldValues.number(ratingRaw);
      if (r == null) {
        reject(row, IssueKind.BAD_RATING, "'" + ratingRaw + "'");
        return;
      }
      if (!scale.contains(r)) {
        reject(row, IssueKind.RATING_OUT_OF_SCALE, ratingRaw + " is not in " + scale);
        return;
      }
      rating = scale.toFivePoint(r);
    } else if (ratingRaw != null) {
      report.issue(row.file(), row.line(), IssueKind.RATING_IGNORED, event.code() + " with rating " + ratingRaw, row.excerpt());
    }
    String tsRaw = FieldValues.text(row.field(columns.time()));
    Instant ts = null;
    if (tsRaw != null) {
      ts = time.parse(tsRaw);
      if (ts == null) {
        reject(row, IssueKind.BAD_TIMESTAMP, time.why(tsRaw));
        return;
      }
    }
    if (eventRaw != null) fromColumn++;
    else if (ratingRaw != null) fromRating++;
    else byDefault++;
    out.add(row, user, item, event, rating, ts);
  }

  private void reject(CsvRow row, IssueKind kind, String detail) {
    report.issue(row.file(), row.line(), kind, detail, row.excerpt());
  }

  /** Lines for the import notes: where the events came from, the timestamps, the rating scale. */
  List<String> notes() {
    return List.of(
        String.format(Locale.ROOT, "event types of the rows that passed the checks: %d from the event column, %d rate "
            + "(a rating and no event), %d %s by default (neither)", fromColumn, fromRating, byDefault, defaultEvent.code()),
        time.describe(),
        scale.describe());
  }
}
