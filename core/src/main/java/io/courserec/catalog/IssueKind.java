package io.courserec.catalog;

/**
 * Why a row was rejected or merged, or what was fixed in a row that was kept. The {@link #label} is what the
 * quality report counts and shows; the per-row detail (which value, which id) goes into the report's examples.
 */
public enum IssueKind {
  MALFORMED_CSV(Effect.REJECTED, "malformed CSV"),
  FIELD_COUNT(Effect.REJECTED, "wrong number of fields"),
  EMPTY_ROW(Effect.REJECTED, "empty row"),
  MISSING_VALUE(Effect.REJECTED, "missing required value"),
  UNKNOWN_EVENT(Effect.REJECTED, "unknown event type"),
  MISSING_RATING(Effect.REJECTED, "rate event without rating"),
  BAD_RATING(Effect.REJECTED, "rating is not a number"),
  RATING_OUT_OF_RANGE(Effect.REJECTED, "rating out of range 1-5"),
  BAD_TIMESTAMP(Effect.REJECTED, "bad timestamp"),
  UNKNOWN_COURSE(Effect.REJECTED, "unknown course"),
  UNKNOWN_USER(Effect.REJECTED, "unknown user"),
  RATING_OUT_OF_SCALE(Effect.REJECTED, "rating outside the rating scale"),
  /** The learner asked to be forgotten; the example row shows no field (it would show the id). */
  ERASED_LEARNER(Effect.REJECTED, "erased learner"),

  DUPLICATE_ID(Effect.MERGED, "duplicate id"),
  DUPLICATE_TITLE(Effect.MERGED, "duplicate title and organisation"),
  DUPLICATE_EVENT(Effect.MERGED, "duplicate event"),

  BAD_NUMBER(Effect.WARNING, "unreadable number dropped"),
  OUT_OF_RANGE(Effect.WARNING, "number out of range dropped"),
  UNRECOGNISED_LEVEL(Effect.WARNING, "unrecognised level set to unknown"),
  UNRECOGNISED_LANGUAGE(Effect.WARNING, "unrecognised language kept as written"),
  UNKNOWN_PREREQUISITE(Effect.WARNING, "unknown prerequisite dropped"),
  RATING_IGNORED(Effect.WARNING, "rating on a non-rate event ignored"),
  ITEM_NOT_IN_CATALOG(Effect.WARNING, "item not in the item file, titled 'Item <id>'"),
  BAD_GENRE_FLAG(Effect.WARNING, "genre flag other than 0 or 1 ignored");

  /** What happens to the row: rejected, merged into an earlier row, or kept with a field fixed. */
  public enum Effect { REJECTED, MERGED, WARNING }

  private final Effect effect;
  private final String label;

  IssueKind(Effect effect, String label) {
    this.effect = effect;
    this.label = label;
  }

  public Effect effect() { return effect; }
  public String label() { return label; }
}
