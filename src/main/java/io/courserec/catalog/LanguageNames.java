package io.courserec.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps language names and tags to ISO 639-1 codes: {@code "English"}, {@code "en"}, {@code "en-US"},
 * {@code "eng"} give {@code en}; {@code "Español"} and {@code "Spanish"} give {@code es}; {@code "中文"} gives
 * {@code zh}. Names are matched by {@link TextNormalizer#matchKey match key} against the alias file's
 * {@code [languages]} section first, then Java's locale table (each language's English and native name, its two-
 * and three-letter codes).
 */
public final class LanguageNames {
  /** Java's locale table, built on first use (reading every language's display names takes a moment). */
  private static final class BuiltIn {
    static final Map<String, String> NAMES = builtIn();
  }

  private final AliasTable aliases;

  public LanguageNames(AliasTable aliases) {
    this.aliases = aliases;
  }

  /** ISO 639-1 code (or the three-letter code where there is no two-letter one); empty when the name is unknown. */
  public Optional<String> code(String name) {
    String key = TextNormalizer.matchKey(name);
    if (key.isEmpty()) return Optional.empty();
    String alias = aliases.canonical(AliasTable.Kind.LANGUAGE, key);
    if (alias != null) return Optional.of(alias);
    String code = BuiltIn.NAMES.get(key);
    if (code != null) return Optional.of(code);
    String clean = TextNormalizer.clean(name);
    int sep = clean.indexOf('-') > 0 ? clean.indexOf('-') : clean.indexOf('_');
    if (sep > 0) return Optional.ofNullable(BuiltIn.NAMES.get(TextNormalizer.matchKey(clean.substring(0, sep))));
    return Optional.empty();
  }

  private static Map<String, String> builtIn() {
    Map<String, String> m = new HashMap<>();
    for (String code : Locale.getISOLanguages()) {
      Locale l = Locale.of(code);
      m.putIfAbsent(code, code);
      try {
        m.putIfAbsent(l.getISO3Language(), code);
      } catch (java.util.MissingResourceException ignored) {
        // no three-letter code for this language
      }
      String english = TextNormalizer.matchKey(l.getDisplayLanguage(Locale.ENGLISH));
      String nativeName = TextNormalizer.matchKey(l.getDisplayLanguage(l));
      if (!english.isEmpty()) m.putIfAbsent(english, code);
      if (!nativeName.isEmpty()) m.putIfAbsent(nativeName, code);
    }
    return Map.copyOf(m);
  }
}
