package io.courserec.gen;

import io.courserec.catalog.Course;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Adopts a given catalog for the simulation by deriving the latent traits the synthesiser would have drawn:
 * subjects from the {@code subject} column (empty -> "general"); a course's track is its skill that is most frequent
 * within its subject (at least three courses), else the subject as a whole; rank from the level; prerequisites from
 * the column (unknown ids ignored); popularity from {@code num_ratings} (log scale, Zipf-drawn when missing); quality
 * from the standardised rating; the practice style from hands-on vs theory words in the description; the length
 * style from {@code duration_hours}; the organisation family from words in the organisation's name; hidden factors
 * drawn at random. Every course counts as launched before the window.
 */
final class CatalogAdapter {
  private static final Set<String> PRACTICE_WORDS = Set.of("hands-on", "project", "projects", "lab", "labs",
      "practical", "build", "apply", "real-world", "exercises", "guided", "practice");
  private static final Set<String> THEORY_WORDS = Set.of("theory", "theoretical", "concepts", "principles",
      "foundations", "mathematical", "proofs", "rigorous", "fundamentals", "research");

  private CatalogAdapter() {}

  static SyntheticCatalog adopt(List<Course> courses, long seed, Instant start, Instant end) {
    if (courses.isEmpty()) throw new IllegalArgumentException("the catalog has no courses");
    SplittableRandom rng = SeedStreams.stream(seed, SeedStreams.CATALOG, 1);
    int n = courses.size();
    Map<String, Integer> subjectIds = new LinkedHashMap<>();
    int[] subject = new int[n];
    for (int c = 0; c < n; c++) {
      String s = courses.get(c).subject().isBlank() ? "general" : courses.get(c).subject().strip();
      subject[c] = subjectIds.computeIfAbsent(s, k -> subjectIds.size());
    }
    int ns = subjectIds.size();
    Map<String, Integer> skillIds = new LinkedHashMap<>(); // by lower-case key; the first spelling is the name
    List<String> skillNames = new ArrayList<>();
    int[][] skills = new int[n][];
    List<Map<Integer, Integer>> df = new ArrayList<>();
    for (int s = 0; s < ns; s++) df.add(new HashMap<>());
    for (int c = 0; c < n; c++) {
      skills[c] = courses.get(c).skills().stream().map(String::strip).filter(k -> !k.isEmpty())
          .mapToInt(k -> skillIds.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> {
            skillNames.add(k);
            return skillIds.size();
          })).distinct().toArray();
      for (int k : skills[c]) df.get(subject[c]).merge(k, 1, Integer::sum);
    }
    // tracks: (subject, dominant skill) or (subject, general)
    Map<Long, Integer> trackIds = new LinkedHashMap<>();
    List<Integer> trackSubject = new ArrayList<>();
    int[] track = new int[n];
    for (int c = 0; c < n; c++) {
      int best = -1;
      int bestDf = 2;
      for (int k : skills[c]) {
        int f = df.get(subject[c]).get(k);
        if (f > bestDf || (f == bestDf && best >= 0 && k < best)) {
          best = k;
          bestDf = f;
        }
      }
      long key = ((long) subject[c] << 32) | (best & 0xffffffffL);
      int s = subject[c];
      track[c] = trackIds.computeIfAbsent(key, x -> {
        trackSubject.add(s);
        return trackIds.size();
      });
    }
    int[][] trackSkills = trackSkills(trackIds.size(), track, skills);

    Map<String, Integer> ordinal = new HashMap<>();
    for (int c = 0; c < n; c++) ordinal.putIfAbsent(courses.get(c).id(), c);
    List<String> languages = new ArrayList<>(List.of("en"));
    double[] ratings = courses.stream().filter(c -> c.rating() != null).mapToDouble(Course::rating).toArray();
    double ratingMean = Arrays.stream(ratings).average().orElse(4.5);
    double ratingSd = Math.max(0.1, Math.sqrt(Arrays.stream(ratings).map(r -> (r - ratingMean) * (r - ratingMean))
        .average().orElse(0.04)));
    int maxRatings = courses.stream().filter(c -> c.numRatings() != null).mapToInt(Course::numRatings).max().orElse(0);
    CourseTraits[] traits = new CourseTraits[n];
    long startSec = start.getEpochSecond();
    for (int c = 0; c < n; c++) {
      Course course = courses.get(c);
      double logPop = course.numRatings() != null && maxRatings > 0
          ? StrictMath.log((course.numRatings() + 10.0) / (maxRatings + 10.0)) + 0.3 * Draws.gaussian(rng)
          : -StrictMath.log(rng.nextInt(n) + 3.0);
      double quality = course.rating() != null ? Draws.clamp((course.rating() - ratingMean) / ratingSd, -3, 3)
          : 0.5 * Draws.gaussian(rng);
      double hours = course.durationHours() != null && course.durationHours() > 0 ? course.durationHours() : 15.0;
      float[] hidden = new float[CourseTraits.HIDDEN];
      for (int k = 0; k < hidden.length; k++) hidden[k] = (float) Draws.gaussian(rng);
      String lang = normaliseLanguage(course.language());
      if (!languages.contains(lang)) languages.add(lang);
      int self = c;
      int[] prereqs = course.prerequisites().stream().map(ordinal::get).filter(p -> p != null && p != self)
          .mapToInt(Integer::intValue).distinct().toArray();
      long launch = startSec - 86400L - (long) (rng.nextDouble() * 2 * 365 * 86400L);
      traits[c] = new CourseTraits(subject[c], track[c], Math.max(0, course.level().rank()), logPop, quality,
          Draws.clamp(practice(course.description()) + 0.2 * Draws.gaussian(rng), -1, 1),
          CourseTraits.lengthStyle(hours), hidden, family(course.organization()), languages.indexOf(lang),
          launch, hours, skills[c], prereqs);
    }
    double[] demand = new double[ns];
    for (int s : subject) demand[s]++;
    List<String> names = List.copyOf(subjectIds.keySet());
    return new SyntheticCatalog(courses, traits, names, names, demand,
        trackSubject.stream().mapToInt(Integer::intValue).toArray(), trackSkills, skillNames,
        languages);
  }

  /** Per track, its skills by how many of its courses list them (most first, ties by id), at most six. */
  private static int[][] trackSkills(int numTracks, int[] track, int[][] skills) {
    List<Map<Integer, Integer>> counts = new ArrayList<>();
    for (int t = 0; t < numTracks; t++) counts.add(new HashMap<>());
    for (int c = 0; c < track.length; c++) for (int k : skills[c]) counts.get(track[c]).merge(k, 1, Integer::sum);
    int[][] out = new int[numTracks][];
    for (int t = 0; t < numTracks; t++) {
      out[t] = counts.get(t).entrySet().stream()
          .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(6).mapToInt(Map.Entry::getKey).toArray();
    }
    return out;
  }

  static String normaliseLanguage(String language) {
    String l = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    return l.isEmpty() || l.equals("english") ? "en" : l;
  }

  /** +0.3 per hands-on word, -0.3 per theory word in the description, clamped to [-1, 1]. */
  static double practice(String description) {
    int p = 0;
    int q = 0;
    for (String w : description.toLowerCase(Locale.ROOT).split("[^a-z-]+")) {
      if (PRACTICE_WORDS.contains(w)) p++;
      if (THEORY_WORDS.contains(w)) q++;
    }
    return Draws.clamp(0.3 * (p - q), -1, 1);
  }

  /** Organisation family from words in its name; vendors are the fallback. */
  static OrgFamily family(String organization) {
    String o = organization.toLowerCase(Locale.ROOT);
    if (o.matches(".*\\b(business|management|economics|finance)\\b.*") && o.matches(".*\\b(school|institute|center|centre)\\b.*")) {
      return OrgFamily.BUSINESS;
    }
    if (o.matches(".*(universit|college|institut|polytechnic|école|ecole|school).*")) return OrgFamily.UNIVERSITY;
    if (o.matches(".*\\b(network|academy|bootcamp|training|instructor|learning|project)\\b.*")) return OrgFamily.TRAINING;
    return OrgFamily.INDUSTRY;
  }
}
