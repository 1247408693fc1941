package io.courserec.eval;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-built and generated data sets for evaluation tests. */
public final class EvalFixtures {
  /** Day 0 of every fixture timeline. */
  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private EvalFixtures() {}

  /** A course whose content is just its title. */
  public static Course course(String id, String title) {
    return Course.of(id, title, "", List.of(), Level.BEGINNER, "");
  }

  /** An event at day {@code day} (null day = no timestamp). */
  public static Interaction ev(String user, String course, EventType type, Integer day) {
    return new Interaction(user, course, type, null, day == null ? null : T0.plusSeconds(86400L * day));
  }

  /** A rating event at day {@code day}. */
  public static Interaction rate(String user, String course, double rating, Integer day) {
    return new Interaction(user, course, EventType.RATE, rating, day == null ? null : T0.plusSeconds(86400L * day));
  }

  /** Courses c1..cN titled with distinct Greek-letter words (no two share a token). */
  public static List<Course> courses(int n) {
    String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "iota", "kappa", "lambda",
        "omicron", "sigma"};
    List<Course> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) out.add(course("c" + i, words[(i - 1) % words.length] + (i > words.length ? " x" + i : "")));
    return out;
  }

  /** A data set over the given courses with no declared learners. */
  public static Dataset dataset(List<Course> courses, List<Interaction> events) {
    return Dataset.of(courses, List.of(), events);
  }

  /**
   * A random data set for property tests: {@code users} learners, {@code courses} courses, each learner with
   * 1..maxEvents events of mixed types over 200 days, about 5 % without timestamps, some dismissals.
   */
  public static Dataset generated(int users, int courses, int maxEvents, long seed) {
    Random rnd = new Random(seed);
    List<Course> cs = new ArrayList<>();
    for (int i = 0; i < courses; i++) cs.add(course("c" + i, "topic" + (i % 7) + " course" + i));
    List<Learner> ls = new ArrayList<>();
    List<Interaction> evs = new ArrayList<>();
    EventType[] types = EventType.values();
    for (int u = 0; u < users; u++) {
      String id = "u" + u;
      ls.add(new Learner(id, List.of("topic" + (u % 7)), List.of(), Level.BEGINNER, "en"));
      int n = 1 + rnd.nextInt(maxEvents);
      for (int j = 0; j < n; j++) {
        String c = "c" + rnd.nextInt(courses);
        EventType t = types[rnd.nextInt(types.length)];
        Integer day = rnd.nextInt(20) == 0 ? null : rnd.nextInt(200);
        evs.add(t == EventType.RATE ? rate(id, c, 1 + rnd.nextInt(5), day) : ev(id, c, t, day));
      }
    }
    return Dataset.of(cs, ls, evs);
  }
}
