package io.courserec.engine;

import java.util.List;

/** @param duplicateEventIds event ids already stored before (idempotent replays); not stored again */
public record FeedbackResult(int accepted, int duplicates, List<String> duplicateEventIds) {}
