package io.courserec.cbr;

import io.courserec.catalog.EventType;
import java.util.EnumMap;
import java.util.Objects;

/**
 * One ingredient of a learner profile: a declared goal or interest, or a course from the learner's history, with
 * its unit TF-IDF vectors per part and its signed weight (negative for dismissed or badly rated courses).
 *
 * @param kind what the source is
 * @param text the declared goal/interest as the learner wrote it, or the history course's title
 * @param courseId the history course, null for declared sources
 * @param event the strongest event on a history course (drives the wording of explanations), null otherwise
 * @param weight signed profile weight: {@code cbr.weight.goal}, {@code cbr.weight.interest}, or the summed event weights
 * @param vectors unit vectors per part (empty vectors where the source has nothing)
 */
public record ProfileSource(Kind kind, String text, String courseId, EventType event, double weight,
                            EnumMap<ContentField, TermVector> vectors) {
  /** Where a source comes from. */
  public enum Kind { GOAL, INTEREST, HISTORY }

  public ProfileSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(vectors, "vectors");
    if (!Double.isFinite(weight)) throw new IllegalArgumentException("source weight must be finite, got " + weight);
  }

  public TermVector vector(ContentField f) {
    TermVector v = vectors.get(f);
    return v == null ? TermVector.EMPTY : v;
  }

  /** How the source is named in an explanation. */
  public String describe() {
    return switch (kind) {
      case GOAL -> "matches your goal *" + text + "*";
      case INTEREST -> "matches your interest *" + text + "*";
      case HISTORY -> "similar to *" + text + "*, which you " + verb(event);
    };
  }

  private static String verb(EventType e) {
    if (e == null) return "looked at";
    return switch (e) {
      case COMPLETE -> "completed";
      case ENROLL -> "enrolled in";
      case RATE -> "rated highly";
      case BOOKMARK -> "bookmarked";
      case VIEW -> "viewed";
      case DISMISS -> "dismissed";
    };
  }
}
