package io.courserec.engine;

/**
 * The request contradicts what is stored: an event id reused by the same learner with a different course, event
 * type or rating. Names the field ({@code events[2].course_id}); nothing of the request was stored. API: 409.
 */
public final class ConflictException extends RuntimeException {
  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() { return field; }
}
