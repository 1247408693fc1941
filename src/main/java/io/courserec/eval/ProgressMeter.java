package io.courserec.eval;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Progress lines for long loops, safe to call from many threads: {@link #advance()} after each unit of work prints
 * a line (done/total, rate, time left) at most once per interval. Printing is decided by a compare-and-set on the
 * time of the last line, so exactly one thread prints per interval and no lock is held while working.
 */
public final class ProgressMeter {
  private final String label;
  private final int total;
  private final long intervalNanos;
  private final Consumer<String> out;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong lastLine = new AtomicLong(start);

  /**
   * @param label what is being done, e.g. "random/itemknn: ranking"
   * @param total units of work
   * @param intervalSeconds least time between two lines
   * @param out receives each line (e.g. {@code System.err::println}); null for silence
   */
  public ProgressMeter(String label, int total, double intervalSeconds, Consumer<String> out) {
    this.label = label;
    this.total = total;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
    this.out = out;
  }

  /** Counts one unit done; may print a progress line. */
  public void advance() {
    int d = done.incrementAndGet();
    if (out == null) return;
    long now = System.nanoTime();
    long last = lastLine.get();
    if (now - last >= intervalNanos && lastLine.compareAndSet(last, now)) {
      double secs = (now - start) / 1e9;
      double rate = d / Math.max(secs, 1e-9);
      out.accept(String.format(Locale.ROOT, "%s %d/%d (%.0f%%), %.0f/s, about %.0f s left",
          label, d, total, 100.0 * d / total, rate, (total - d) / rate));
    }
  }

  /** Units done so far. */
  public int done() { return done.get(); }
}
