package io.courserec.store;

import java.util.List;

/**
 * Outcome of one append call, known only after the events are committed.
 *
 * @param inserted events newly stored by this call
 * @param duplicateEventIds event ids that were already stored (by an earlier call or earlier in the same batch),
 *     in input order; those events were not stored again
 */
public record AppendResult(int inserted, List<String> duplicateEventIds) {
  /** Nothing stored, nothing duplicate: the result of an empty batch. */
  public static final AppendResult NONE = new AppendResult(0, List.of());

  public AppendResult {
    if (inserted < 0) throw new IllegalArgumentException("inserted must be >= 0, got " + inserted);
    duplicateEventIds = List.copyOf(duplicateEventIds);
  }

  /** Events the caller passed: stored plus duplicates. */
  public int received() { return inserted + duplicateEventIds.size(); }
}
