package io.courserec.catalog;

import java.text.Normalizer;

/**
 * The two forms every free-text name takes during cleaning.
 *
 * <ul>
 *   <li>{@link #clean display form}: Unicode NFKC (full-width letters, ligatures and non-breaking spaces become
 *       their plain forms), all whitespace runs (also no-break, zero-width and byte-order marks) collapsed to one
 *       space, trimmed; case and accents are kept.</li>
 *   <li>{@link #matchKey match key}: the display form with accents stripped (NFD, combining marks removed),
 *       lower-cased, apostrophes deleted, {@code &} read as "and", every other character that is not a letter,
 *       digit, {@code +} or {@code #} turned into a space, spaces collapsed. So {@code "Café-Society"},
 *       {@code "cafe society"} and {@code "CAFÉ  SOCIETY"} share the key {@code "cafe society"}, while
 *       {@code "C++"}, {@code "C#"} and {@code "C"} stay distinct.</li>
 * </ul>
 * Both are hand-written loops rather than regular expressions: they run for every name of every row.
 */
public final class TextNormalizer {
  private static final String EDGE_PUNCTUATION = "\"'.,;:*-\u2018\u2019\u201C\u201D";

  private TextNormalizer() {}

  /** Display form: NFKC, whitespace collapsed, trimmed; null becomes "". */
  public static String clean(String s) {
    if (s == null || s.isEmpty()) return "";
    String n = Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length());
    boolean pendingSpace = false;
    boolean changed = false;
    for (int i = 0; i < n.length(); i++) {
      char ch = n.charAt(i);
      if (isSpace(ch)) {
        changed |= ch != ' ' || pendingSpace || sb.isEmpty();
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && !sb.isEmpty()) sb.append(' ');
      pendingSpace = false;
      sb.append(ch);
    }
    return changed || pendingSpace ? sb.toString() : n;
  }

  /** Display form of a skill: {@link #clean} plus stray quotes and punctuation at both ends removed. */
  public static String cleanTag(String s) {
    return trimPunctuation(clean(s), false);
  }

  /** Display form of a name (organisation): like {@link #cleanTag} but a final dot stays ({@code "MongoDB Inc."}). */
  public static String cleanName(String s) {
    return trimPunctuation(clean(s), true);
  }

  private static String trimPunctuation(String c, boolean keepFinalDot) {
    int from = 0;
    int to = c.length();
    while (from < to && (EDGE_PUNCTUATION.indexOf(c.charAt(from)) >= 0 || c.charAt(from) == ' ')) from++;
    while (to > from && (EDGE_PUNCTUATION.indexOf(c.charAt(to - 1)) >= 0 || c.charAt(to - 1) == ' ')) {
      if (keepFinalDot && c.charAt(to - 1) == '.' && to - 1 > from && Character.isLetter(c.charAt(to - 2))) break;
      to--;
    }
    return c.substring(from, to);
  }

  /** Match key: see the class comment. */
  public static String matchKey(String s) {
    String c = clean(s);
    if (c.isEmpty()) return "";
    String d = isAscii(c) ? c : Normalizer.normalize(c, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    boolean pendingSpace = false;
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
          || cp == '\'' || cp == '\u2019' || cp == '\u02BC' || cp == '`' || cp == '\u00B4') {
        continue;
      }
      if (cp == '&') {
        if (!sb.isEmpty()) sb.append(' ');
        sb.append("and");
        pendingSpace = true;
      } else if (Character.isLetterOrDigit(cp) || cp == '+' || cp == '#') {
        if (pendingSpace && !sb.isEmpty()) sb.append(' ');
        pendingSpace = false;
        sb.appendCodePoint(Character.toLowerCase(cp));
      } else {
        pendingSpace = true;
      }
    }
    return sb.toString();
  }

  /** ASCII slug of the match key ({@code "Café Society!"} gives {@code "cafe-society"}); may be empty for non-Latin text. */
  public static String slug(String s) {
    String k = matchKey(s);
    StringBuilder sb = new StringBuilder(k.length());
    boolean dash = false;
    for (int i = 0; i < k.length(); i++) {
      char ch = k.charAt(i);
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        if (dash && !sb.isEmpty()) sb.append('-');
        dash = false;
        sb.append(ch);
      } else {
        dash = true;
      }
    }
    return sb.toString();
  }

  private static boolean isSpace(char ch) {
    return Character.isWhitespace(ch) || ch == '\u00A0' || ch == '\u2007' || ch == '\u202F' || ch == '\u200B' || ch == '\uFEFF';
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
    return true;
  }
}
