package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.cf.UserHistory;
import io.courserec.hybrid.CourseFactors;
import io.courserec.learning.PrerequisiteGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * Prerequisite awareness for recommendations and search, over one version's graph. A learner meets a course's
 * prerequisites when they have taken every one of them (an event in {@code recommend.exclude_events}, the same rule
 * that makes a course "taken").
 * <ul>
 *   <li>As {@link CourseFactors}: per request, 1 for every course whose prerequisites the learner meets and
 *       {@code 1 - learning.prerequisite_penalty} for the others, multiplied into the blended score inside the
 *       scoring query; no factors at all when the penalty is 0 or the graph is empty.
 *   <li>{@link #mark}: each answered course gets {@code prerequisites_met} and, where false, {@code take_first}.
 * </ul>
 */
public final class PrerequisiteCheck implements CourseFactors {
  private final PrerequisiteGraph graph;
  private final float demoted;
  private final int[] dependants;
  private final java.util.function.IntFunction<String> ids;

  /** @param ids course id of an ordinal */
  public PrerequisiteCheck(PrerequisiteGraph graph, double penalty, java.util.function.IntFunction<String> ids) {
    this.graph = graph;
    this.ids = ids;
    this.demoted = (float) (1 - penalty);
    List<Integer> d = new ArrayList<>();
    for (int c = 0; c < graph.numCourses(); c++) if (graph.prerequisitesOf(c).length > 0) d.add(c);
    this.dependants = d.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public float[] of(UserHistory history) {
    if (demoted >= 1f || dependants.length == 0) return null;
    float[] f = new float[graph.numCourses()];
    java.util.Arrays.fill(f, 1f);
    for (int c : dependants) {
      for (int p : graph.prerequisitesOf(c)) {
        if (history == null || !history.taken(p)) {
          f[c] = demoted;
          break;
        }
      }
    }
    return f;
  }

  /** Courses the learner has taken, by ordinal: their training events and the request's recent ones. */
  static boolean[] taken(Dataset data, String id, List<Interaction> recent, EventWeights events) {
    boolean[] t = new boolean[data.numCourses()];
    for (List<Interaction> list : List.of(data.eventsOf(id), recent)) {
      for (Interaction e : list) {
        int o = data.courseOrdinal(e.courseId());
        if (o >= 0 && events.marksTaken(e.event())) t[o] = true;
      }
    }
    return t;
  }

  /** The items marked with whether the learner meets their prerequisites and, where not, what to take first. */
  List<RankedCourse> mark(Dataset data, List<RankedCourse> items, boolean[] taken) {
    List<RankedCourse> out = new ArrayList<>(items.size());
    for (RankedCourse r : items) {
      int c = data.courseOrdinal(r.courseId());
      String first = c < 0 ? null : takeFirst(c, taken);
      out.add(r.withPrerequisites(first == null, first));
    }
    return out;
  }

  /**
   * Null when every prerequisite of {@code c} is taken; otherwise, from the strongest untaken prerequisite, down
   * through untaken prerequisites until one whose own prerequisites are all taken: its id. Terminates because the
   * graph is acyclic.
   */
  public String takeFirst(int c, boolean[] taken) {
    int next = untaken(c, taken);
    if (next < 0) return null;
    int at = next;
    for (int p = untaken(at, taken); p >= 0; p = untaken(at, taken)) at = p;
    return ids.apply(at);
  }

  private int untaken(int c, boolean[] taken) {
    for (int p : graph.prerequisitesOf(c)) if (!taken[p]) return p;
    return -1;
  }
}
