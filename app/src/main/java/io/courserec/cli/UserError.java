package io.courserec.cli;

/** An expected failure caused by the user's input (missing file, bad argument): printed as one line, exit code 2. */
public final class UserError extends RuntimeException {
  public UserError(String message) { super(message); }
  public UserError(String message, Throwable cause) { super(message, cause); }
}
