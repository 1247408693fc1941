package io.courserec.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cleans users.csv rows into {@link Learner}s. Rejected: no {@code user_id}. Interests and goals are normalised
 * with the catalog's skill vocabulary and aliases (so a goal "ML" meets courses teaching "Machine Learning");
 * level and language as for courses, but a missing language stays empty (no preference) rather than taking the
 * catalog default. A repeated id is merged into the first row: interests and goals united, the first known level
 * and language kept.
 */
final class LearnerCleaner {
  static final String FILE = "users.csv";

  private final CleaningRules rules;
  private final ReportCollector report;
  private final TagVocabulary tags;
  private final Map<String, Draft> byId = new LinkedHashMap<>();

  LearnerCleaner(CleaningRules rules, ReportCollector report, TagVocabulary skillVocabulary) {
    this.rules = rules;
    this.report = report;
    this.tags = skillVocabulary;
  }

  /** Cleans one well-formed row (already counted as read). */
  void add(CsvRow row) {
    String id = FieldValues.text(row.get("user_id"));
    if (id == null) {
      report.issue(row.file(), row.line(), IssueKind.MISSING_VALUE, "user_id is empty", row.excerpt());
      return;
    }
    Draft d = new Draft(row.line());
    for (String s : FieldValues.list(row.get("interests"))) addTag(d.interests, s);
    for (String s : FieldValues.list(row.get("goals"))) addTag(d.goals, s);
    String level = FieldValues.text(row.get("level"));
    if (level != null) {
      var parsed = LevelNames.parse(level);
      if (parsed.isEmpty()) report.issue(row.file(), row.line(), IssueKind.UNRECOGNISED_LEVEL, "'" + level + "'", row.excerpt());
      d.level = parsed.orElse(Level.UNKNOWN);
    }
    String lang = FieldValues.text(row.get("language"));
    if (lang != null) {
      var code = rules.languages().code(lang);
      if (code.isEmpty()) report.issue(row.file(), row.line(), IssueKind.UNRECOGNISED_LANGUAGE, "'" + lang + "'", row.excerpt());
      d.language = code.orElse(TextNormalizer.clean(lang).toLowerCase(java.util.Locale.ROOT));
    }
    Draft first = byId.get(id);
    if (first != null) {
      first.interests.addAll(d.interests);
      first.goals.addAll(d.goals);
      if (first.level == Level.UNKNOWN) first.level = d.level;
      if (first.language.isEmpty()) first.language = d.language;
      report.issue(row.file(), row.line(), IssueKind.DUPLICATE_ID, "merged into '" + id + "' from line " + first.line, row.excerpt());
      return;
    }
    byId.put(id, d);
    report.loaded(row.file());
  }

  private void addTag(Set<String> keys, String raw) {
    String k = tags.register(raw);
    if (!k.isEmpty()) keys.add(k);
  }

  /** The learners in first-seen order. */
  List<Learner> finish() {
    List<Learner> out = new ArrayList<>(byId.size());
    byId.forEach((id, d) -> out.add(new Learner(id, display(d.interests), display(d.goals), d.level, d.language)));
    return out;
  }

  private List<String> display(Set<String> keys) {
    List<String> out = new ArrayList<>(keys.size());
    for (String k : keys) out.add(tags.display(k));
    return out;
  }

  private static final class Draft {
    final long line;
    final Set<String> interests = new LinkedHashSet<>();
    final Set<String> goals = new LinkedHashSet<>();
    Level level = Level.UNKNOWN;
    String language = "";

    Draft(long line) { this.line = line; }
  }
}
