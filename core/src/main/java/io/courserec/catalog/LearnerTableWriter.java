package io.courserec.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link LearnerTable}: turns a data set's learners and events into the columns its class comment lists,
 * in that order. Separate from the reader because it is the training side (arrays of every column on the heap for
 * the time of the write), while the reader is what a serving replica keeps.
 */
final class LearnerTableWriter {
  private LearnerTableWriter() {}

  static void write(Path file, Dataset data) throws IOException {
    List<Learner> learners = data.learners();
    int n = learners.size();
    try (ColumnFile.Writer w = ColumnFile.writer(file, LearnerTable.KIND)) {
      w.writeLong(LearnerTable.LAYOUT);
      w.writeLong(n);
      w.writeLong(data.interactions().size());
      w.writeLong(data.numCourses());
      writeIds(w, learners);
      writeProfiles(w, learners);
      writeEvents(w, data);
    }
  }

  /** UTF-8 bytes, offsets and the open-addressing table of ordinal + 1 placed by {@link IdIndex#slot}. */
  private static void writeIds(ColumnFile.Writer w, List<Learner> learners) throws IOException {
    int n = learners.size();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long[] start = new long[n + 1];
    int[] table = new int[IdIndex.capacity(n)];
    int mask = table.length - 1;
    for (int u = 0; u < n; u++) {
      String id = learners.get(u).id();
      byte[] b = id.getBytes(StandardCharsets.UTF_8);
      if (!new String(b, StandardCharsets.UTF_8).equals(id)) {
        throw new IllegalArgumentException("learner id is not valid Unicode (unpaired surrogate): " + id);
      }
      bytes.writeBytes(b);
      start[u + 1] = start[u] + b.length;
      int slot = IdIndex.slot(id, mask);
      while (table[slot] != 0) slot = (slot + 1) & mask; // ids of a data set are distinct
      table[slot] = u + 1;
    }
    w.writeBytes(bytes.toByteArray());
    w.writeLongs(start);
    w.writeInts(table);
  }

  /** The vocabulary, then per learner level, language and the interests followed by the goals, as vocabulary ids. */
  private static void writeProfiles(ColumnFile.Writer w, List<Learner> learners) throws IOException {
    int n = learners.size();
    Map<String, Integer> vocabulary = new LinkedHashMap<>();
    byte[] level = new byte[n];
    int[] language = new int[n];
    int[] tagStart = new int[n + 1];
    int[] tagSplit = new int[n];
    int[] tags = new int[Math.max(16, n)];
    int t = 0;
    for (int u = 0; u < n; u++) {
      Learner l = learners.get(u);
      level[u] = (byte) l.level().ordinal();
      language[u] = vocabulary.computeIfAbsent(l.language(), k -> vocabulary.size());
      tagStart[u] = t;
      for (int pass = 0; pass < 2; pass++) {
        for (String s : pass == 0 ? l.interests() : l.goals()) {
          if (t == tags.length) tags = Arrays.copyOf(tags, Math.addExact(t, t / 2 + 1));
          tags[t++] = vocabulary.computeIfAbsent(s, k -> vocabulary.size());
        }
        if (pass == 0) tagSplit[u] = t;
      }
    }
    tagStart[n] = t;
    writeStrings(w, new ArrayList<>(vocabulary.keySet()));
    w.writeBytes(level);
    w.writeInts(language);
    w.writeInts(tagStart);
    w.writeInts(tagSplit);
    w.writeInts(Arrays.copyOf(tags, t));
  }

  /** Events grouped by learner (input order within one), each event's place in that order, and the sparse event ids. */
  private static void writeEvents(ColumnFile.Writer w, Dataset data) throws IOException {
    List<Interaction> events = data.interactions();
    int n = data.numLearners();
    int m = events.size();
    int[] owner = new int[m];
    int[] start = new int[n + 1];
    for (int i = 0; i < m; i++) {
      owner[i] = data.learnerOrdinal(events.get(i).userId());
      start[owner[i] + 1]++;
    }
    for (int u = 0; u < n; u++) start[u + 1] += start[u];
    int[] fill = Arrays.copyOf(start, n);
    int[] grouped = new int[m]; // input position -> grouped position
    int[] learner = new int[m];
    int[] course = new int[m];
    byte[] type = new byte[m];
    double[] rating = new double[m];
    long[] second = new long[m];
    int[] nano = new int[m];
    String[] eventId = new String[m];
    int withId = 0;
    for (int i = 0; i < m; i++) {
      Interaction e = events.get(i);
      int g = fill[owner[i]]++;
      grouped[i] = g;
      learner[g] = owner[i];
      course[g] = data.courseOrdinal(e.courseId());
      type[g] = (byte) e.event().ordinal();
      rating[g] = e.rating() == null ? Double.NaN : e.rating();
      second[g] = e.timestamp() == null ? LearnerTable.NO_TIME : e.timestamp().getEpochSecond();
      nano[g] = e.timestamp() == null ? 0 : e.timestamp().getNano();
      eventId[g] = e.eventId();
      if (e.eventId() != null) withId++;
    }
    w.writeInts(start);
    w.writeInts(learner);
    w.writeInts(course);
    w.writeBytes(type);
    w.writeDoubles(rating);
    w.writeLongs(second);
    w.writeInts(nano);
    w.writeInts(grouped);
    int[] at = new int[withId];
    List<String> ids = new ArrayList<>(withId);
    for (int g = 0, k = 0; g < m; g++) {
      if (eventId[g] != null) {
        at[k++] = g;
        ids.add(eventId[g]);
      }
    }
    w.writeInts(at);
    writeStrings(w, ids);
  }

  /** Strings as UTF-8 bytes and offsets (count + 1). */
  private static void writeStrings(ColumnFile.Writer w, List<String> strings) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long[] start = new long[strings.size() + 1];
    for (int i = 0; i < strings.size(); i++) {
      byte[] b = strings.get(i).getBytes(StandardCharsets.UTF_8);
      bytes.writeBytes(b);
      start[i + 1] = start[i] + b.length;
    }
    w.writeBytes(bytes.toByteArray());
    w.writeLongs(start);
  }
}
