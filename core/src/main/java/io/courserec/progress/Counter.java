package io.courserec.progress;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Units of work done out of a total, safe to advance from many threads. The listener hears about it at most once per
 * interval while the work runs (a compare-and-set on the time of the last report picks the one thread that reports,
 * so no lock is held while working) and once when the counter is closed. Rate and time left are derived from the
 * elapsed time, so a renderer needs nothing else.
 */
public final class Counter implements AutoCloseable {
  /** Receives a counter's reports; called from the working threads, so it must be quick and thread-safe. */
  public interface Listener {
    /** Ignores everything. */
    Listener SILENT = new Listener() {
      @Override
      public void update(Counter c) { }

      @Override
      public void finished(Counter c) { }
    };

    /** The counter moved (at most once per interval). */
    void update(Counter c);

    /** The counter was closed: the loop ended (normally or not). */
    void finished(Counter c);
  }

  private final String label;
  private final long total;
  private final long intervalNanos;
  private final Listener listener;
  private final long start = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong lastReport = new AtomicLong(start);
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param label what is counted, e.g. "random/itemknn: ranking"
   * @param total units of work; 0 or less when unknown
   * @param intervalNanos least time between two {@link Listener#update} calls
   * @param listener receives the reports
   */
  public Counter(String label, long total, long intervalNanos, Listener listener) {
    this.label = label;
    this.total = total;
    this.intervalNanos = intervalNanos;
    this.listener = listener;
  }

  /** Counts one unit done. */
  public void advance() {
    advance(1);
  }

  /** Counts {@code n} units done. */
  public void advance(long n) {
    done.addAndGet(n);
    maybeReport();
  }

  /** Sets the units done (for work that reports absolute counts, e.g. after each block). */
  public void set(long units) {
    done.set(units);
    maybeReport();
  }

  private void maybeReport() {
    long now = System.nanoTime();
    long last = lastReport.get();
    if (now - last >= intervalNanos && lastReport.compareAndSet(last, now)) listener.update(this);
  }

  /** Ends the count; the listener hears of it once, however often this is called. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) listener.finished(this);
  }

  /** What is counted. */
  public String label() { return label; }

  /** Units of work in all; 0 or less when unknown. */
  public long total() { return total; }

  /** Units done so far. */
  public long done() { return done.get(); }

  /** Seconds since the counter was made. */
  public double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Units per second so far; 0 before the first unit. */
  public double ratePerSecond() {
    double s = elapsedSeconds();
    return s <= 0 ? 0 : done() / s;
  }

  /** Fraction done in [0, 1]; NaN when the total is unknown. */
  public double fraction() {
    return total <= 0 ? Double.NaN : Math.min(1.0, (double) done() / total);
  }

  /** Seconds left at the rate so far; NaN when the total is unknown or nothing is done yet. */
  public double secondsLeft() {
    double rate = ratePerSecond();
    if (total <= 0 || rate <= 0) return Double.NaN;
    return Math.max(0, total - done()) / rate;
  }
}
