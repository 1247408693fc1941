package io.courserec.config;

/** A configuration value is missing, malformed or out of range; the message names the key and the value. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) { super(message); }
}
