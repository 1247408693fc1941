package io.courserec.learning;

import io.courserec.catalog.Course;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Plans a path over one catalog and its prerequisite graph.
 *
 * <p><b>Choosing courses</b> (greedy set cover with prerequisites): while gap skills remain uncovered, every course
 * teaching one of them, not taken and within the level limit, is priced with its <em>closure</em>, itself plus every
 * prerequisite (transitively) the learner has neither taken nor already planned. A closure that breaks a limit
 * (steps, hours, a prerequisite above the level limit) is out. The best closure maximises
 * <pre>  utility = (gap skills the closure covers / courses in it) x (1 + preference of the course)</pre>
 * where preference is the hybrid's score for the learner divided by their best (0 when not ranked): coverage per
 * course decides, the hybrid breaks near-ties. Equal utilities go to the lower level, then the higher preference,
 * then the lower ordinal. The whole closure joins the plan.
 *
 * <p><b>Ordering</b>: Kahn's topological sort of the planned courses along the graph's edges, taking among the
 * ready ones the lowest level first (mixed/unknown as intermediate), then the order of choice. So every
 * prerequisite precedes its dependants (or was taken) and levels climb wherever the edges allow.
 */
public final class PathPlanner {
  private final List<Course> courses;
  private final PrerequisiteGraph graph;
  private final SkillVocabulary vocabulary;
  private final String graphSource;

  public PathPlanner(List<Course> courses, PrerequisiteGraph graph, SkillVocabulary vocabulary, String graphSource) {
    this.courses = courses;
    this.graph = graph;
    this.vocabulary = vocabulary;
    this.graphSource = graphSource;
  }

  public PrerequisiteGraph graph() { return graph; }
  public SkillVocabulary vocabulary() { return vocabulary; }
  public String graphSource() { return graphSource; }

  /**
   * What the planner knows of the learner, by course ordinal.
   *
   * @param taken how the learner took each course ("completed", "rated", "enrolled in"), null when not taken
   * @param preference hybrid score divided by the learner's best, in [0,1]; 0 when not ranked
   * @param confidence the hybrid's calibrated confidence, NaN when not ranked
   */
  public record Learner(LearnerSkills skills, String[] taken, float[] preference, float[] confidence) {}

  public LearningPath plan(Learner learner, PathLimits limits) {
    Set<String> uncovered = new LinkedHashSet<>(learner.skills().gap());
    List<Integer> chosen = new ArrayList<>();            // in order of choice
    Map<Integer, Integer> neededBy = new HashMap<>();    // prerequisite added for this dependant
    boolean[] inPlan = new boolean[courses.size()];
    double hours = 0;
    while (!uncovered.isEmpty() && chosen.size() < limits.maxCourses()) {
      Candidate best = null;
      Set<Integer> seen = new java.util.HashSet<>();
      for (String skill : uncovered) {
        for (int c : vocabulary.coursesTeaching(skill)) {
          if (!seen.add(c) || inPlan[c] || learner.taken()[c] != null) continue;
          Candidate k = price(c, learner, limits, inPlan, chosen.size(), hours, uncovered);
          if (k != null && (best == null || k.beats(best))) best = k;
        }
      }
      if (best == null) break;
      for (int c : best.closure) {
        inPlan[c] = true;
        chosen.add(c);
        hours += hoursOf(c);
        uncovered.removeAll(goalSkills(c, uncovered));
        if (c != best.course) neededBy.putIfAbsent(c, best.course);
      }
    }
    return new LearningPath(learner.skills().userId(), learner.skills().goals(), learner.skills().gap(),
        steps(order(chosen), learner, neededBy), List.copyOf(uncovered), hours, graphSource);
  }

  /** A course priced with its closure (prerequisites first, the course last). */
  private record Candidate(int course, List<Integer> closure, double utility, int level, float preference) {
    boolean beats(Candidate o) {
      if (utility != o.utility) return utility > o.utility;
      if (level != o.level) return level < o.level;
      if (preference != o.preference) return preference > o.preference;
      return course < o.course;
    }
  }

  private Candidate price(int c, Learner learner, PathLimits limits, boolean[] inPlan, int planned, double hours,
                          Set<String> uncovered) {
    List<Integer> closure = new ArrayList<>();
    if (!closure(c, learner, limits, inPlan, closure, new java.util.HashSet<>())) return null;
    if (planned + closure.size() > limits.maxCourses()) return null;
    double h = hours;
    Set<String> covers = new java.util.HashSet<>();
    for (int k : closure) {
      h += hoursOf(k);
      covers.addAll(goalSkills(k, uncovered));
    }
    if (limits.maxHours() != null && h > limits.maxHours()) return null;
    float pref = learner.preference()[c];
    double utility = (double) covers.size() / closure.size() * (1 + pref);
    return new Candidate(c, closure, utility, levelRank(c), pref);
  }

  /** Post-order walk adding the untaken, unplanned prerequisites; false when one breaks the level limit. */
  private boolean closure(int c, Learner learner, PathLimits limits, boolean[] inPlan, List<Integer> out,
                          Set<Integer> visited) {
    if (!visited.add(c)) return true;
    if (!limits.allows(courses.get(c).level())) return false;
    for (int p : graph.prerequisitesOf(c)) {
      if (inPlan[p] || learner.taken()[p] != null) continue;
      if (!closure(p, learner, limits, inPlan, out, visited)) return false;
    }
    out.add(c);
    return true;
  }

  /** Kahn's algorithm over the planned courses, lowest level first among the ready ones, then choice order. */
  private List<Integer> order(List<Integer> chosen) {
    Map<Integer, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < chosen.size(); i++) index.put(chosen.get(i), i);
    int[] indegree = new int[chosen.size()];
    List<List<Integer>> next = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) next.add(new ArrayList<>());
    for (int i = 0; i < chosen.size(); i++) {
      for (int p : graph.prerequisitesOf(chosen.get(i))) {
        Integer j = index.get(p);
        if (j == null) continue;
        indegree[i]++;
        next.get(j).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> {
      int la = levelRank(chosen.get(a)), lb = levelRank(chosen.get(b));
      return la != lb ? Integer.compare(la, lb) : Integer.compare(a, b);
    });
    for (int i = 0; i < indegree.length; i++) if (indegree[i] == 0) ready.add(i);
    List<Integer> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      int i = ready.poll();
      out.add(chosen.get(i));
      for (int j : next.get(i)) if (--indegree[j] == 0) ready.add(j);
    }
    if (out.size() != chosen.size()) throw new IllegalStateException("prerequisite graph has a cycle among planned courses");
    return out;
  }

  private List<PathStep> steps(List<Integer> ordered, Learner learner, Map<Integer, Integer> neededBy) {
    Map<Integer, Integer> stepOf = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) stepOf.put(ordered.get(i), i + 1);
    Set<String> gap = new LinkedHashSet<>(learner.skills().gap());
    Set<String> coveredBefore = new java.util.HashSet<>();
    List<PathStep> out = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      int c = ordered.get(i);
      Course course = courses.get(c);
      List<String> goals = goalSkills(c, gap);
      List<String> reasons = new ArrayList<>();
      List<String> fresh = goals.stream().filter(g -> !coveredBefore.contains(g)).toList();
      if (!goals.isEmpty()) {
        reasons.add((fresh.isEmpty() ? "goes further in your goal" : "covers your goal") + (goals.size() > 1 ? "s " : " ")
            + String.join(", ", goals));
      }
      coveredBefore.addAll(goals);
      Integer dependant = neededBy.get(c);
      if (dependant != null) reasons.add("prerequisite of step " + stepOf.get(dependant));
      List<String> prereqIds = new ArrayList<>();
      for (int p : graph.prerequisitesOf(c)) {
        prereqIds.add(courses.get(p).id());
        String how = learner.taken()[p];
        if (how != null) reasons.add("next level after " + courses.get(p).title() + ", which you " + how);
        else if (stepOf.containsKey(p)) reasons.add("builds on step " + stepOf.get(p));
      }
      if (reasons.isEmpty()) reasons.add("recommended for you");
      float conf = learner.confidence()[c];
      Double hours = course.durationHours();
      out.add(new PathStep(i + 1, course.id(), course.title(), course.level().code(), hours, goals, reasons,
          Float.isNaN(conf) ? null : (double) conf, prereqIds));
    }
    return out;
  }

  /** The skills of a course among {@code wanted} (catalog names), in the course's order. */
  private List<String> goalSkills(int c, Set<String> wanted) {
    List<String> out = new ArrayList<>();
    for (String s : courses.get(c).skills()) {
      String name = vocabulary.canonical(s);
      if (name != null && wanted.contains(name) && !out.contains(name)) out.add(name);
    }
    return out;
  }

  private double hoursOf(int c) {
    Double h = courses.get(c).durationHours();
    return h == null || !(h > 0) ? 0 : h;
  }

  /** Level rank for ordering: mixed and unknown sit with intermediate. */
  private int levelRank(int c) {
    int r = courses.get(c).level().rank();
    return r < 0 ? 1 : r;
  }
}
