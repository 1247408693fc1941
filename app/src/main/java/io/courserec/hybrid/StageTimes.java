package io.courserec.hybrid;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the time of hybrid requests goes: wall-clock (or, when asked, CPU) nanoseconds summed per {@link Stage} over the requests one
 * {@link HybridRecommender} served (one instance per recommender, not a static counter; thread-safe, two
 * {@code System.nanoTime} calls per stage, always on). Read by benchmarks and the request profile in
 * docs/engine.md.
 */
public final class StageTimes {
  /** The stages of one ranking request, in order. */
  public enum Stage {
    /** history merge, segment, exclusions */
    HISTORY,
    /** MF fold-in or lookup and the k-NN vector search for MF candidates */
    MF,
    /** user-kNN neighbour search and scores */
    USER_KNN,
    /** item-CF normaliser and candidates, and the neighbour-list signals (recent, seq, EASE) */
    NEIGHBOUR_LISTS,
    /** the learner profile and its exactly scored best matches */
    CONTENT,
    /** the one scoring query (candidates retrieved and blended in one pass, top k collected) */
    QUERY,
    /** the returned courses' signal values, confidence and evidence */
    ITEMS
  }

  private final EnumMap<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);
  private final LongAdder requests = new LongAdder();
  private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
  private volatile boolean cpu;

  StageTimes() {
    for (Stage s : Stage.values()) nanos.put(s, new LongAdder());
  }

  /**
   * Measure the requesting thread's CPU time instead of wall-clock time (benchmarks on a shared machine, where
   * waiting for a core would otherwise be counted; each reading costs about a microsecond, so it is off by default).
   */
  public void measureCpu(boolean on) { cpu = on; }

  /** The current reading of the clock in use, in nanoseconds. */
  long now() { return cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime(); }

  void add(Stage stage, long elapsedNanos) { nanos.get(stage).add(elapsedNanos); }

  void request() { requests.increment(); }

  /** Ranking requests recorded so far. */
  public long requests() { return requests.sum(); }

  /** Mean milliseconds per request of each stage (0 before the first request). */
  public Map<Stage, Double> meanMillis() {
    Map<Stage, Double> out = new EnumMap<>(Stage.class);
    long n = Math.max(1, requests.sum());
    nanos.forEach((s, v) -> out.put(s, v.sum() / 1e6 / n));
    return out;
  }

  /** One line: "history 0.02 ms, mf 0.31 ms, …". */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    meanMillis().forEach((s, v) -> sb.append(sb.isEmpty() ? "" : ", ")
        .append(s.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(String.format(Locale.ROOT, " %.3f ms", v)));
    return sb.toString();
  }
}
