package io.courserec.store;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Iterates the events with {@code after < sequence <= upTo} by keyset pagination: one short query per page
 * ({@code seq > last seen ORDER BY seq LIMIT size}), so no cursor, transaction or connection stays open while the
 * caller works through a page, and memory is bounded by the page size. The fixed upper bound makes the iteration
 * finite and, since sequences increase in commit order, an exact snapshot of the log as of its creation.
 */
final class SequencePages implements Iterator<StoredEvent> {
  /** Fetches up to {@code size} events with {@code after < sequence <= upTo}, ascending. */
  @FunctionalInterface
  interface Fetch {
    List<StoredEvent> page(long after, long upTo, int size);
  }

  private final long upTo;
  private final int size;
  private final Fetch fetch;
  private long after;
  private Iterator<StoredEvent> page = Collections.emptyIterator();
  private boolean exhausted;

  SequencePages(long after, long upTo, int size, Fetch fetch) {
    if (size < 1) throw new IllegalArgumentException("page size must be >= 1, got " + size);
    this.after = after;
    this.upTo = upTo;
    this.size = size;
    this.fetch = fetch;
    this.exhausted = after >= upTo;
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext()) {
      if (exhausted) return false;
      List<StoredEvent> next = fetch.page(after, upTo, size);
      if (next.size() < size) exhausted = true;
      if (!next.isEmpty()) after = next.getLast().sequence();
      if (after >= upTo) exhausted = true;
      page = next.iterator();
    }
    return true;
  }

  @Override
  public StoredEvent next() {
    if (!hasNext()) throw new NoSuchElementException();
    return page.next();
  }
}
