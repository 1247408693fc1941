package io.courserec.engine;

/**
 * The feedback store is passingly unusable: locked by another process or transaction, full, unreachable, or past
 * a configured timeout. Nothing of a failed append was stored (or, if the commit itself was cut, a retry with the
 * same event ids is safe). API: 503 {@code store_unavailable} with {@code Retry-After: retryAfterSeconds}.
 */
public final class StoreUnavailableException extends RuntimeException {
  private final String kind;
  private final int retryAfterSeconds;

  /**
   * @param kind lower-case fault kind: {@code locked}, {@code full}, {@code unreachable} or {@code timeout}
   * @param retryAfterSeconds suggested wait before a retry
   */
  public StoreUnavailableException(String kind, int retryAfterSeconds, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public String kind() { return kind; }

  public int retryAfterSeconds() { return retryAfterSeconds; }
}
