package io.courserec.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable tally behind a {@link QualityReport}: each row read is counted once as loaded, merged or rejected, and
 * warnings are counted per reason. Examples: the first row of each reason in a file is always kept, further rows
 * while the reason has fewer than {@value #EXAMPLES_PER_REASON} and the file fewer than {@code maxExamples}, so one
 * frequent reason cannot crowd out the others. Not thread-safe; one loader fills it.
 */
final class ReportCollector {
  private static final int EXCERPT_CHARS = 120;
  static final int EXAMPLES_PER_REASON = 5;

  private final int maxExamples;
  private final Map<String, Tally> files = new LinkedHashMap<>();
  private QualityReport.Normalization normalization = emptyNormalization();

  ReportCollector(int maxExamples) {
    this.maxExamples = maxExamples;
  }

  /** Declares a file (in report order); an absent optional file is listed with {@code present=false}. */
  void file(String file, boolean present) {
    files.computeIfAbsent(file, f -> new Tally()).present = present;
  }

  void unknownColumns(String file, List<String> columns) {
    tally(file).unknownColumns.addAll(columns);
  }

  void read(String file) { tally(file).read++; }

  void loaded(String file) { tally(file).loaded++; }

  /** Counts the row as read; rejects it (and returns false) when it is malformed as a whole. */
  boolean accept(CsvRow row) {
    read(row.file());
    if (row.problem() == null) return true;
    issue(row.file(), row.line(), row.problem(), row.problemDetail(), row.excerpt());
    return false;
  }

  /** Records an issue; a rejected or merged issue is the row's outcome, a warning is not. */
  void issue(String file, long line, IssueKind kind, String detail, String excerpt) {
    Tally t = tally(file);
    switch (kind.effect()) {
      case REJECTED -> t.rejected++;
      case MERGED -> t.merged++;
      case WARNING -> t.warnings++;
    }
    t.reasons.merge(kind, 1L, Long::sum);
    long shown = t.exampled.merge(kind, 1L, Long::sum);
    if (maxExamples > 0 && (shown == 1 || (shown <= EXAMPLES_PER_REASON && t.examples.size() < maxExamples))) {
      String ex = excerpt == null ? "" : excerpt.replaceAll("[\\r\\n]+", " ");
      if (ex.length() > EXCERPT_CHARS) ex = ex.substring(0, EXCERPT_CHARS - 3) + "...";
      t.examples.add(new QualityReport.Example(file, line, effectName(kind), kind.label(), detail == null ? "" : detail, ex));
    }
  }

  void normalization(QualityReport.Normalization n) { this.normalization = n; }

  QualityReport.Normalization normalization() { return normalization; }

  /** Rows rejected so far in a file. */
  long rejected(String file) { return tally(file).rejected; }

  QualityReport build(String source) {
    List<QualityReport.FileReport> out = new ArrayList<>();
    List<QualityReport.Example> examples = new ArrayList<>();
    for (Map.Entry<String, Tally> e : files.entrySet()) {
      Tally t = e.getValue();
      List<QualityReport.ReasonCount> reasons = new ArrayList<>();
      t.reasons.forEach((k, n) -> reasons.add(new QualityReport.ReasonCount(effectName(k), k.label(), n)));
      reasons.sort(Comparator.comparingLong(QualityReport.ReasonCount::count).reversed());
      out.add(new QualityReport.FileReport(e.getKey(), t.present, t.read, t.loaded, t.merged, t.rejected, t.warnings,
          List.copyOf(t.unknownColumns), reasons));
      List<QualityReport.Example> sorted = new ArrayList<>(t.examples);
      sorted.sort(Comparator.comparingLong(QualityReport.Example::line));
      examples.addAll(sorted);
    }
    return new QualityReport(source, out, normalization, examples);
  }

  private Tally tally(String file) {
    // rows of one file come in long runs: remember the last file's tally instead of hashing its name per row
    if (file.equals(lastFile)) return lastTally;
    lastTally = files.computeIfAbsent(file, f -> new Tally());
    lastFile = file;
    return lastTally;
  }

  private String lastFile;
  private Tally lastTally;

  private static String effectName(IssueKind k) {
    return k.effect().name().toLowerCase(java.util.Locale.ROOT);
  }

  static QualityReport.Normalization emptyNormalization() {
    return new QualityReport.Normalization(0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), 0);
  }

  private static final class Tally {
    boolean present = true;
    long read;
    long loaded;
    long merged;
    long rejected;
    long warnings;
    final List<String> unknownColumns = new ArrayList<>();
    final Map<IssueKind, Long> reasons = new EnumMap<>(IssueKind.class);
    final Map<IssueKind, Long> exampled = new EnumMap<>(IssueKind.class);
    final List<QualityReport.Example> examples = new ArrayList<>();
  }
}
