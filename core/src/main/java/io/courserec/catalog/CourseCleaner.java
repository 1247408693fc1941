package io.courserec.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@link CourseDraft}s into clean {@link Course}s, merging duplicates as they arrive.
 *
 * <p>Rejected: no id, no title. Merged into the first row seen: the same id, or (when the organisation is known)
 * the same title and organisation match keys; the merged-away id keeps pointing at the kept course
 * ({@link CleanCatalog#resolve}). Without an organisation two equal titles are not evidence of one course and
 * are kept apart. Field fixes (warnings): unreadable or out-of-range numbers dropped (rating outside [0, 5],
 * negative counts, non-positive hours), unrecognised level set to unknown, unrecognised language kept as written,
 * prerequisites that are not in the catalog dropped. Each row is counted in the report exactly once as loaded,
 * merged or rejected. Merge policy: {@link CourseMerge}.
 */
final class CourseCleaner {
  private final CleaningRules rules;
  private final ReportCollector report;
  private final TagVocabulary skills;
  private final TagVocabulary organizations;
  private final Map<String, CourseMerge> byId = new LinkedHashMap<>();
  private final Map<String, CourseMerge> byTitleOrg = new HashMap<>();
  private final Map<String, String> mergedIds = new HashMap<>();
  private final Map<String, Map<String, Long>> levelMappings = new TreeMap<>();
  private final Map<String, Map<String, Long>> languageMappings = new TreeMap<>();
  private final Set<String> unparsedDurations = new LinkedHashSet<>();
  private long durationsParsed;
  private long durationsUnparsed;
  private long durationsMissing;

  CourseCleaner(CleaningRules rules, ReportCollector report) {
    this.rules = rules;
    this.report = report;
    this.skills = new TagVocabulary(rules.aliases(), AliasTable.Kind.SKILL);
    this.organizations = new TagVocabulary(rules.aliases(), AliasTable.Kind.ORGANIZATION);
  }

  /** The skill vocabulary, shared with learners' interests and goals. */
  TagVocabulary skills() { return skills; }

  /** Cleans one row (already counted as read) and records its outcome. */
  void add(CourseDraft d) {
    String id = FieldValues.text(d.id());
    String title = TextNormalizer.clean(FieldValues.text(d.title()));
    if (id == null) {
      report.issue(d.file(), d.line(), IssueKind.MISSING_VALUE, "course_id is empty", d.excerpt());
      return;
    }
    if (title.isEmpty()) {
      report.issue(d.file(), d.line(), IssueKind.MISSING_VALUE, "title is empty", d.excerpt());
      return;
    }
    CourseMerge c = new CourseMerge(id, title, d.file(), d.line());
    c.description = TextNormalizer.clean(FieldValues.text(d.description()));
    for (String s : d.skills()) {
      String k = skills.register(s);
      if (!k.isEmpty()) c.skillKeys.add(k);
    }
    c.organizationKey = organizations.register(FieldValues.text(d.organization()));
    c.level = level(d);
    c.subject = TextNormalizer.clean(FieldValues.text(d.subject()));
    c.language = language(d);
    duration(d, c);
    c.rating = rating(d);
    c.numRatings = count(d);
    c.url = FieldValues.text(d.url()) == null ? "" : d.url().strip();
    for (String p : d.prerequisites()) c.prerequisites.add(p.strip());

    CourseMerge existing = byId.get(mergedIds.getOrDefault(id, id));
    String titleOrg = c.organizationKey.isEmpty() ? null : TextNormalizer.matchKey(title) + "\u0001" + c.organizationKey;
    if (existing != null) {
      existing.absorb(c);
      IssueKind kind = d.idGenerated() ? IssueKind.DUPLICATE_TITLE : IssueKind.DUPLICATE_ID;
      report.issue(d.file(), d.line(), kind, "merged into '" + existing.id + "' from line " + existing.line, d.excerpt());
      return;
    }
    existing = titleOrg == null ? null : byTitleOrg.get(titleOrg);
    if (existing != null) {
      existing.absorb(c);
      mergedIds.put(id, existing.id);
      report.issue(d.file(), d.line(), IssueKind.DUPLICATE_TITLE,
          "'" + id + "' merged into '" + existing.id + "' from line " + existing.line, d.excerpt());
      return;
    }
    byId.put(id, c);
    if (titleOrg != null) byTitleOrg.put(titleOrg, c);
    report.loaded(d.file());
  }

  private Level level(CourseDraft d) {
    String raw = FieldValues.text(d.level());
    if (raw == null) return Level.UNKNOWN;
    var parsed = LevelNames.parse(raw);
    String shown = TextNormalizer.clean(raw);
    levelMappings.computeIfAbsent(shown, k -> new TreeMap<>()).merge(parsed.map(Level::code).orElse(""), 1L, Long::sum);
    if (parsed.isEmpty()) {
      report.issue(d.file(), d.line(), IssueKind.UNRECOGNISED_LEVEL, "'" + shown + "'", d.excerpt());
      return Level.UNKNOWN;
    }
    return parsed.get();
  }

  private String language(CourseDraft d) {
    String raw = FieldValues.text(d.language());
    if (raw == null) return rules.defaultLanguage();
    String shown = TextNormalizer.clean(raw);
    var code = rules.languages().code(raw);
    languageMappings.computeIfAbsent(shown, k -> new TreeMap<>()).merge(code.orElse(""), 1L, Long::sum);
    if (code.isEmpty()) {
      report.issue(d.file(), d.line(), IssueKind.UNRECOGNISED_LANGUAGE, "'" + shown + "'", d.excerpt());
      return shown.toLowerCase(java.util.Locale.ROOT);
    }
    return code.get();
  }

  private void duration(CourseDraft d, CourseMerge c) {
    String hoursField = FieldValues.text(d.durationHours());
    String text = FieldValues.text(d.durationText());
    Double hours = null;
    if (hoursField != null) {
      Double n = FieldValues.number(hoursField);
      if (n == null) {
        if (text == null) text = hoursField;
      } else if (n > 0) {
        hours = n;
      } else {
        report.issue(d.file(), d.line(), IssueKind.OUT_OF_RANGE, "duration_hours " + hoursField + " is not positive", d.excerpt());
      }
    }
    c.durationText = TextNormalizer.clean(text);
    if (hours == null && text != null) hours = rules.durations().hours(text);
    c.durationHours = hours;
    if (hours != null) {
      durationsParsed++;
    } else if (text != null) {
      durationsUnparsed++;
      if (unparsedDurations.size() < 10) unparsedDurations.add(c.durationText);
    } else {
      durationsMissing++;
    }
  }

  private Double rating(CourseDraft d) {
    String raw = FieldValues.text(d.rating());
    if (raw == null) return null;
    Double r = FieldValues.number(raw);
    if (r == null) {
      report.issue(d.file(), d.line(), IssueKind.BAD_NUMBER, "rating '" + raw + "'", d.excerpt());
    } else if (r < 0 || r > 5) {
      report.issue(d.file(), d.line(), IssueKind.OUT_OF_RANGE, "rating " + raw + " outside [0, 5]", d.excerpt());
      return null;
    }
    return r;
  }

  private Integer count(CourseDraft d) {
    String raw = FieldValues.text(d.numRatings());
    if (raw == null) return null;
    Integer n = FieldValues.count(raw);
    if (n == null) report.issue(d.file(), d.line(), IssueKind.BAD_NUMBER, "num_ratings '" + raw + "'", d.excerpt());
    return n;
  }

  /** Finishes the catalog: display forms, prerequisites resolved, normalisation statistics into the report. */
  CleanCatalog finish() {
    skills.freeze();
    organizations.freeze();
    List<Course> courses = new ArrayList<>(byId.size());
    for (CourseMerge c : byId.values()) {
      List<String> prereqs = new ArrayList<>();
      for (String p : c.prerequisites) {
        String target = byId.containsKey(p) ? p : mergedIds.get(p);
        if (target == null) {
          report.issue(c.file, c.line, IssueKind.UNKNOWN_PREREQUISITE, "'" + p + "' of course '" + c.id + "'", "");
        } else if (!target.equals(c.id) && !prereqs.contains(target)) {
          prereqs.add(target);
        }
      }
      courses.add(c.toCourse(skills, organizations, prereqs));
    }
    Set<String> skillsAfter = new HashSet<>();
    Set<String> organizationsAfter = new HashSet<>();
    for (Course c : courses) {
      skillsAfter.addAll(c.skills());
      if (!c.organization().isEmpty()) organizationsAfter.add(c.organization());
    }
    report.normalization(new QualityReport.Normalization(
        skills.distinctRaw(), skillsAfter.size(), skills.aliasedRaw(),
        organizations.distinctRaw(), organizationsAfter.size(), organizations.aliasedRaw(),
        durationsParsed, durationsUnparsed, durationsMissing, List.copyOf(unparsedDurations),
        mappings(levelMappings), mappings(languageMappings), 0));
    return new CleanCatalog(courses, mergedIds);
  }

  private static List<QualityReport.ValueMapping> mappings(Map<String, Map<String, Long>> m) {
    List<QualityReport.ValueMapping> out = new ArrayList<>();
    m.forEach((from, tos) -> tos.forEach((to, n) -> out.add(new QualityReport.ValueMapping(from, to, n))));
    out.sort((a, b) -> Long.compare(b.count(), a.count()));
    return out;
  }
}
