package io.courserec.catalog;

/**
 * A fatal problem with an input file: missing or unreadable file, missing required column, duplicate header,
 * invalid encoding, a broken alias file. The message is one line naming the file (and the column or line when there
 * is one), fit to show the user as is. Problems with single rows are never fatal: they go into the
 * {@link QualityReport}.
 */
public final class DataException extends RuntimeException {
  public DataException(String message) { super(message); }
  public DataException(String message, Throwable cause) { super(message, cause); }
}
