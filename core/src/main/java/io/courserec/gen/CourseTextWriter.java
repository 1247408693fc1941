package io.courserec.gen;

import io.courserec.catalog.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Writes course titles and descriptions from templates, so text models see real-looking signal: the title names
 * the track topic, the level and often an application or a skill ("Intermediate SQL for Data Analysis"); the
 * description mentions the skills, subject terms, the hands-on or theoretical style, the workload, and some
 * boiler-plate that carries no signal (as real catalogs do).
 */
final class CourseTextWriter {
  private static final String[] BEGINNER = {
      "Introduction to {T}", "{T} for Beginners", "{T} Fundamentals", "Getting Started with {T}",
      "Foundations of {T}", "{T} Basics", "Learn {T} from Scratch", "Essentials of {T}", "{T} for {A}: First Steps",
      "Beginning {T} with {S}"};
  private static final String[] INTERMEDIATE = {
      "Intermediate {T}", "Intermediate {T} for {A}", "Applied {T}", "{T} for {A}", "Practical {T} with {S}",
      "{T} in Practice", "Hands-on {T} Projects", "{T}: {S} and {S2}", "Building {A} Solutions with {T}",
      "{S} for {A}"};
  private static final String[] ADVANCED = {
      "Advanced {T}", "Advanced {T} for {A}", "Mastering {T}", "{T}: Advanced Techniques", "Expert {T} with {S}",
      "{T} at Scale", "Advanced Topics in {T}", "Deep Dive into {S}", "Advanced {S} and {S2}"};
  private static final String[] MIXED = {
      "{T} Complete Course", "The {T} Bootcamp", "{T} for {A}: From Basics to Advanced", "{T} Specialization",
      "{T} and {S} for Everyone"};
  private static final String[] NOISE = {
      "Subtitles are available in several languages.", "Earn a shareable certificate when you finish.",
      "Deadlines are flexible, so you can learn at your own pace.", "Join a community of learners from around the world.",
      "No special software is required beyond a web browser.", "Each week includes short videos and readings.",
      "Graded assignments help you check your understanding.", "Discussion forums are moderated by teaching assistants.",
      "Course materials can be downloaded for offline study.", "This course is part of a larger program."};
  private static final String[] ROMAN = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  private static final Set<String> ACRONYMS = Set.of("sql", "css", "html", "api", "apis", "ui", "ux", "ai", "etl",
      "olap", "esg", "cad", "ros", "dns", "vpn", "siem", "owasp", "iaas", "npm", "es6", "jsx", "a/b", "r", "c", "c++",
      "dom", "3d", "cia", "rest", "mlops", "ci/cd", "qa", "hr", "seo");
  private static final Map<String, String> SPECIAL = Map.ofEntries(Map.entry("ios", "iOS"),
      Map.entry("node.js", "Node.js"), Map.entry("javascript", "JavaScript"), Map.entry("typescript", "TypeScript"),
      Map.entry("github", "GitHub"), Map.entry("postgresql", "PostgreSQL"), Map.entry("mongodb", "MongoDB"),
      Map.entry("pytorch", "PyTorch"), Map.entry("tensorflow", "TensorFlow"), Map.entry("numpy", "NumPy"),
      Map.entry("pyspark", "PySpark"), Map.entry("opencv", "OpenCV"), Map.entry("swiftui", "SwiftUI"),
      Map.entry("ggplot2", "ggplot2"), Map.entry("tidyverse", "tidyverse"), Map.entry("scikit-learn", "scikit-learn"),
      Map.entry("q-learning", "Q-Learning"), Map.entry("(oop)", "(OOP)"), Map.entry("(html)", "(HTML)"),
      Map.entry("(css)", "(CSS)"), Map.entry("fintech", "Fintech"), Map.entry("lighthouse", "Lighthouse"));
  private static final Set<String> MINOR = Set.of("and", "or", "of", "for", "with", "in", "on", "to", "the", "a", "an");

  private CourseTextWriter() {}

  /** Display form of a canonical lower-case skill: "sql" -> "SQL", "data visualization" -> "Data Visualization". */
  static String display(String skill) {
    return render(skill, true);
  }

  /** Form of a skill inside a sentence: acronyms and brand names cased, other words lower-case ("SQL joins"). */
  static String prose(String skill) {
    return render(skill, false);
  }

  private static String render(String skill, boolean titleCase) {
    String[] words = skill.split(" ");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.isEmpty()) continue;
      if (b.length() > 0) b.append(' ');
      if (SPECIAL.containsKey(w)) b.append(SPECIAL.get(w));
      else if (ACRONYMS.contains(w)) b.append(w.toUpperCase(Locale.ROOT));
      else if (!titleCase || (i > 0 && MINOR.contains(w))) b.append(w);
      else b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return b.toString();
  }

  /**
   * A title not yet in {@code taken} (which it is added to): up to 12 template draws, then a roman-numeral
   * sequel of the last draw.
   */
  static String title(RandomGenerator rng, Level level, String topic, List<String> skills, List<String> applications,
                      Set<String> taken) {
    String[] templates = switch (level) {
      case BEGINNER -> BEGINNER;
      case INTERMEDIATE -> INTERMEDIATE;
      case ADVANCED -> ADVANCED;
      default -> MIXED;
    };
    String t = null;
    for (int attempt = 0; attempt < 12; attempt++) {
      String s1 = display(skills.get(rng.nextInt(skills.size())));
      String s2 = display(skills.get(rng.nextInt(skills.size())));
      String app = applications.get(rng.nextInt(applications.size()));
      String tpl = templates[rng.nextInt(templates.length)];
      if (tpl.contains("{S2}") && s1.equals(s2)) continue;
      t = tpl.replace("{T}", topic).replace("{A}", app).replace("{S2}", s2).replace("{S}", s1);
      if (taken.add(t)) return t;
    }
    if (t == null) t = templates[0].replace("{T}", topic);
    for (String r : ROMAN) {
      String sequel = t + " " + r;
      if (taken.add(sequel)) return sequel;
    }
    for (int n = 2; ; n++) {
      String edition = t + " (Edition " + n + ")";
      if (taken.add(edition)) return edition;
    }
  }

  /** A description of 5-9 sentences; see the class comment for what it carries. */
  static String description(RandomGenerator rng, Level level, String topic, String subject, List<String> skills,
                            List<String> terms, List<String> applications, double practice, double hours,
                            String organization, String prerequisiteTitle) {
    String term1 = terms.get(rng.nextInt(terms.size()));
    String term2 = terms.get(rng.nextInt(terms.size()));
    String app = applications.get(rng.nextInt(applications.size())).toLowerCase(Locale.ROOT);
    String subj = subject.toLowerCase(Locale.ROOT);
    List<String> sentences = new ArrayList<>();
    sentences.add(switch (level) {
      case BEGINNER -> rng.nextBoolean()
          ? "A beginner-friendly introduction to " + topic + " for anyone curious about " + term1 + "."
          : "Start your journey in " + subj + " with this introduction to " + topic + "; no prior experience needed.";
      case INTERMEDIATE -> "Build on the basics of " + topic + " and apply " + prose(skills.get(0)) + " to " + app + ".";
      case ADVANCED -> "An advanced course on " + topic + " for practitioners who already work with "
          + prose(skills.get(0)) + " and want to go further.";
      default -> "A course for all levels that takes you from first principles of " + topic + " to " + app + ".";
    });
    if (prerequisiteTitle != null) {
      sentences.add("It continues where " + prerequisiteTitle + " left off.");
    }
    sentences.add(rng.nextBoolean()
        ? "You will learn " + join(skills) + "."
        : "Topics include " + join(skills) + ".");
    sentences.add("Along the way you will work with " + term1 + (term1.equals(term2) ? "" : " and " + term2)
        + " as they are used in " + subj + ".");
    if (practice > 0.3) {
      sentences.add("The course is hands-on: every module ends with a lab, and you finish with a real-world project.");
    } else if (practice < -0.3) {
      sentences.add("The emphasis is on concepts and principles, with rigorous explanations of the theory behind "
          + topic + ".");
    } else {
      sentences.add("Lectures are combined with short exercises, quizzes and a case study.");
    }
    if (hours <= 3) sentences.add("You can complete it in a single afternoon.");
    else sentences.add("Plan on about " + Math.round(hours) + " hours of study in total.");
    int noise = rng.nextInt(3);
    for (int i = 0; i < noise; i++) sentences.add(NOISE[rng.nextInt(NOISE.length)]);
    if (rng.nextInt(4) == 0) sentences.add("Taught by instructors from " + organization + ".");
    return String.join(" ", sentences);
  }

  /** "a, b and c" with each skill in its prose form. */
  private static String join(List<String> skills) {
    List<String> items = skills.stream().map(CourseTextWriter::prose).toList();
    if (items.size() == 1) return items.get(0);
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
