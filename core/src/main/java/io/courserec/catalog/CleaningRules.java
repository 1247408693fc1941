package io.courserec.catalog;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything cleaning depends on besides the data: aliases, duration assumptions, language names, the default
 * language and how many example rows the report keeps. Built once per load from the configuration.
 *
 * @param defaultLanguage language code for courses without one ("" leaves it unknown)
 * @param maxExamples example rows per file in the quality report
 */
public record CleaningRules(AliasTable aliases, DurationParser durations, LanguageNames languages,
                            String defaultLanguage, int maxExamples) {
  private static final Logger log = LoggerFactory.getLogger(CleaningRules.class);

  /**
   * Rules from configuration. The alias file ({@code catalog.aliases}; empty for none) is looked up as given, then
   * relative to the installation ({@code courserec.home}); a named file that exists nowhere is a
   * {@link DataException}.
   */
  public static CleaningRules from(Config config) {
    String aliasPath = config.string(ConfigKey.ALIASES_FILE);
    AliasTable aliases = aliasPath.isBlank() ? AliasTable.empty() : AliasTable.load(resolve(aliasPath));
    log.debug("aliases: {} skills, {} organisations, {} languages", aliases.size(AliasTable.Kind.SKILL),
        aliases.size(AliasTable.Kind.ORGANIZATION), aliases.size(AliasTable.Kind.LANGUAGE));
    String lang = config.string(ConfigKey.DEFAULT_LANGUAGE).strip().toLowerCase(Locale.ROOT);
    return new CleaningRules(aliases, new DurationParser(config.number(ConfigKey.HOURS_PER_WEEK)),
        new LanguageNames(aliases), lang, config.integer(ConfigKey.REPORT_EXAMPLES));
  }

  /** Default rules without aliases (tests, tools). */
  public static CleaningRules withoutAliases(Config config) {
    return new CleaningRules(AliasTable.empty(), new DurationParser(config.number(ConfigKey.HOURS_PER_WEEK)),
        new LanguageNames(AliasTable.empty()), config.string(ConfigKey.DEFAULT_LANGUAGE).strip().toLowerCase(Locale.ROOT),
        config.integer(ConfigKey.REPORT_EXAMPLES));
  }

  private static Path resolve(String path) {
    Path p = Path.of(path);
    if (p.isAbsolute() || Files.isRegularFile(p)) return p;
    String home = System.getProperty("courserec.home");
    if (home != null) {
      Path h = Path.of(home).resolve(p);
      if (Files.isRegularFile(h)) return h;
    }
    throw new DataException("alias file not found: " + path + " (catalog.aliases; set it empty to clean without aliases)");
  }
}
