package io.courserec.engine;

/** Bad input from a caller; names the field ("k", "events[3].rating") and says what is wrong. API: 400. */
public final class InvalidInputException extends RuntimeException {
  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() { return field; }
}
