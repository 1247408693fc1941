package io.courserec.engine;

/** No generation loaded yet (start-up, or every model directory was unusable). API: 503. */
public final class NotReadyException extends RuntimeException {
  public NotReadyException(String message) { super(message); }
}
