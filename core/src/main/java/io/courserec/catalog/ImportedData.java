package io.courserec.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * What a log import wrote: a complete data directory ({@code courses.csv}, {@code users.csv},
 * {@code interactions.csv}, plus {@code import.txt} with the notes), the counts, and the quality report of the
 * source files (every source row loaded, merged as a duplicate or rejected with file, line and reason).
 *
 * @param dir the data directory written
 * @param notes how the source was read: layout, columns, separator, timestamps, rating scale, events
 */
public record ImportedData(Path dir, int courses, int users, long interactions, List<String> notes, QualityReport report) {
  public ImportedData {
    notes = List.copyOf(notes);
  }

  /** The notes file written next to the data. */
  public static final String NOTES = "import.txt";
}
