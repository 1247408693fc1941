package io.courserec.catalog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synonyms for skills, organisations and languages, read from the alias file ({@code config/aliases.txt}, key
 * {@code catalog.aliases}; its header documents the format). The file has sections; each line in a section is
 * {@code variant = canonical}:
 *
 * <ul>
 *   <li>{@code [skills]}, {@code [organizations]}: whole-name aliases ({@code ML = Machine Learning}).</li>
 *   <li>{@code [skill-words]}, {@code [organization-words]}: word rewrites applied to every name before the
 *       whole-name lookup ({@code Univ = University} turns {@code "Univ. of Iceland"} into
 *       {@code "University of Iceland"}).</li>
 *   <li>{@code [languages]}: language names to ISO 639-1 codes where Java's locale table does not know them.</li>
 * </ul>
 *
 * Variants are compared by {@link TextNormalizer#matchKey match key}, so case, accents, punctuation and spacing
 * do not matter. Chains are followed ({@code a = b}, {@code b = c} maps a to c); a cycle, a line without
 * {@code =}, an entry outside a section or an unknown section is a {@link DataException} naming file and line.
 */
public final class AliasTable {
  /** The kinds of names that take aliases. */
  public enum Kind {
    SKILL("skills", "skill-words"), ORGANIZATION("organizations", "organization-words"), LANGUAGE("languages", null);

    private final String section;
    private final String wordSection;

    Kind(String section, String wordSection) {
      this.section = section;
      this.wordSection = wordSection;
    }
  }

  private static final Pattern SECTION = Pattern.compile("^\\[([a-z-]+)]$");

  private final Map<Kind, Map<String, String>> names;
  private final Map<Kind, Map<String, String>> words;

  private AliasTable(Map<Kind, Map<String, String>> names, Map<Kind, Map<String, String>> words) {
    this.names = names;
    this.words = words;
  }

  /** No aliases at all. */
  public static AliasTable empty() {
    return parse(List.of(), "(none)");
  }

  /** Reads an alias file; a missing or unreadable file is a {@link DataException}. */
  public static AliasTable load(Path file) {
    if (!Files.isRegularFile(file)) throw new DataException("alias file not found: " + file);
    try {
      return parse(Files.readAllLines(file), file.toString());
    } catch (CharacterCodingException e) {
      throw new DataException("alias file " + file + " is not valid UTF-8", e);
    } catch (IOException e) {
      throw new DataException("cannot read alias file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses alias-file lines; {@code source} names the file in error messages. */
  public static AliasTable parse(List<String> lines, String source) {
    Map<Kind, Map<String, String>> raw = new EnumMap<>(Kind.class);
    Map<Kind, Map<String, String>> rawWords = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      raw.put(k, new LinkedHashMap<>());
      rawWords.put(k, new LinkedHashMap<>());
    }
    Map<String, String> target = null;
    Kind targetKind = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = TextNormalizer.clean(lines.get(i));
      if (line.isEmpty() || line.startsWith("#")) continue;
      String where = source + ":" + (i + 1);
      Matcher m = SECTION.matcher(line.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        target = null;
        for (Kind k : Kind.values()) {
          if (k.section.equals(m.group(1))) { target = raw.get(k); targetKind = k; }
          if (m.group(1).equals(k.wordSection)) { target = rawWords.get(k); targetKind = k; }
        }
        if (target == null) throw new DataException(where + ": unknown section [" + m.group(1) + "]");
        continue;
      }
      if (target == null) throw new DataException(where + ": entry before the first [section]");
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1) throw new DataException(where + ": expected 'variant = canonical', got '" + line + "'");
      String variant = TextNormalizer.matchKey(line.substring(0, eq));
      String canonical = TextNormalizer.cleanTag(line.substring(eq + 1));
      if (variant.isEmpty() || canonical.isEmpty()) throw new DataException(where + ": empty variant or canonical name in '" + line + "'");
      if (targetKind == Kind.LANGUAGE) canonical = canonical.toLowerCase(Locale.ROOT);
      String previous = target.put(variant, canonical);
      if (previous != null && !TextNormalizer.matchKey(previous).equals(TextNormalizer.matchKey(canonical))) {
        throw new DataException(where + ": '" + line.substring(0, eq).strip() + "' already maps to '" + previous + "'");
      }
    }
    Map<Kind, Map<String, String>> resolved = new EnumMap<>(Kind.class);
    Map<Kind, Map<String, String>> resolvedWords = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      resolved.put(k, Collections.unmodifiableMap(followChains(raw.get(k), source)));
      resolvedWords.put(k, Collections.unmodifiableMap(rawWords.get(k)));
    }
    return new AliasTable(resolved, resolvedWords);
  }

  private static Map<String, String> followChains(Map<String, String> aliases, String source) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : aliases.entrySet()) {
      String canonical = e.getValue();
      List<String> seen = new ArrayList<>(List.of(e.getKey()));
      String next;
      while ((next = aliases.get(TextNormalizer.matchKey(canonical))) != null) {
        String nextKey = TextNormalizer.matchKey(canonical);
        if (TextNormalizer.matchKey(next).equals(nextKey)) {
          canonical = next; // "a = machine-learning" and "machine learning = Machine Learning": take the spelling
          break;
        }
        if (seen.contains(nextKey)) {
          throw new DataException(source + ": alias cycle " + String.join(" -> ", seen) + " -> " + nextKey);
        }
        seen.add(nextKey);
        canonical = next;
      }
      out.put(e.getKey(), canonical);
    }
    return out;
  }

  /** Canonical display name for a whole-name alias, or null when the match key has none. */
  public String canonical(Kind kind, String matchKey) {
    return names.get(kind).get(matchKey);
  }

  /**
   * Applies the word rewrites of {@code kind} to a display-form name, keeping the rest of it as written
   * ({@code "Univ. of Iceland"} with {@code univ = University} gives {@code "University of Iceland"}).
   */
  public String rewriteWords(Kind kind, String display) {
    Map<String, String> w = words.get(kind);
    if (w.isEmpty() || display.isEmpty()) return display;
    StringBuilder out = new StringBuilder();
    Matcher m = WORD.matcher(display);
    int last = 0;
    while (m.find()) {
      String replacement = w.get(TextNormalizer.matchKey(m.group(1)));
      if (replacement == null) continue;
      out.append(display, last, m.start()).append(replacement);
      last = m.end();
    }
    if (last == 0) return display;
    return out.append(display, last, display.length()).toString();
  }

  private static final Pattern WORD = Pattern.compile("([\\p{L}\\p{N}]+)\\.?");

  /** Number of whole-name aliases of a kind (for logging). */
  public int size(Kind kind) { return names.get(kind).size(); }
}
