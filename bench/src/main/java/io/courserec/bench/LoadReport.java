package io.courserec.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Results of one load test: per phase ({@code steady}, {@code during-retrain}) and operation, an HdrHistogram of
 * latencies in microseconds (3 significant digits, up to 60 s), the error count and the HTTP status counts; plus
 * the measured wall time of each phase, from which throughput = requests / seconds of that phase. Workers record into their own
 * {@link Recorder} and the report merges them, so recording takes no lock.
 */
final class LoadReport {
  static final long MAX_MICROS = 60_000_000L;

  /** One worker's recordings. */
  static final class Recorder {
    final Map<String, Histogram> latencies = new TreeMap<>();
    final Map<String, Long> errors = new TreeMap<>();
    final Map<String, Long> statuses = new TreeMap<>();
    long cacheHits;
    long cacheLookups;

    void record(String phase, String op, long micros, int status, String xCache) {
      String key = phase + " " + op;
      latencies.computeIfAbsent(key, x -> new Histogram(MAX_MICROS, 3)).recordValue(Math.min(micros, MAX_MICROS));
      statuses.merge(key + " " + status, 1L, Long::sum);
      if (status < 200 || status >= 300) errors.merge(key, 1L, Long::sum);
      if (xCache != null && !xCache.equals("bypass")) {
        cacheLookups++;
        if (xCache.equals("hit")) cacheHits++;
      }
    }

    void error(String phase, String op, String kind) {
      String key = phase + " " + op;
      errors.merge(key, 1L, Long::sum);
      statuses.merge(key + " " + kind, 1L, Long::sum);
    }
  }

  private final Map<String, Histogram> latencies = new TreeMap<>();
  private final Map<String, Long> errors = new TreeMap<>();
  private final Map<String, Long> statuses = new TreeMap<>();
  private long cacheHits;
  private long cacheLookups;
  private final Map<String, Double> phaseSeconds;

  /** @param phaseSeconds measured wall time per phase; throughput of a phase divides by its own time */
  LoadReport(Iterable<Recorder> recorders, Map<String, Double> phaseSeconds) {
    this.phaseSeconds = Map.copyOf(phaseSeconds);
    for (Recorder r : recorders) {
      r.latencies.forEach((k, h) -> latencies.computeIfAbsent(k, x -> new Histogram(MAX_MICROS, 3)).add(h));
      r.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
      r.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
      cacheHits += r.cacheHits;
      cacheLookups += r.cacheLookups;
    }
  }

  /**
   * Summary rows keyed by "phase op" (sorted), then "all all" over everything: requests, errors, throughput,
   * p50, p90, p99, max (ms).
   */
  Map<String, Map<String, Object>> rows() {
    Map<String, Histogram> ordered = new LinkedHashMap<>(latencies);
    Histogram all = new Histogram(MAX_MICROS, 3);
    latencies.values().forEach(all::add);
    if (all.getTotalCount() > 0) ordered.put("all all", all);
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    ordered.forEach((key, h) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("requests", h.getTotalCount());
      row.put("errors", key.equals("all all") ? errors.values().stream().mapToLong(Long::longValue).sum()
          : errors.getOrDefault(key, 0L));
      String phase = key.substring(0, key.indexOf(' '));
      double secs = phase.equals("all") ? seconds() : phaseSeconds.getOrDefault(phase, Double.NaN);
      row.put("throughput_per_s", h.getTotalCount() / secs);
      row.put("p50_ms", h.getValueAtPercentile(50) / 1000.0);
      row.put("p90_ms", h.getValueAtPercentile(90) / 1000.0);
      row.put("p99_ms", h.getValueAtPercentile(99) / 1000.0);
      row.put("max_ms", h.getMaxValue() / 1000.0);
      out.put(key, row);
    });
    return out;
  }

  long totalErrors() { return errors.values().stream().mapToLong(Long::longValue).sum(); }
  Map<String, Long> statuses() { return statuses; }
  double seconds() { return phaseSeconds.values().stream().mapToDouble(Double::doubleValue).sum(); }

  /** X-Cache hits / lookups seen by the client; NaN when no response said (uncached mode, or search only). */
  double cacheHitRatio() { return cacheLookups == 0 ? Double.NaN : (double) cacheHits / cacheLookups; }

  String table() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-15s %-10s %9s %7s %10s %8s %8s %8s %9s%n",
        "phase", "op", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms"));
    rows().forEach((key, r) -> {
      String[] po = key.split(" ");
      sb.append(String.format(Locale.ROOT, "%-15s %-10s %9d %7d %10.1f %8.2f %8.2f %8.2f %9.2f%n", po[0], po[1],
          (Long) r.get("requests"), (Long) r.get("errors"), (Double) r.get("throughput_per_s"), (Double) r.get("p50_ms"),
          (Double) r.get("p90_ms"), (Double) r.get("p99_ms"), (Double) r.get("max_ms")));
    });
    if (!Double.isNaN(cacheHitRatio())) sb.append(String.format(Locale.ROOT, "recommendation cache hit ratio (X-Cache): %.3f%n", cacheHitRatio()));
    if (totalErrors() > 0) sb.append("statuses: ").append(statuses).append('\n');
    return sb.toString();
  }
}
