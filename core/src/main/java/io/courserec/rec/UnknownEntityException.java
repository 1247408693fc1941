package io.courserec.rec;

/** A learner or course id that the model does not know; the API maps it to 404, the CLI to a one-line error. */
public final class UnknownEntityException extends RuntimeException {
  private final String kind;
  private final String id;

  public UnknownEntityException(String kind, String id) {
    super("unknown " + kind + " '" + id + "'");
    this.kind = kind;
    this.id = id;
  }

  public String kind() { return kind; }
  public String id() { return id; }
}
