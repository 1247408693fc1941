package io.courserec.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Holds the current value (a generation: catalog + index + models) and swaps it atomically (Mahout's
 * {@code Refreshable} contract): a reader {@link #acquire}s a lease and uses one value for its whole request; a swap
 * publishes the new value in one step; the old value is closed when its last lease is released, never while a
 * request still uses it. Leases are reference counts, so readers do not block each other or the swap.
 */
public final class Swappable<T> {
  private final AtomicReference<Holder<T>> current = new AtomicReference<>();
  private final Consumer<T> closer;

  public Swappable(Consumer<T> closer) {
    this.closer = closer;
  }

  /** A use of one value; close it when the request is done. */
  public static final class Lease<T> implements AutoCloseable {
    private final Holder<T> holder;
    private boolean closed;

    private Lease(Holder<T> holder) {
      this.holder = holder;
    }

    public T get() { return holder.value; }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        holder.release();
      }
    }
  }

  private static final class Holder<T> {
    final T value;
    final AtomicInteger refs = new AtomicInteger(1); // 1 = held by Swappable itself
    final Consumer<T> closer;

    Holder(T value, Consumer<T> closer) {
      this.value = value;
      this.closer = closer;
    }

    boolean tryIncRef() {
      while (true) {
        int r = refs.get();
        if (r <= 0) return false;
        if (refs.compareAndSet(r, r + 1)) return true;
      }
    }

    void release() {
      if (refs.decrementAndGet() == 0) closer.accept(value);
    }
  }

  /** Leases the current value, or returns null when none has been set yet. */
  public Lease<T> acquire() {
    while (true) {
      Holder<T> h = current.get();
      if (h == null) return null;
      if (h.tryIncRef()) return new Lease<>(h);
      // lost a race with a swap that released h; the new holder is already published
    }
  }

  /** Publishes {@code next}; the previous value closes once its last lease is released. */
  public void swap(T next) {
    Holder<T> old = current.getAndSet(new Holder<>(next, closer));
    if (old != null) old.release();
  }

  /** The current value without leasing it (for status displays only). */
  public T peek() {
    Holder<T> h = current.get();
    return h == null ? null : h.value;
  }

  /** Releases the current value (closing it when unused). */
  public void clear() {
    Holder<T> old = current.getAndSet(null);
    if (old != null) old.release();
  }
}
