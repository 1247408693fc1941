package io.courserec.catalog;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the many ways catalogs name a level onto {@link Level}. The name's {@link TextNormalizer#matchKey match key}
 * is split into words; each level word votes for a level and filler words ({@code level}, {@code to}, ...) are
 * ignored:
 *
 * <ul>
 *   <li>beginner: beginner(s), introductory, intro, introduction, basic(s), elementary, novice, foundational,
 *       foundation(s), entry, starter</li>
 *   <li>intermediate: intermediate, medium, moderate</li>
 *   <li>advanced: advanced, expert, proficient</li>
 *   <li>mixed: mixed, all, any, every, multiple</li>
 * </ul>
 *
 * One level voted: that level ({@code "Beginner Level"}, {@code "Introductory"}). A mixed word or two different
 * levels: {@link Level#MIXED} ({@code "All Levels"}, {@code "Beginner to Advanced"}). No level word: unrecognised
 * (the caller records a warning and uses {@link Level#UNKNOWN}).
 */
public final class LevelNames {
  private static final Map<String, Level> WORDS = Map.ofEntries(
      Map.entry("beginner", Level.BEGINNER), Map.entry("beginners", Level.BEGINNER),
      Map.entry("introductory", Level.BEGINNER), Map.entry("intro", Level.BEGINNER),
      Map.entry("introduction", Level.BEGINNER), Map.entry("basic", Level.BEGINNER),
      Map.entry("basics", Level.BEGINNER), Map.entry("elementary", Level.BEGINNER),
      Map.entry("novice", Level.BEGINNER), Map.entry("foundational", Level.BEGINNER),
      Map.entry("foundation", Level.BEGINNER), Map.entry("foundations", Level.BEGINNER),
      Map.entry("entry", Level.BEGINNER), Map.entry("starter", Level.BEGINNER),
      Map.entry("intermediate", Level.INTERMEDIATE), Map.entry("medium", Level.INTERMEDIATE),
      Map.entry("moderate", Level.INTERMEDIATE),
      Map.entry("advanced", Level.ADVANCED), Map.entry("expert", Level.ADVANCED),
      Map.entry("proficient", Level.ADVANCED),
      Map.entry("mixed", Level.MIXED), Map.entry("all", Level.MIXED), Map.entry("any", Level.MIXED),
      Map.entry("every", Level.MIXED), Map.entry("multiple", Level.MIXED));

  private LevelNames() {}

  /**
   * The level a name means; {@link Level#UNKNOWN} for a blank name; empty when the name is not blank but names no
   * level ({@code "Not specified"}).
   */
  public static Optional<Level> parse(String name) {
    String key = TextNormalizer.matchKey(name);
    if (key.isEmpty()) return Optional.of(Level.UNKNOWN);
    Set<Level> votes = EnumSet.noneOf(Level.class);
    for (String word : key.split(" ")) {
      Level l = WORDS.get(word);
      if (l != null) votes.add(l);
    }
    if (votes.isEmpty()) {
      return Level.fromCode(key);
    }
    if (votes.contains(Level.MIXED) || votes.size() > 1) return Optional.of(Level.MIXED);
    return Optional.of(votes.iterator().next());
  }
}
