package io.courserec.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What loading did to every input row, per file: read, loaded, merged into an earlier row, or rejected, with the
 * reasons counted and example rows ({@code file:line}); plus what normalisation changed in the catalog. The
 * invariant {@code loaded + merged + rejected == rowsRead} holds per file ({@link #accountsForEveryRow()}).
 * Printed for people with {@link #toText()}, saved as JSON with {@link #writeJson(Path)}.
 *
 * @param source the data directory or file the report describes
 * @param files one entry per input file, in load order (absent optional files included, {@code present=false})
 * @param normalization what cleaning changed in the catalog's names, levels and durations
 * @param examples example rows: the first of each reason per file, then others up to the configured number
 */
public record QualityReport(String source, List<FileReport> files, Normalization normalization, List<Example> examples) {

  public QualityReport {
    files = List.copyOf(files);
    examples = List.copyOf(examples);
  }

  /**
   * Counts for one input file.
   *
   * @param warnings issues fixed in kept rows (a row may have several)
   * @param unknownColumns header columns that were ignored
   * @param reasons counts per reason, most frequent first
   */
  public record FileReport(String file, boolean present, long rowsRead, long loaded, long merged, long rejected,
                           long warnings, List<String> unknownColumns, List<ReasonCount> reasons) {
    public FileReport {
      unknownColumns = List.copyOf(unknownColumns);
      reasons = List.copyOf(reasons);
    }

    /** True when every row read was loaded, merged or rejected. */
    public boolean accountsForEveryRow() { return loaded + merged + rejected == rowsRead; }
  }

  /** How many rows of a file had one reason; {@code effect} is rejected, merged or warning. */
  public record ReasonCount(String effect, String reason, long count) {}

  /** One example row: where it is, what happened, and the row's first characters. */
  public record Example(String file, long line, String effect, String reason, String detail, String excerpt) {
    /** {@code file:line: reason (detail)}, the form used in the text report and tests. */
    public String location() {
      return file + ":" + line + ": " + reason + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  /** A raw value and what cleaning mapped it to, with the number of rows. */
  public record ValueMapping(String from, String to, long count) {}

  /**
   * What normalisation changed in the catalog (courses only).
   *
   * @param skillsBefore distinct skill names as written (trimmed) in the rows cleaned (not rejected)
   * @param skillsAfter distinct skills in the clean catalog, after normalisation, aliases and merging
   * @param skillNamesAliased distinct skill names rewritten by an alias (not just case or punctuation)
   * @param organizationsBefore distinct organisation names as written
   * @param organizationsAfter distinct organisations in the clean catalog
   * @param organizationNamesAliased distinct organisation names rewritten by an alias or word rule
   * @param durationsParsed rows whose duration became hours
   * @param durationsUnparsed rows with a duration text that gave no total (text kept)
   * @param durationsMissing rows without any duration
   * @param unparsedDurations up to ten distinct duration texts that were not parsed
   * @param levels level names as written and the level they became
   * @param languages language names as written and the code they became
   * @param interactionsRemapped interactions whose course id had been merged into another course
   */
  public record Normalization(int skillsBefore, int skillsAfter, int skillNamesAliased,
                              int organizationsBefore, int organizationsAfter, int organizationNamesAliased,
                              long durationsParsed, long durationsUnparsed, long durationsMissing,
                              List<String> unparsedDurations, List<ValueMapping> levels, List<ValueMapping> languages,
                              long interactionsRemapped) {
    public Normalization {
      unparsedDurations = List.copyOf(unparsedDurations);
      levels = List.copyOf(levels);
      languages = List.copyOf(languages);
    }

    /** The same statistics with the count of remapped interactions set. */
    public Normalization withInteractionsRemapped(long n) {
      return new Normalization(skillsBefore, skillsAfter, skillNamesAliased, organizationsBefore, organizationsAfter,
          organizationNamesAliased, durationsParsed, durationsUnparsed, durationsMissing, unparsedDurations, levels,
          languages, n);
    }
  }

  /** The report of one file by name, or null. */
  public FileReport file(String name) {
    return files.stream().filter(f -> f.file().equals(name)).findFirst().orElse(null);
  }

  /** Rows rejected in all files. */
  public long rejectedTotal() { return files.stream().mapToLong(FileReport::rejected).sum(); }

  /** Rows merged in all files. */
  public long mergedTotal() { return files.stream().mapToLong(FileReport::merged).sum(); }

  /** True when every file's rows are all accounted for. */
  public boolean accountsForEveryRow() { return files.stream().allMatch(FileReport::accountsForEveryRow); }

  /** Writes the report as pretty-printed JSON, creating parent directories. */
  public void writeJson(Path file) {
    try {
      if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new DataException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a report written by {@link #writeJson}. */
  public static QualityReport readJson(Path file) {
    try {
      return JSON.readValue(file.toFile(), QualityReport.class);
    } catch (IOException e) {
      throw new DataException("cannot read report " + file + ": " + e.getMessage(), e);
    }
  }

  /** Value mappings shown per line of the text report; the JSON report has them all. */
  private static final int TEXT_MAPPINGS = 12;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The report for people: a table per file, the top reasons, normalisation, examples. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Data quality report for ").append(source).append('\n');
    sb.append(String.format(Locale.ROOT, "%-22s %9s %9s %9s %9s %9s%n", "file", "read", "loaded", "merged", "rejected", "warnings"));
    for (FileReport f : files) {
      if (!f.present()) {
        sb.append(String.format(Locale.ROOT, "%-22s %9s%n", f.file(), "(absent)"));
        continue;
      }
      sb.append(String.format(Locale.ROOT, "%-22s %9d %9d %9d %9d %9d%n", f.file(), f.rowsRead(), f.loaded(), f.merged(), f.rejected(), f.warnings()));
    }
    for (FileReport f : files) {
      if (!f.unknownColumns().isEmpty()) {
        sb.append(f.file()).append(": ignored unknown columns ").append(String.join(", ", f.unknownColumns())).append('\n');
      }
      if (f.reasons().isEmpty()) continue;
      sb.append('\n').append(f.file()).append(" reasons:\n");
      f.reasons().stream().limit(10).forEach(r ->
          sb.append(String.format(Locale.ROOT, "  %8d  %-8s %s%n", r.count(), r.effect(), r.reason())));
    }
    Normalization n = normalization;
    sb.append("\nNormalisation (catalog):\n");
    sb.append(String.format(Locale.ROOT, "  skills          %d distinct as written -> %d after cleaning (%d names changed by aliases)%n",
        n.skillsBefore(), n.skillsAfter(), n.skillNamesAliased()));
    sb.append(String.format(Locale.ROOT, "  organisations   %d distinct as written -> %d after cleaning (%d names changed by aliases)%n",
        n.organizationsBefore(), n.organizationsAfter(), n.organizationNamesAliased()));
    sb.append(String.format(Locale.ROOT, "  durations       %d parsed to hours, %d kept as text, %d missing%n",
        n.durationsParsed(), n.durationsUnparsed(), n.durationsMissing()));
    if (!n.unparsedDurations().isEmpty()) {
      sb.append("  unparsed e.g.   ").append(String.join(" | ", n.unparsedDurations())).append('\n');
    }
    appendMappings(sb, "levels", n.levels());
    appendMappings(sb, "languages", n.languages());
    if (n.interactionsRemapped() > 0) {
      sb.append(String.format(Locale.ROOT, "  interactions    %d pointed at a merged course id and were remapped%n", n.interactionsRemapped()));
    }
    if (!examples.isEmpty()) {
      sb.append("\nExamples:\n");
      for (Example e : examples) sb.append("  ").append(e.location()).append('\n');
    }
    return sb.toString();
  }

  private static void appendMappings(StringBuilder sb, String what, List<ValueMapping> mappings) {
    if (mappings.isEmpty()) return;
    sb.append(String.format(Locale.ROOT, "  %-15s ", what));
    StringBuilder line = new StringBuilder();
    for (ValueMapping m : mappings.subList(0, Math.min(TEXT_MAPPINGS, mappings.size()))) {
      if (!line.isEmpty()) line.append(", ");
      line.append('"').append(m.from()).append("\" -> ").append(m.to().isEmpty() ? "(unknown)" : m.to()).append(" x").append(m.count());
    }
    if (mappings.size() > TEXT_MAPPINGS) line.append(", ... ").append(mappings.size() - TEXT_MAPPINGS).append(" more in the JSON report");
    sb.append(line).append('\n');
  }
}
