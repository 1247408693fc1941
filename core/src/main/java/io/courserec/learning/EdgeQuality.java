package io.courserec.learning;

import io.courserec.catalog.Course;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Inferred edges scored against true ones (the generator's {@code prerequisites-truth.csv}): precision = share of
 * inferred edges that are true, recall = share of true edges inferred; an edge is the ordered pair (prerequisite,
 * dependant). The level-only baseline infers "a lower-level course sharing a skill" for every such pair, the
 * rule a catalog without a log would start from.
 */
public record EdgeQuality(int inferred, int truth, int correct) {
  public double precision() { return inferred == 0 ? 0 : (double) correct / inferred; }
  public double recall() { return truth == 0 ? 0 : (double) correct / truth; }

  public String toText() {
    return String.format(Locale.ROOT, "precision %.3f (%d of %d edges true), recall %.3f (%d of %d true edges found)",
        precision(), correct, inferred, recall(), correct, truth);
  }

  /** Scores edges (ordinal pairs) against the true pair set ({@link #key}). */
  public static EdgeQuality of(List<PrerequisiteEdge> edges, Set<Long> truth) {
    int ok = 0;
    for (PrerequisiteEdge e : edges) if (truth.contains(key(e.prerequisite(), e.dependant()))) ok++;
    return new EdgeQuality(edges.size(), truth.size(), ok);
  }

  public static long key(int prerequisite, int dependant) {
    return ((long) prerequisite << 32) | (dependant & 0xffffffffL);
  }

  /** The level-only baseline's edges: every pair sharing a skill whose levels are known and climb. */
  public static EdgeQuality levelBaseline(List<Course> courses, Set<Long> truth) {
    java.util.Map<String, List<Integer>> teaching = new java.util.HashMap<>();
    for (int c = 0; c < courses.size(); c++) {
      for (String s : new java.util.LinkedHashSet<>(courses.get(c).skills())) {
        teaching.computeIfAbsent(s, k -> new java.util.ArrayList<>()).add(c);
      }
    }
    int edges = 0, ok = 0;
    Set<Integer> seen = new HashSet<>();
    for (int b = 0; b < courses.size(); b++) {
      int rb = courses.get(b).level().rank();
      if (rb < 0) continue;
      seen.clear();
      for (String s : courses.get(b).skills()) {
        for (int a : teaching.getOrDefault(s, List.of())) {
          int ra = courses.get(a).level().rank();
          if (ra < 0 || ra >= rb || !seen.add(a)) continue;
          edges++;
          if (truth.contains(key(a, b))) ok++;
        }
      }
    }
    return new EdgeQuality(edges, truth.size(), ok);
  }

  /**
   * Reads {@code course_id,prerequisite_id} rows (with that header) into pair keys; a row naming a course the
   * catalog lacks, or with a wrong number of fields, fails naming the file and line.
   */
  public static Set<Long> readTruth(Path file, java.util.function.ToIntFunction<String> ordinal) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).trim().equals("course_id,prerequisite_id")) {
      throw new IOException(file + ":1: expected the header course_id,prerequisite_id");
    }
    Set<Long> out = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      String[] f = lines.get(i).split(",", -1);
      if (f.length != 2) throw new IOException(file + ":" + (i + 1) + ": expected 2 fields, got " + f.length);
      int d = ordinal.applyAsInt(f[0].trim()), p = ordinal.applyAsInt(f[1].trim());
      if (d < 0 || p < 0) throw new IOException(file + ":" + (i + 1) + ": unknown course " + (d < 0 ? f[0] : f[1]));
      out.add(key(p, d));
    }
    return out;
  }
}
