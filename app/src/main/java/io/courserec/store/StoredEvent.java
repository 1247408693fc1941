package io.courserec.store;

import io.courserec.catalog.Interaction;
import java.time.Instant;
import java.util.Objects;

/**
 * An interaction as stored: the event itself plus what the store added on receipt.
 *
 * @param sequence position in the store's total order, assigned on commit; strictly increasing in commit order
 *     (a reader that has seen sequence {@code s} will never later see a new event with a smaller one), starting
 *     at 1, not necessarily dense (a rolled-back append may leave a gap)
 * @param receivedAt server time when the append that stored the event ran, in microseconds precision
 * @param interaction the event exactly as appended (timestamps keep nanoseconds)
 */
public record StoredEvent(long sequence, Instant receivedAt, Interaction interaction) {
  public StoredEvent {
    if (sequence < 1) throw new IllegalArgumentException("sequence must be >= 1, got " + sequence);
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(interaction, "interaction");
  }
}
