package io.courserec.learning;

import io.courserec.catalog.Course;
import io.courserec.catalog.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog's skills: each name once (as the catalog spells it after cleaning), which courses teach it, and lookup
 * of what a learner typed. Names match on {@link TextNormalizer#matchKey} (case, spacing, punctuation and accents
 * do not matter). An unknown name raises {@link UnknownSkillException} with up to {@value #SUGGESTIONS} suggestions:
 * names containing the typed key or contained in it first, then the smallest Levenshtein distance between keys
 * (at most a third of the longer key, so "pyton" finds "Python" but "cooking" finds nothing in a tech catalog).
 */
public final class SkillVocabulary {
  static final int SUGGESTIONS = 5;

  private final Map<String, String> nameByKey;
  private final Map<String, int[]> coursesByName;

  private SkillVocabulary(Map<String, String> nameByKey, Map<String, int[]> coursesByName) {
    this.nameByKey = nameByKey;
    this.coursesByName = coursesByName;
  }

  /** The vocabulary of a catalog (course ordinals are list positions); the first spelling of a key wins. */
  public static SkillVocabulary of(List<Course> courses) {
    Map<String, String> byKey = new HashMap<>();
    Map<String, List<Integer>> teach = new TreeMap<>();
    for (int c = 0; c < courses.size(); c++) {
      for (String s : courses.get(c).skills()) {
        String key = TextNormalizer.matchKey(s);
        if (key.isEmpty()) continue;
        String name = byKey.computeIfAbsent(key, k -> s);
        List<Integer> list = teach.computeIfAbsent(name, n -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != c) list.add(c);
      }
    }
    Map<String, int[]> courseMap = new HashMap<>();
    teach.forEach((n, l) -> courseMap.put(n, l.stream().mapToInt(Integer::intValue).toArray()));
    return new SkillVocabulary(byKey, courseMap);
  }

  public int size() { return nameByKey.size(); }

  /** The catalog's name for a skill, or null when no course teaches it. */
  public String canonical(String typed) {
    return typed == null ? null : nameByKey.get(TextNormalizer.matchKey(typed));
  }

  /** The catalog's name for a skill; {@link UnknownSkillException} with close matches when there is none. */
  public String resolve(String typed) {
    String name = canonical(typed);
    if (name == null) throw new UnknownSkillException(typed == null ? "" : typed.trim(), closest(typed));
    return name;
  }

  /** Ordinals of the courses teaching a skill (catalog name), ascending; empty when none. */
  public int[] coursesTeaching(String name) {
    int[] c = coursesByName.get(name);
    return c == null ? new int[0] : c;
  }

  /** Up to {@value #SUGGESTIONS} catalog names close to what was typed, best first (ties by name). */
  public List<String> closest(String typed) {
    String key = TextNormalizer.matchKey(typed == null ? "" : typed);
    if (key.isEmpty()) return List.of();
    record Match(String name, int distance) {}
    List<Match> found = new ArrayList<>();
    for (Map.Entry<String, String> e : nameByKey.entrySet()) {
      String k = e.getKey();
      int d;
      if (k.contains(key) || key.contains(k)) {
        d = Math.abs(k.length() - key.length()) == 0 ? 0 : 1; // containment ranks with a one-letter typo
      } else {
        d = levenshtein(key, k);
        if (d * 3 > Math.max(key.length(), k.length())) continue;
      }
      found.add(new Match(e.getValue(), d));
    }
    found.sort(Comparator.comparingInt(Match::distance)
        .thenComparing(m -> m.name().toLowerCase(Locale.ROOT)));
    return found.stream().limit(SUGGESTIONS).map(Match::name).toList();
  }

  /** Edit distance (insert, delete, substitute, each 1) by the two-row dynamic programme. */
  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
