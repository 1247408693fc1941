package io.courserec.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Canonical forms of one kind of tag (skills or organisations) across a data set.
 *
 * <p>Each raw name goes through: display cleaning ({@link TextNormalizer#cleanTag} for skills,
 * {@link TextNormalizer#cleanName} for organisations), the alias file's word rewrites,
 * the {@link TextNormalizer#matchKey match key} (for organisations also without a leading "the"), then the
 * whole-name alias lookup. Names with the same resulting key are one tag. The tag's display form is the spelling
 * seen most often among the names that reach the key without a whole-name alias (ties: the first seen), so
 * {@code "Machine Learning"} x3 and {@code "machine learning"} x1 display as {@code "Machine Learning"}; only when
 * every spelling came through an alias ({@code "ML"}) does the alias file's canonical text show.
 *
 * <p>{@link #freeze()} fixes the display forms of the keys seen so far (the catalog), so that names registered
 * later (learners' goals) cannot change how a course's skills are shown.
 */
final class TagVocabulary {
  private final AliasTable aliases;
  private final AliasTable.Kind kind;
  private final Map<String, Map<String, Integer>> spellings = new HashMap<>();
  private final Map<String, String> aliasSpelling = new HashMap<>();
  private final Map<String, String> frozen = new HashMap<>();
  private final Map<String, Resolved> resolved = new HashMap<>();
  private final Set<String> rawNames = new HashSet<>();
  private final Set<String> keys = new HashSet<>();
  private final Set<String> aliasedRaw = new HashSet<>();

  TagVocabulary(AliasTable aliases, AliasTable.Kind kind) {
    this.aliases = aliases;
    this.kind = kind;
  }

  /** Registers one occurrence of a raw name and returns its canonical key ("" for a blank name). */
  String register(String raw) {
    if (raw == null) return "";
    Resolved r = resolved.computeIfAbsent(raw, this::resolve);
    if (r.canonicalKey.isEmpty()) return "";
    String trimmedRaw = raw.strip();
    rawNames.add(trimmedRaw);
    keys.add(r.canonicalKey);
    if (r.aliased) aliasedRaw.add(trimmedRaw);
    if (r.alias == null) {
      spellings.computeIfAbsent(r.canonicalKey, k -> new LinkedHashMap<>()).merge(r.rewritten, 1, Integer::sum);
    } else {
      aliasSpelling.putIfAbsent(r.canonicalKey, r.alias);
    }
    return r.canonicalKey;
  }

  /** What a raw name resolves to; names repeat across rows, so this is computed once per distinct raw name. */
  private record Resolved(String canonicalKey, String rewritten, String alias, boolean aliased) {}

  private Resolved resolve(String raw) {
    String cleaned = kind == AliasTable.Kind.ORGANIZATION ? TextNormalizer.cleanName(raw) : TextNormalizer.cleanTag(raw);
    if (cleaned.isEmpty()) return new Resolved("", "", null, false);
    String rewritten = aliases.rewriteWords(kind, cleaned);
    String plainKey = key(rewritten);
    String alias = aliases.canonical(kind, TextNormalizer.matchKey(rewritten));
    if (alias == null && !plainKey.equals(TextNormalizer.matchKey(rewritten))) alias = aliases.canonical(kind, plainKey);
    String canonicalKey = alias == null ? plainKey : key(alias);
    return new Resolved(canonicalKey, rewritten, alias, !canonicalKey.equals(key(cleaned)));
  }

  /** Display form of a canonical key returned by {@link #register}. */
  String display(String canonicalKey) {
    String f = frozen.get(canonicalKey);
    return f != null ? f : computeDisplay(canonicalKey);
  }

  private String computeDisplay(String canonicalKey) {
    Map<String, Integer> s = spellings.get(canonicalKey);
    if (s == null || s.isEmpty()) {
      String a = aliasSpelling.get(canonicalKey);
      return a == null ? canonicalKey : a;
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : s.entrySet()) {
      if (e.getValue() > bestCount) { best = e.getKey(); bestCount = e.getValue(); }
    }
    return best;
  }

  /** Fixes the display forms of every key seen so far. */
  void freeze() {
    for (String k : keys) frozen.putIfAbsent(k, computeDisplay(k));
  }

  /** Distinct raw names registered (trimmed, otherwise as written). */
  int distinctRaw() { return rawNames.size(); }

  /** Distinct canonical keys. */
  int distinctCanonical() { return keys.size(); }

  /** Distinct raw names whose key was changed by an alias or a word rewrite (not just case or punctuation). */
  int aliasedRaw() { return aliasedRaw.size(); }

  private String key(String name) {
    String k = TextNormalizer.matchKey(name);
    if (kind == AliasTable.Kind.ORGANIZATION && k.startsWith("the ")) k = k.substring(4);
    return k;
  }
}
