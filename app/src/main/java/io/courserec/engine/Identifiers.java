package io.courserec.engine;

/**
 * The one rule for learner, course and event ids on every input path (API query, path and body fields, CLI
 * options): 1..{@value #MAX_LENGTH} characters; no control or format character (Unicode categories Cc, Cf: NUL,
 * newline, DEL, zero-width and bidi controls), no line or paragraph separator; no unpaired UTF-16 surrogate (it
 * would not survive UTF-8 storage); and no leading or trailing whitespace (padding makes two ids that look the same,
 * and was silently trimmed in some places but not others). Such ids are refused, never repaired.
 */
public final class Identifiers {
  /** Longest id, in UTF-16 characters; the store's schema enforces the same bound. */
  public static final int MAX_LENGTH = 256;

  private Identifiers() {}

  /** Why {@code id} is not acceptable, as a phrase to follow the field name, or null when it is. */
  public static String problem(String id) {
    if (id == null || id.isEmpty()) return "is required";
    if (id.length() > MAX_LENGTH) return "is longer than " + MAX_LENGTH + " characters";
    if (isPadding(id.charAt(0)) || isPadding(id.charAt(id.length() - 1))) {
      return "must not start or end with whitespace";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
          i++;
          continue;
        }
        return "holds an unpaired surrogate " + hex(c) + " at position " + i;
      }
      if (Character.isLowSurrogate(c)) return "holds an unpaired surrogate " + hex(c) + " at position " + i;
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return "holds the control character " + hex(c) + " at position " + i;
      }
    }
    return null;
  }

  private static boolean isPadding(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static String hex(char c) {
    return String.format("U+%04X", (int) c);
  }
}
