package io.courserec.learning;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The prerequisite graph over a catalog's course ordinals: acyclic by construction. {@link #of} keeps the candidate
 * edges strongest first ({@link PrerequisiteEdge#STRONGEST_FIRST}) and drops an edge when the graph kept so far
 * already leads from its dependant to its prerequisite (it would close a cycle); dropped edges are kept as the cycle
 * report ({@link #broken()}). So a cycle loses its weakest edge, given edges beat inferred ones, and equal
 * confidences fall back to ordinal order: the same input always gives the same graph.
 *
 * <p>Saved with the model version as a tab-separated file ({@value #FILE}): a header line, then one line per edge,
 * {@code edge|broken, prerequisite id, dependant id, confidence, source}, ids rather than ordinals so the file
 * reads on its own.
 */
public final class PrerequisiteGraph {
  public static final String FILE = "prerequisites.tsv";
  private static final String HEADER = "# courserec prerequisite graph v1: kind\tprerequisite_id\tdependant_id\tconfidence\tsource";

  private final int numCourses;
  private final List<PrerequisiteEdge> edges;
  private final List<PrerequisiteEdge> broken;
  private final int[][] prerequisites;
  private final float[][] confidences;

  private PrerequisiteGraph(int numCourses, List<PrerequisiteEdge> edges, List<PrerequisiteEdge> broken) {
    this.numCourses = numCourses;
    this.edges = List.copyOf(edges);
    this.broken = List.copyOf(broken);
    int[] count = new int[numCourses];
    for (PrerequisiteEdge e : edges) count[e.dependant()]++;
    prerequisites = new int[numCourses][];
    confidences = new float[numCourses][];
    for (int c = 0; c < numCourses; c++) {
      prerequisites[c] = new int[count[c]];
      confidences[c] = new float[count[c]];
    }
    int[] fill = new int[numCourses];
    List<PrerequisiteEdge> sorted = new ArrayList<>(edges);
    sorted.sort(PrerequisiteEdge.STRONGEST_FIRST);
    for (PrerequisiteEdge e : sorted) {
      int d = e.dependant();
      prerequisites[d][fill[d]] = e.prerequisite();
      confidences[d][fill[d]++] = e.confidence();
    }
  }

  /** A graph with no edges. */
  public static PrerequisiteGraph empty(int numCourses) {
    return new PrerequisiteGraph(numCourses, List.of(), List.of());
  }

  /**
   * The acyclic graph of the candidate edges (see the class comment). Self-loops count as cycles; a repeated
   * (prerequisite, dependant) pair keeps its strongest copy and drops the rest silently.
   */
  public static PrerequisiteGraph of(int numCourses, List<PrerequisiteEdge> candidates) {
    List<PrerequisiteEdge> sorted = new ArrayList<>(candidates);
    sorted.sort(PrerequisiteEdge.STRONGEST_FIRST);
    List<List<Integer>> next = new ArrayList<>(numCourses); // prerequisite -> dependants kept so far
    for (int c = 0; c < numCourses; c++) next.add(new ArrayList<>(2));
    java.util.Set<Long> seen = new java.util.HashSet<>();
    List<PrerequisiteEdge> kept = new ArrayList<>();
    List<PrerequisiteEdge> dropped = new ArrayList<>();
    int[] mark = new int[numCourses];
    int stamp = 0;
    for (PrerequisiteEdge e : sorted) {
      if (!seen.add(((long) e.prerequisite() << 32) | e.dependant())) continue;
      stamp++;
      if (e.prerequisite() == e.dependant() || reaches(next, e.dependant(), e.prerequisite(), mark, stamp)) {
        dropped.add(e);
      } else {
        kept.add(e);
        next.get(e.prerequisite()).add(e.dependant());
      }
    }
    return new PrerequisiteGraph(numCourses, kept, dropped);
  }

  /** Depth-first search over kept edges: does {@code from} lead to {@code to}? */
  private static boolean reaches(List<List<Integer>> next, int from, int to, int[] mark, int stamp) {
    int[] stack = new int[16];
    int top = 0;
    stack[top++] = from;
    mark[from] = stamp;
    while (top > 0) {
      int c = stack[--top];
      if (c == to) return true;
      for (int d : next.get(c)) {
        if (mark[d] == stamp) continue;
        mark[d] = stamp;
        if (top == stack.length) stack = Arrays.copyOf(stack, top * 2);
        stack[top++] = d;
      }
    }
    return false;
  }

  public int numCourses() { return numCourses; }

  /** Edges kept. */
  public List<PrerequisiteEdge> edges() { return edges; }

  /** Edges dropped because they closed a cycle (the cycle report). */
  public List<PrerequisiteEdge> broken() { return broken; }

  /** Direct prerequisites of a course, strongest first (not copied: do not modify). */
  public int[] prerequisitesOf(int course) { return prerequisites[course]; }

  /** Confidences aligned with {@link #prerequisitesOf}. */
  public float[] confidencesOf(int course) { return confidences[course]; }

  /** Number of kept edges per source. */
  public Map<EdgeSource, Integer> countsBySource() {
    Map<EdgeSource, Integer> m = new EnumMap<>(EdgeSource.class);
    for (EdgeSource s : EdgeSource.values()) m.put(s, 0);
    for (PrerequisiteEdge e : edges) m.merge(e.source(), 1, Integer::sum);
    return m;
  }

  /** Courses with at least one prerequisite. */
  public int dependants() {
    int n = 0;
    for (int[] p : prerequisites) if (p.length > 0) n++;
    return n;
  }

  /** Writes {@value #FILE} into {@code dir}; {@code ids} maps ordinals to course ids. */
  public void save(Path dir, java.util.function.IntFunction<String> ids) throws IOException {
    Files.createDirectories(dir);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (PrerequisiteEdge e : edges) line(w, "edge", e, ids);
      for (PrerequisiteEdge e : broken) line(w, "broken", e, ids);
    }
  }

  private static void line(BufferedWriter w, String kind, PrerequisiteEdge e, java.util.function.IntFunction<String> ids)
      throws IOException {
    w.write(kind + '\t' + ids.apply(e.prerequisite()) + '\t' + ids.apply(e.dependant()) + '\t'
        + String.format(Locale.ROOT, "%.4f", e.confidence()) + '\t' + e.source().code() + '\n');
  }

  /**
   * Reads a graph saved by {@link #save}. The edges are taken as saved (they were acyclic when written); a line
   * naming a course the catalog lacks, or otherwise malformed, fails with the file and line.
   *
   * @param ordinals course id to ordinal, -1 when unknown
   */
  public static PrerequisiteGraph load(Path dir, int numCourses, java.util.function.ToIntFunction<String> ordinals)
      throws IOException {
    Path file = dir.resolve(FILE);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) throw new IOException(file + ":1: not a prerequisite graph file");
    List<PrerequisiteEdge> kept = new ArrayList<>();
    List<PrerequisiteEdge> dropped = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      try {
        if (f.length != 5) throw new IllegalArgumentException("expected 5 tab-separated fields, got " + f.length);
        int p = ordinals.applyAsInt(f[1]);
        int d = ordinals.applyAsInt(f[2]);
        if (p < 0 || d < 0) throw new IllegalArgumentException("unknown course id " + (p < 0 ? f[1] : f[2]));
        PrerequisiteEdge e = new PrerequisiteEdge(p, d, Float.parseFloat(f[3]), EdgeSource.fromCode(f[4]));
        switch (f[0]) {
          case "edge" -> kept.add(e);
          case "broken" -> dropped.add(e);
          default -> throw new IllegalArgumentException("unknown kind '" + f[0] + "'");
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new PrerequisiteGraph(numCourses, kept, dropped);
  }
}
