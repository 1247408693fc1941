package io.courserec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The rows of a {@link SoakTest}: one per sample window, written as CSV and as a Markdown report with a summary
 * (requests, errors by status, heap after GC at the start and the end of the run and its maximum, the worst
 * window p99) and the retrain notes.
 */
final class SoakReport {
  private static final long MAX_MICROS = 120_000_000L;

  /** One window's recording; thread-safe. */
  static final class Window {
    private final Recorder latency = new Recorder(MAX_MICROS, 3);
    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** Status -1 is a transport failure; 200 and 201 are successes, anything else an error. */
    void record(String op, long micros, int status) {
      latency.recordValue(Math.min(Math.max(0, micros), MAX_MICROS));
      requests.increment();
      if (status != 200 && status != 201) {
        errors.computeIfAbsent(op + ":" + (status < 0 ? "io" : Integer.toString(status)), k -> new LongAdder()).increment();
      }
    }

    Row row(double elapsedSeconds, long heapAfterGc, long heapUsed, String state) {
      Histogram h = latency.getIntervalHistogram();
      Map<String, Long> e = new TreeMap<>();
      errors.forEach((k, v) -> e.put(k, v.sum()));
      return new Row(elapsedSeconds, requests.sum(), h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, e, heapAfterGc, heapUsed, state);
    }
  }

  /** One sample window. */
  record Row(double elapsedSeconds, long requests, double p50Ms, double p99Ms, double maxMs, Map<String, Long> errors,
             long heapAfterGcBytes, long heapUsedBytes, String state) {
    long errorCount() { return errors.values().stream().mapToLong(Long::longValue).sum(); }

    static String csvHeader() {
      return "elapsed_s,requests,p50_ms,p99_ms,max_ms,errors,heap_after_gc_mb,heap_used_mb,state,error_detail";
    }

    String csv() {
      return String.format(Locale.ROOT, "%.0f,%d,%.1f,%.1f,%.0f,%d,%s,%s,%s,%s", elapsedSeconds, requests, p50Ms, p99Ms,
          maxMs, errorCount(), mb(heapAfterGcBytes), mb(heapUsedBytes), state, errors.isEmpty() ? "" : errors.toString().replace(',', ';'));
    }
  }

  private final Instant started;
  private final String header;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  SoakReport(Instant started, String url, int concurrency, String mix, Duration duration, Duration retrainEvery) {
    this.started = started;
    this.header = String.format("server %s, %d workers, mix %s, %s, retrain every %s", url, concurrency, mix,
        duration, retrainEvery);
  }

  synchronized void add(Row r) { rows.add(r); }

  synchronized void note(String s) {
    notes.add(s);
    System.out.println(s);
  }

  synchronized long totalErrors() { return rows.stream().mapToLong(Row::errorCount).sum(); }

  synchronized String summary() {
    long requests = rows.stream().mapToLong(Row::requests).sum();
    Map<String, Long> errors = new TreeMap<>();
    rows.forEach(r -> r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum)));
    List<Row> withHeap = rows.stream().filter(r -> r.heapAfterGcBytes() >= 0).toList();
    String heap = withHeap.isEmpty() ? "heap after GC not available"
        : String.format(Locale.ROOT, "heap after GC: first window %s MB, last %s MB, max %s MB",
            mb(withHeap.getFirst().heapAfterGcBytes()), mb(withHeap.getLast().heapAfterGcBytes()),
            mb(withHeap.stream().mapToLong(Row::heapAfterGcBytes).max().orElse(-1)));
    double worstP99 = rows.stream().mapToDouble(Row::p99Ms).max().orElse(Double.NaN);
    double seconds = rows.isEmpty() ? 0 : rows.getLast().elapsedSeconds();
    return String.format(Locale.ROOT, "%d requests in %.0f s (%.1f/s), %d errors %s; worst window p99 %.1f ms; %s",
        requests, seconds, seconds > 0 ? requests / seconds : 0, totalErrors(), errors, worstP99, heap);
  }

  synchronized void write(Path outWithoutExtension) throws IOException {
    Path dir = outWithoutExtension.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    StringBuilder csv = new StringBuilder(Row.csvHeader()).append('\n');
    rows.forEach(r -> csv.append(r.csv()).append('\n'));
    Files.writeString(Path.of(outWithoutExtension + ".csv"), csv);
    StringBuilder md = new StringBuilder("# Soak run " + started + "\n\n" + header + "\n\n**" + summary() + "**\n\n");
    md.append("| elapsed s | requests | p50 ms | p99 ms | max ms | errors | heap after GC MB | heap used MB | state |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %.0f | %d | %.1f | %.1f | %.0f | %d | %s | %s | %s |%n", r.elapsedSeconds(),
          r.requests(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.errorCount(), mb(r.heapAfterGcBytes()), mb(r.heapUsedBytes()), r.state()));
    }
    if (!notes.isEmpty()) {
      md.append("\nRetrains:\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    Files.writeString(Path.of(outWithoutExtension + ".md"), md);
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
  }
}
