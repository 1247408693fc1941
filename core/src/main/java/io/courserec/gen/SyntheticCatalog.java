package io.courserec.gen;

import io.courserec.catalog.Course;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A catalog with its latent traits: the courses as written to {@code courses.csv}, one {@link CourseTraits} per
 * course (same ordinal), the subject and track structure, and derived look-ups the simulation needs (courses by
 * subject, successors of each course, the global popularity sampler).
 */
public final class SyntheticCatalog {
  private final List<Course> courses;
  private final CourseTraits[] traits;
  private final List<String> subjectNames;
  private final List<String> subjectGroups;
  private final double[] subjectDemand;
  private final int[] trackSubject;
  private final int[][] trackSkills;
  private final List<String> skillNames;
  private final List<String> languages;
  private final int[][] bySubject;
  private final int[][] successors;
  private final CumulativeSampler popularity;

  /**
   * @param trackSkills per track, its skill ids from basic to advanced (used for learners' goals)
   * @param subjectDemand relative demand per subject (learners' interest); subjects without courses get none
   */
  SyntheticCatalog(List<Course> courses, CourseTraits[] traits, List<String> subjectNames, List<String> subjectGroups,
                   double[] subjectDemand, int[] trackSubject, int[][] trackSkills, List<String> skillNames,
                   List<String> languages) {
    if (courses.size() != traits.length) throw new IllegalArgumentException("one trait record per course");
    this.courses = List.copyOf(courses);
    this.traits = traits.clone();
    this.subjectNames = List.copyOf(subjectNames);
    this.subjectGroups = List.copyOf(subjectGroups);
    this.trackSubject = trackSubject.clone();
    this.trackSkills = trackSkills.clone();
    this.skillNames = List.copyOf(skillNames);
    this.languages = List.copyOf(languages);
    int ns = subjectNames.size();
    List<List<Integer>> by = new ArrayList<>();
    List<List<Integer>> succ = new ArrayList<>();
    for (int s = 0; s < ns; s++) by.add(new ArrayList<>());
    for (int c = 0; c < traits.length; c++) succ.add(new ArrayList<>());
    double[] pop = new double[traits.length];
    for (int c = 0; c < traits.length; c++) {
      by.get(traits[c].subject()).add(c);
      for (int p : traits[c].prerequisites()) succ.get(p).add(c);
      pop[c] = StrictMath.exp(traits[c].logPopularity());
    }
    this.bySubject = by.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    this.successors = succ.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    this.subjectDemand = subjectDemand.clone();
    for (int s = 0; s < ns; s++) if (bySubject[s].length == 0) this.subjectDemand[s] = 0;
    this.popularity = CumulativeSampler.of(pop);
  }

  public List<Course> courses() { return courses; }
  public int numCourses() { return traits.length; }
  public CourseTraits traits(int course) { return traits[course]; }
  public List<String> subjectNames() { return subjectNames; }
  public String subjectGroup(int subject) { return subjectGroups.get(subject); }
  public int numSubjects() { return subjectNames.size(); }
  /** Relative demand of a subject; 0 when it has no courses. */
  public double subjectDemand(int subject) { return subjectDemand[subject]; }
  public int numTracks() { return trackSubject.length; }
  public int trackSubject(int track) { return trackSubject[track]; }
  public int[] trackSkills(int track) { return trackSkills[track]; }
  public List<String> skillNames() { return skillNames; }
  public List<String> languages() { return languages; }
  /** Course ordinals of one subject, ascending. */
  public int[] coursesOfSubject(int subject) { return bySubject[subject]; }
  /** Courses that list this one as a prerequisite. */
  public int[] successors(int course) { return successors[course]; }
  /** Global popularity prior as a sampler over course ordinals (exploration picks). */
  public CumulativeSampler popularity() { return popularity; }

  /** Tracks of one subject, ascending. */
  public int[] tracksOfSubject(int subject) {
    return IntStream.range(0, trackSubject.length).filter(t -> trackSubject[t] == subject).toArray();
  }
}
