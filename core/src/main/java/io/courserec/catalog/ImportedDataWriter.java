package io.courserec.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common end of every log import: checked events go in one at a time, a complete data directory comes out.
 *
 * <p>Each event is streamed to {@code interactions.csv} as it arrives, unless it repeats an earlier accepted event
 * (same user, item, event type and timestamp to the millisecond, or both without a timestamp): then it is merged
 * ({@code duplicate event}, the first row kept). When the source declared its users (MovieLens' {@code u.user}),
 * an event of another user is rejected ({@code unknown user}); otherwise every user is accepted. An item that the
 * catalog does not have becomes a course titled {@code Item <id>}, with one warning per item when there was an item
 * file to find it in. At the end {@code courses.csv} gets the catalog's courses in file order, then those items in
 * order of first use; {@code users.csv} the declared users, then the others in order of first event.
 *
 * <p>Memory: the ids of users and items (one string each) and a {@link LongPairSet} of 16-byte event keys; the
 * events themselves are not kept.
 */
final class ImportedDataWriter implements AutoCloseable {
  /** Bits of the event type in a duplicate key: user ordinal (31 bits) | item ordinal (29) | event (3). */
  private static final int EVENT_BITS = 3;

  static {
    if (EventType.values().length > 1 << EVENT_BITS) throw new IllegalStateException("widen EVENT_BITS");
  }

  private final Path dir;
  private final ReportCollector report;
  private final CleanCatalog catalog;
  private final String itemFile;
  private final String defaultLanguage;
  private final boolean usersDeclared;
  private final Map<String, Integer> courseOrdinals = new HashMap<>();
  private final List<Course> unlisted = new ArrayList<>();
  private final Map<String, Integer> users = new LinkedHashMap<>();
  private final LongPairSet seen = new LongPairSet();
  private final long[] written = new long[EventType.values().length];
  private final CsvWriter events;
  private long remapped;

  /**
   * @param catalog the cleaned items of the source's item file (empty when there is none)
   * @param itemFile the item file's name for warnings, or null when there is none
   * @param declaredUsers the users the source declares, or null to accept every user
   */
  ImportedDataWriter(Path dir, ReportCollector report, CleanCatalog catalog, String itemFile, List<String> declaredUsers,
                     CleaningRules rules) {
    this.dir = dir;
    this.report = report;
    this.catalog = catalog;
    this.itemFile = itemFile;
    this.defaultLanguage = rules.defaultLanguage();
    for (Course c : catalog.courses()) courseOrdinals.put(c.id(), courseOrdinals.size());
    this.usersDeclared = declaredUsers != null;
    if (declaredUsers != null) for (String u : declaredUsers) users.putIfAbsent(u, users.size());
    this.events = CsvWriter.openInteractions(dir.resolve(InteractionValidator.FILE));
  }

  /** Takes one checked event of a row already counted as read, and records the row's outcome. */
  void add(CsvRow row, String user, String item, EventType event, Double rating, Instant ts) {
    Integer u = users.get(user);
    if (u == null) {
      if (usersDeclared) {
        report.issue(row.file(), row.line(), IssueKind.UNKNOWN_USER, "'" + user + "' is not in the user file", row.excerpt());
        return;
      }
      u = users.size();
      users.put(user, u);
    }
    int c = course(row, item);
    long key = ((long) u << 32) | ((long) c << EVENT_BITS) | event.ordinal();
    if (!seen.add(key, ts == null ? Long.MIN_VALUE : ts.toEpochMilli())) {
      report.issue(row.file(), row.line(), IssueKind.DUPLICATE_EVENT,
          "same user, item, event and time as an earlier row; the first is kept", row.excerpt());
      return;
    }
    report.loaded(row.file());
    written[event.ordinal()]++;
    events.write(new Interaction(user, courseId(c), event, rating, ts));
  }

  private int course(CsvRow row, String item) {
    Integer c = courseOrdinals.get(item);
    if (c != null) return c;
    String target = catalog.mergedIds().get(item);
    if (target != null) {
      remapped++;
      return courseOrdinals.get(target);
    }
    if (itemFile != null) {
      report.issue(row.file(), row.line(), IssueKind.ITEM_NOT_IN_CATALOG,
          "'" + item + "' has no usable row in " + itemFile, row.excerpt());
    }
    int o = courseOrdinals.size();
    courseOrdinals.put(item, o);
    unlisted.add(new Course(item, "Item " + item, "", List.of(), "", Level.UNKNOWN, "", defaultLanguage, null, "",
        null, null, "", List.of()));
    return o;
  }

  private String courseId(int ordinal) {
    int listed = catalog.courses().size();
    return ordinal < listed ? catalog.courses().get(ordinal).id() : unlisted.get(ordinal - listed).id();
  }

  /** Closes interactions.csv, writes courses.csv, users.csv and the notes, and builds the report. */
  ImportedData finish(String source, List<String> notes) {
    events.close();
    List<Course> courses = new ArrayList<>(catalog.courses());
    courses.addAll(unlisted);
    CsvWriter.writeCourses(dir.resolve(CatalogLoader.COURSES), courses);
    CsvWriter.writeUsers(dir.resolve(LearnerCleaner.FILE), users.keySet().stream().map(Learner::anonymous).toList());
    List<String> all = new ArrayList<>(notes);
    StringBuilder counts = new StringBuilder();
    long n = 0;
    for (EventType e : EventType.values()) {
      if (written[e.ordinal()] == 0) continue;
      counts.append(counts.isEmpty() ? "" : ", ").append(written[e.ordinal()]).append(' ').append(e.code());
      n += written[e.ordinal()];
    }
    all.add("events written: " + (counts.isEmpty() ? "none" : counts));
    all.add(String.format(java.util.Locale.ROOT, "courses: %d from the item file, %d titled 'Item <id>'",
        catalog.courses().size(), unlisted.size()));
    try {
      Files.write(dir.resolve(ImportedData.NOTES), all);
    } catch (IOException e) {
      throw new DataException("cannot write " + dir.resolve(ImportedData.NOTES) + ": " + e.getMessage(), e);
    }
    report.normalization(report.normalization().withInteractionsRemapped(remapped));
    return new ImportedData(dir, courses.size(), users.size(), n, all, report.build(source));
  }

  /** Closes interactions.csv (a no-op after {@link #finish}); for failures half-way through. */
  @Override
  public void close() {
    events.close();
  }
}
