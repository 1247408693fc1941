package io.courserec.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cleaned, immutable data set: the catalog, the learners and the interactions, with dense ordinals. A course's
 * ordinal is its position in {@link #courses()} and is shared by the index ({@code ordinal} doc value), the CF
 * and MF matrices. Learner ordinals cover users.csv first, then users seen only in interactions (in order of
 * first appearance). Interactions must reference known courses; the loader rejects the others.
 *
 * <p>Three forms, equal by value: plain ({@link #of}, records on the heap, for training), {@link #compact} (events
 * as heap columns) and {@link #mapped} (learners and events read from a memory-mapped {@link LearnerTable}, so a
 * serving replica's heap does not grow with learners; each read decodes a new record).
 */
public final class Dataset {
  private final List<Course> courses;
  private final Map<String, Integer> courseOrdinals;
  private final List<Learner> learners;
  private final IdIndex learnerIndex;
  private final List<Interaction> interactions;
  private final List<List<Interaction>> byLearner;
  private final LearnerTable table; // the mapped form's source, else null

  private Dataset(List<Course> courses, List<Learner> declared, List<Interaction> interactions) {
    this(courses, declared, interactions, false);
  }

  private Dataset(List<Course> courses, List<Learner> declared, List<Interaction> interactions, boolean compact) {
    this.courses = List.copyOf(courses);
    this.table = null;
    Map<String, Integer> co = courseOrdinals(this.courses);
    this.courseOrdinals = Collections.unmodifiableMap(co);
    Map<String, Integer> lo = new LinkedHashMap<>();
    List<Learner> ls = new ArrayList<>(declared.size());
    for (Learner l : declared) {
      if (lo.putIfAbsent(l.id(), ls.size()) == null) ls.add(l);
    }
    for (Interaction e : interactions) {
      if (!co.containsKey(e.courseId())) {
        throw new IllegalArgumentException("interaction references unknown course " + e.courseId());
      }
      if (lo.putIfAbsent(e.userId(), ls.size()) == null) ls.add(Learner.anonymous(e.userId()));
    }
    this.learners = List.copyOf(ls);
    List<String> ids = new ArrayList<>(ls.size());
    for (Learner l : this.learners) ids.add(l.id());
    this.learnerIndex = IdIndex.of(ids); // the construction map goes: ~100 bytes a learner less
    if (compact) {
      CompactInteractions c = new CompactInteractions(this.courses, this.learners, interactions, lo::get, co::get);
      this.interactions = c;
      int n = this.learners.size();
      this.byLearner = new java.util.AbstractList<>() {
        @Override
        public List<Interaction> get(int u) {
          java.util.Objects.checkIndex(u, n);
          return c.eventsOf(u);
        }

        @Override
        public int size() {
          return n;
        }
      };
      return;
    }
    this.interactions = List.copyOf(interactions);
    List<List<Interaction>> by = new ArrayList<>(ls.size());
    for (int i = 0; i < ls.size(); i++) by.add(new ArrayList<>());
    for (Interaction e : this.interactions) by.get(lo.get(e.userId())).add(e);
    List<List<Interaction>> frozen = new ArrayList<>(by.size());
    for (List<Interaction> l : by) frozen.add(Collections.unmodifiableList(l));
    this.byLearner = Collections.unmodifiableList(frozen);
  }

  private Dataset(LearnerTable table) {
    this.courses = table.courses();
    this.courseOrdinals = Collections.unmodifiableMap(courseOrdinals(courses));
    this.table = table;
    this.learners = table.learners();
    this.learnerIndex = table.ids();
    this.interactions = table.interactions();
    int n = table.numLearners();
    this.byLearner = new java.util.AbstractList<>() {
      @Override
      public List<Interaction> get(int u) {
        return table.eventsOf(u);
      }

      @Override
      public int size() {
        return n;
      }
    };
  }

  private static Map<String, Integer> courseOrdinals(List<Course> courses) {
    Map<String, Integer> co = new HashMap<>(courses.size() * 2);
    for (int i = 0; i < courses.size(); i++) {
      if (co.put(courses.get(i).id(), i) != null) {
        throw new IllegalArgumentException("duplicate course id " + courses.get(i).id());
      }
    }
    return co;
  }

  public static Dataset of(List<Course> courses, List<Learner> learners, List<Interaction> interactions) {
    return new Dataset(courses, learners, interactions);
  }

  /**
   * The same data set with its interactions held as columns ({@link CompactInteractions}: about 33 bytes an event
   * instead of about 75): for a server, which keeps a model version's training events only to read a few learners'
   * at a time. Equal by value; each read makes a new {@link Interaction}, so prefer the plain form for training.
   */
  public static Dataset compact(List<Course> courses, List<Learner> learners, List<Interaction> interactions) {
    return new Dataset(courses, learners, interactions, true);
  }

  /**
   * The data set a {@link LearnerTable} holds, over the catalog it was opened with: learners, ids and events are
   * read from the mapping on every call (views that decode on {@code get}), so nothing on the heap grows with
   * learners. For a server; training and evaluation want the plain form.
   */
  public static Dataset mapped(LearnerTable table) {
    return new Dataset(table);
  }

  /** Same catalog and learners, other interactions (used by evaluation splits). */
  public Dataset withInteractions(List<Interaction> other) {
    return new Dataset(courses, learners, other);
  }

  public List<Course> courses() { return courses; }
  public List<Learner> learners() { return learners; }
  public List<Interaction> interactions() { return interactions; }
  public int numCourses() { return courses.size(); }
  public int numLearners() { return learners.size(); }

  public Course course(int ordinal) { return courses.get(ordinal); }
  public Learner learner(int ordinal) { return learners.get(ordinal); }

  /** Course ordinal, or -1 when the id is unknown. */
  public int courseOrdinal(String id) {
    Integer i = courseOrdinals.get(id);
    return i == null ? -1 : i;
  }

  /** Learner ordinal, or -1 when the id is unknown. */
  public int learnerOrdinal(String id) {
    return learnerIndex.ordinal(id);
  }

  /** The learners' ids by ordinal and ordinals by id (shared with a snapshot trained on this data set). */
  public IdIndex learnerIndex() {
    return learnerIndex;
  }

  public Optional<Course> course(String id) {
    int o = courseOrdinal(id);
    return o < 0 ? Optional.empty() : Optional.of(courses.get(o));
  }

  public Optional<Learner> learner(String id) {
    int o = learnerOrdinal(id);
    return o < 0 ? Optional.empty() : Optional.of(learners.get(o));
  }

  /** The learner's events in input order (empty for unknown or event-less learners). */
  public List<Interaction> eventsOf(String learnerId) {
    int o = learnerOrdinal(learnerId);
    if (o < 0) return List.of();
    return table != null ? table.eventsOf(o, learnerId) : byLearner.get(o);
  }

  public List<Interaction> eventsOf(int learnerOrdinal) { return byLearner.get(learnerOrdinal); }
}
