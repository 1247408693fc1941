package io.courserec.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Maps language names and tags to ISO 639-1 codes: {@code "English"}, {@code "en"}, {@code "en-US"},
 * {@code "eng"} give {@code en}; {@code "Español"} and {@code "Spanish"} give {@code es}; {@code "中文"} gives
 * {@code zh}. Names are matched by {@link TextNormalizer#matchKey match key} against the alias file's
 * {@code [languages]} section first, then Java's locale table (codes and English names), then the own-language
 * names of about thirty common languages, and only when all those miss every language's name in its own language
 * (that table is built on first need: it reads every locale's data, which takes a second or two).
 */
public final class LanguageNames {
  private final AliasTable aliases;

  public LanguageNames(AliasTable aliases) {
    this.aliases = aliases;
  }

  /** ISO 639-1 code; empty when the name is unknown. */
  public Optional<String> code(String name) {
    String key = TextNormalizer.matchKey(name);
    if (key.isEmpty()) return Optional.empty();
    String alias = aliases.canonical(AliasTable.Kind.LANGUAGE, key);
    if (alias != null) return Optional.of(alias);
    String code = lookup(key);
    if (code != null) return Optional.of(code);
    String clean = TextNormalizer.clean(name);
    int sep = clean.indexOf('-') > 0 ? clean.indexOf('-') : clean.indexOf('_');
    if (sep > 0) return Optional.ofNullable(lookup(TextNormalizer.matchKey(clean.substring(0, sep))));
    return Optional.empty();
  }

  private static String lookup(String key) {
    String code = English.NAMES.get(key);
    if (code == null) code = COMMON_NATIVE.get(key);
    return code != null ? code : Native.NAMES.get(key);
  }

  /** Own-language names of widely used languages, so the common cases never pay for the full native table. */
  private static final Map<String, String> COMMON_NATIVE = keyed(Map.ofEntries(
      Map.entry("español", "es"), Map.entry("français", "fr"), Map.entry("deutsch", "de"), Map.entry("italiano", "it"),
      Map.entry("português", "pt"), Map.entry("中文", "zh"), Map.entry("日本語", "ja"), Map.entry("한국어", "ko"),
      Map.entry("русский", "ru"), Map.entry("العربية", "ar"), Map.entry("हिन्दी", "hi"), Map.entry("nederlands", "nl"),
      Map.entry("polski", "pl"), Map.entry("türkçe", "tr"), Map.entry("svenska", "sv"), Map.entry("dansk", "da"),
      Map.entry("norsk", "no"), Map.entry("suomi", "fi"), Map.entry("ελληνικά", "el"), Map.entry("עברית", "he"),
      Map.entry("bahasa indonesia", "id"), Map.entry("tiếng việt", "vi"), Map.entry("ไทย", "th"),
      Map.entry("українська", "uk"), Map.entry("čeština", "cs"), Map.entry("magyar", "hu"), Map.entry("română", "ro"),
      Map.entry("català", "ca")));

  private static Map<String, String> keyed(Map<String, String> names) {
    Map<String, String> m = new HashMap<>();
    names.forEach((name, code) -> m.put(TextNormalizer.matchKey(name), code));
    return Map.copyOf(m);
  }

  /** Two- and three-letter codes and English names. */
  private static final class English {
    static final Map<String, String> NAMES = build();

    private static Map<String, String> build() {
      Map<String, String> m = new HashMap<>();
      for (String code : Locale.getISOLanguages()) {
        Locale l = Locale.of(code);
        m.putIfAbsent(code, code);
        try {
          m.putIfAbsent(l.getISO3Language(), code);
        } catch (MissingResourceException ignored) {
          // no three-letter code for this language
        }
        String english = TextNormalizer.matchKey(l.getDisplayLanguage(Locale.ENGLISH));
        if (!english.isEmpty()) m.putIfAbsent(english, code);
      }
      return Map.copyOf(m);
    }
  }

  /** Each language's name in itself ("español", "中文"). */
  private static final class Native {
    static final Map<String, String> NAMES = build();

    private static Map<String, String> build() {
      Map<String, String> m = new HashMap<>();
      for (String code : Locale.getISOLanguages()) {
        Locale l = Locale.of(code);
        String own = TextNormalizer.matchKey(l.getDisplayLanguage(l));
        if (!own.isEmpty()) m.putIfAbsent(own, code);
      }
      return Map.copyOf(m);
    }
  }
}
