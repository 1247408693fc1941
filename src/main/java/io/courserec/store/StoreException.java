package io.courserec.store;

/**
 * The feedback store could not do its job (database unreachable, disk full, schema newer than this program).
 * When an append throws it, nothing of that call was stored, unless the failure hit the commit itself and the
 * outcome is unknown; retrying with the same event ids is then safe, because appends are idempotent by event id.
 * The API maps it to 503.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) { super(message, cause); }

  public StoreException(String message) { super(message); }
}
