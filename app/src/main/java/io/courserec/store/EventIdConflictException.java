package io.courserec.store;

/**
 * An event reuses a (user id, event id) key that is already stored, or used earlier in the same call, with a
 * different course, event type or rating. Nothing of the call is stored. The API answers 409 naming
 * {@link #field()} of event {@link #index()} of the call.
 */
public final class EventIdConflictException extends IllegalArgumentException {
  private final int index;
  private final String field;

  EventIdConflictException(int index, String field, String message) {
    super(message);
    this.index = index;
    this.field = field;
  }

  /** Position of the conflicting event in the appended list, from 0. */
  public int index() { return index; }

  /** The first field that differs from the stored event: {@code course_id}, {@code event} or {@code rating}. */
  public String field() { return field; }
}
