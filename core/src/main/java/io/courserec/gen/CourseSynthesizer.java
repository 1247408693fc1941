package io.courserec.gen;

import io.courserec.catalog.Course;
import io.courserec.catalog.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthesises a catalog from a {@link Vocabulary}. Courses per subject are proportional to the subject's weight
 * (largest remainder). Inside a subject, courses come in <em>chains</em>: a track (drawn with Zipf-like weights, so
 * some topics have many courses), an organisation (drawn by the subject's family mix) and a level pattern such as
 * beginner -> intermediate -> advanced; each course lists its predecessor in the chain as prerequisite, and a
 * course that starts a chain above beginner often lists a lower-level course of the same track. Popularity is
 * Zipf-like over a random permutation (log p = -ln(rank + 3) + level bonus), quality is standard normal, and
 * the published rating and rating count derive from them. See docs/generator.md.
 */
final class CourseSynthesizer {
  private static final Level[][] PATTERNS = {
      {Level.BEGINNER}, {Level.BEGINNER, Level.INTERMEDIATE}, {Level.BEGINNER, Level.INTERMEDIATE, Level.ADVANCED},
      {Level.INTERMEDIATE}, {Level.INTERMEDIATE, Level.ADVANCED}, {Level.ADVANCED}, {Level.MIXED}};
  private static final double[] PATTERN_WEIGHTS = {0.20, 0.18, 0.17, 0.12, 0.08, 0.05, 0.10};
  static final List<String> LANGUAGES = List.of("en", "es", "pt", "fr", "de", "zh", "ja");
  private static final double[] COURSE_LANGUAGE_WEIGHTS = {0.86, 0.05, 0.03, 0.02, 0.02, 0.01, 0.01};
  /** s in popularity ~ (rank + 3)^-s. */
  static final double ZIPF_EXPONENT = 1.3;
  private static final double[] LEVEL_POPULARITY_BONUS = {0.3, 0.0, -0.5, 0.1}; // beginner, intermediate, advanced, mixed

  private CourseSynthesizer() {}

  private static final class Draft {
    int index;
    int subject;
    int track;
    Level level;
    String organization;
    OrgFamily family;
    final List<Integer> prerequisites = new ArrayList<>();
    List<String> skills;
    double hours;
    double practice;
    float[] hidden;
    String title;
    String description;
  }

  static SyntheticCatalog synthesize(Vocabulary vocabulary, int numCourses, long seed, Instant start, Instant end) {
    SplittableRandom rng = SeedStreams.stream(seed, SeedStreams.CATALOG, 0);
    List<Vocabulary.Subject> subjects = vocabulary.subjects();
    Map<String, Integer> skillIds = new LinkedHashMap<>();
    List<Integer> trackSubjectList = new ArrayList<>();
    List<int[]> trackSkillList = new ArrayList<>();
    int[] firstTrack = new int[subjects.size()];
    for (int s = 0; s < subjects.size(); s++) {
      firstTrack[s] = trackSubjectList.size();
      for (Vocabulary.Track t : subjects.get(s).tracks()) {
        trackSubjectList.add(s);
        trackSkillList.add(t.skills().stream().mapToInt(k -> skillIds.computeIfAbsent(k, x -> skillIds.size())).toArray());
      }
    }
    int[] counts = apportion(subjects.stream().mapToDouble(Vocabulary.Subject::weight).toArray(), numCourses);

    List<Draft> drafts = new ArrayList<>(numCourses);
    Set<String> titles = new HashSet<>();
    for (int s = 0; s < subjects.size(); s++) {
      Vocabulary.Subject subject = subjects.get(s);
      int nt = subject.tracks().size();
      int[] perm = identity(nt);
      Draws.shuffle(rng, perm);
      double[] trackWeights = new double[nt];
      for (int t = 0; t < nt; t++) trackWeights[t] = 1.0 / StrictMath.pow(perm[t] + 1, 0.6);
      int remaining = counts[s];
      List<List<Draft>> byTrack = new ArrayList<>();
      for (int t = 0; t < nt; t++) byTrack.add(new ArrayList<>());
      while (remaining > 0) {
        int t = Draws.pick(rng, trackWeights);
        OrgFamily family = OrgFamily.values()[Draws.pick(rng, subject.orgShares())];
        List<String> orgs = vocabulary.organizations().get(family);
        String org = orgs.get(rng.nextInt(orgs.size()));
        Level[] pattern = PATTERNS[Draws.pick(rng, PATTERN_WEIGHTS)];
        float[] chainHidden = gaussians(rng, 1.0);
        Draft previous = null;
        for (Level level : pattern) {
          if (remaining == 0) break;
          Draft d = new Draft();
          d.index = drafts.size();
          d.subject = s;
          d.track = firstTrack[s] + t;
          d.level = level;
          d.organization = org;
          d.family = family;
          Draft lower = lowerLevel(rng, byTrack.get(t), rank(level), previous);
          if (previous != null) {
            d.prerequisites.add(previous.index);
            if (lower != null && Draws.chance(rng, 0.15)) d.prerequisites.add(lower.index);
          } else if (lower != null && Draws.chance(rng, 0.6)) {
            d.prerequisites.add(lower.index);
          }
          d.skills = skills(rng, subject, t, level);
          d.hours = hours(rng, family, rank(level));
          d.practice = Draws.clamp(practiceBase(family) + 0.35 * Draws.gaussian(rng), -1, 1);
          float[] own = gaussians(rng, 1.0);
          d.hidden = new float[CourseTraits.HIDDEN];
          for (int k = 0; k < d.hidden.length; k++) d.hidden[k] = (float) (0.6 * chainHidden[k] + 0.8 * own[k]);
          String topic = subject.tracks().get(t).topic();
          d.title = CourseTextWriter.title(rng, level, topic, d.skills, subject.applications(), titles);
          String prereqTitle = d.prerequisites.isEmpty() ? null : drafts.get(d.prerequisites.get(0)).title;
          d.description = CourseTextWriter.description(rng, level, topic, subject.name(), d.skills, subject.terms(),
              subject.applications(), d.practice, d.hours, org, prereqTitle);
          drafts.add(d);
          byTrack.get(t).add(d);
          previous = d;
          remaining--;
        }
      }
    }
    return assemble(rng, vocabulary, drafts, skillIds, trackSubjectList, trackSkillList, start, end);
  }

  private static SyntheticCatalog assemble(SplittableRandom rng, Vocabulary vocabulary, List<Draft> drafts,
                                           Map<String, Integer> skillIds, List<Integer> trackSubjectList,
                                           List<int[]> trackSkillList, Instant start, Instant end) {
    int n = drafts.size();
    int[] order = identity(n);
    Draws.shuffle(rng, order); // order[ordinal] = draft index
    int[] ordinalOf = new int[n];
    for (int o = 0; o < n; o++) ordinalOf[order[o]] = o;
    int width = Math.max(4, String.valueOf(n).length());
    String[] ids = new String[n];
    for (int o = 0; o < n; o++) ids[o] = "C" + "0".repeat(width - String.valueOf(o + 1).length()) + (o + 1);

    int[] popRank = identity(n);
    Draws.shuffle(rng, popRank);
    long startSec = start.getEpochSecond();
    long span = end.getEpochSecond() - startSec;
    List<Course> courses = new ArrayList<>(n);
    CourseTraits[] traits = new CourseTraits[n];
    double maxLogPop = -ZIPF_EXPONENT * StrictMath.log(3) + 0.6;
    for (int o = 0; o < n; o++) {
      Draft d = drafts.get(order[o]);
      int levelIndex = d.level == Level.MIXED ? 3 : d.level.rank();
      double logPop = -ZIPF_EXPONENT * StrictMath.log(popRank[o] + 3.0) + LEVEL_POPULARITY_BONUS[levelIndex] + 0.1 * Draws.gaussian(rng);
      double quality = Draws.gaussian(rng);
      boolean lateLaunch = Draws.chance(rng, 0.2);
      long launch = lateLaunch
          ? startSec + (long) (rng.nextDouble() * (span - 60L * 86400))
          : startSec - (long) (rng.nextDouble() * 3 * 365 * 86400L);
      double exposure = lateLaunch ? (double) (end.getEpochSecond() - launch) / span : 1.0;
      int numRatings = (int) (60000 * StrictMath.exp(logPop - maxLogPop) * Draws.logNormal(rng, 0, 0.5) * exposure);
      Double rating = null;
      if (numRatings < 3) numRatings = 0;
      else rating = Math.round(Draws.clamp(4.45 + 0.22 * quality + 0.12 * Draws.gaussian(rng), 1, 5) * 10) / 10.0;
      int language = Draws.pick(rng, COURSE_LANGUAGE_WEIGHTS);
      int[] prereqOrdinals = d.prerequisites.stream().mapToInt(p -> ordinalOf[p]).toArray();
      List<String> prereqIds = d.prerequisites.stream().map(p -> ids[ordinalOf[p]]).toList();
      int[] skills = d.skills.stream().mapToInt(skillIds::get).toArray();
      traits[o] = new CourseTraits(d.subject, d.track, Math.max(0, d.level.rank()), logPop, quality, d.practice,
          CourseTraits.lengthStyle(d.hours), d.hidden, d.family, language, launch, d.hours, skills, prereqOrdinals);
      String url = "https://learn.example.org/courses/" + slug(d.title) + "-" + ids[o].toLowerCase(Locale.ROOT);
      courses.add(new Course(ids[o], d.title, d.description,
          d.skills.stream().map(CourseTextWriter::display).toList(), d.organization, d.level,
          vocabulary.subjects().get(d.subject).name(), LANGUAGES.get(language), d.hours, "", rating, numRatings, url,
          prereqIds));
    }
    List<Vocabulary.Subject> subjects = vocabulary.subjects();
    return new SyntheticCatalog(courses, traits, subjects.stream().map(Vocabulary.Subject::name).toList(),
        subjects.stream().map(Vocabulary.Subject::group).toList(),
        subjects.stream().mapToDouble(Vocabulary.Subject::weight).toArray(),
        trackSubjectList.stream().mapToInt(Integer::intValue).toArray(), trackSkillList.toArray(int[][]::new),
        skillIds.keySet().stream().map(CourseTextWriter::display).toList(), LANGUAGES);
  }

  /** A course of the same track one level below {@code rank}, other than {@code exclude}; null when none. */
  private static Draft lowerLevel(SplittableRandom rng, List<Draft> track, int rank, Draft exclude) {
    if (rank <= 0) return null;
    List<Draft> lower = track.stream().filter(d -> d != exclude && d.level.rank() == rank - 1).toList();
    return lower.isEmpty() ? null : lower.get(rng.nextInt(lower.size()));
  }

  private static int rank(Level level) { return Math.max(0, level.rank()); }

  /** Track's primary skill, two or three level-appropriate track skills, and sometimes skills of sibling tracks. */
  private static List<String> skills(SplittableRandom rng, Vocabulary.Subject subject, int track, Level level) {
    List<String> core = subject.tracks().get(track).skills();
    Set<String> out = new LinkedHashSet<>();
    out.add(core.get(0));
    int from = switch (level) { case ADVANCED -> Math.min(2, core.size() - 1); default -> 1; };
    int to = switch (level) { case BEGINNER -> Math.min(4, core.size()); default -> core.size(); };
    int want = level == Level.MIXED ? 3 : 2;
    for (int i = 0; i < want * 3 && out.size() < want + 1 && to > from; i++) {
      out.add(core.get(from + rng.nextInt(to - from)));
    }
    int extra = Draws.chance(rng, 0.5) ? (Draws.chance(rng, 0.4) ? 2 : 1) : 0;
    for (int i = 0; i < extra; i++) {
      List<String> other = subject.tracks().get(rng.nextInt(subject.tracks().size())).skills();
      out.add(other.get(rng.nextInt(Math.min(2, other.size()))));
    }
    return List.copyOf(out);
  }

  private static double hours(SplittableRandom rng, OrgFamily family, int rank) {
    double h = switch (family) {
      case TRAINING -> Draws.chance(rng, 0.4) ? 1 + 1.5 * rng.nextDouble() : Draws.logNormal(rng, StrictMath.log(10), 0.5);
      case UNIVERSITY -> Draws.logNormal(rng, StrictMath.log(20 + 10 * rank), 0.5);
      case INDUSTRY -> Draws.logNormal(rng, StrictMath.log(15), 0.6);
      case BUSINESS -> Draws.logNormal(rng, StrictMath.log(18), 0.5);
    };
    return Math.max(0.5, Math.round(Math.min(h, 200) * 2) / 2.0);
  }

  private static double practiceBase(OrgFamily family) {
    return switch (family) {
      case UNIVERSITY -> -0.35;
      case INDUSTRY -> 0.45;
      case TRAINING -> 0.55;
      case BUSINESS -> 0.0;
    };
  }

  private static float[] gaussians(SplittableRandom rng, double sd) {
    float[] v = new float[CourseTraits.HIDDEN];
    for (int k = 0; k < v.length; k++) v[k] = (float) (sd * Draws.gaussian(rng));
    return v;
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    return a;
  }

  /** Largest-remainder apportionment of {@code total} over weights (ties to the lower index). */
  static int[] apportion(double[] weights, int total) {
    double sum = 0;
    for (double w : weights) sum += w;
    int[] out = new int[weights.length];
    double[] rem = new double[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = total * weights[i] / sum;
      out[i] = (int) Math.floor(exact);
      rem[i] = exact - out[i];
      given += out[i];
    }
    while (given < total) {
      int best = 0;
      for (int i = 1; i < rem.length; i++) if (rem[i] > rem[best]) best = i;
      out[best]++;
      rem[best] = -1;
      given++;
    }
    return out;
  }

  static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    return s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
  }
}
