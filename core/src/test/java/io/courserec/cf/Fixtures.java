package io.courserec.cf;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built data sets for the CF/MF tests. */
public final class Fixtures {
  private Fixtures() {}

  /** Courses c0..c(n-1) titled "Course ci", all beginner/english except as noted by callers. */
  public static List<Course> courses(int n) {
    List<Course> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cs.add(Course.of("c" + i, "Course c" + i, "", List.of(), i % 2 == 0 ? Level.BEGINNER : Level.ADVANCED, "s"));
    }
    return cs;
  }

  public static Interaction ev(String user, String course, EventType type) {
    return Interaction.of(user, course, type);
  }

  /**
   * The 4 learners x 4 courses matrix of the kNN tests, with the default event weights (view 1, bookmark 2,
   * enroll 3, complete 5, dismiss -5):
   * <pre>
   *        c0   c1   c2   c3
   *   u0    5    3    1    .
   *   u1    3    5    .   -5
   *   u2    .    1    5    2
   *   u3    1    .    3    .
   * </pre>
   */
  public static Dataset knnMatrix() {
    List<Interaction> e = List.of(
        ev("u0", "c0", EventType.COMPLETE), ev("u0", "c1", EventType.ENROLL), ev("u0", "c2", EventType.VIEW),
        ev("u1", "c0", EventType.ENROLL), ev("u1", "c1", EventType.COMPLETE), ev("u1", "c3", EventType.DISMISS),
        ev("u2", "c1", EventType.VIEW), ev("u2", "c2", EventType.COMPLETE), ev("u2", "c3", EventType.BOOKMARK),
        ev("u3", "c0", EventType.VIEW), ev("u3", "c2", EventType.ENROLL));
    return Dataset.of(courses(4), List.of(Learner.anonymous("u0")), e);
  }

  /** Defaults with some keys replaced. */
  public static Config config(Map<ConfigKey, Object> changes) {
    Config c = Config.defaults();
    for (Map.Entry<ConfigKey, Object> e : changes.entrySet()) c = c.with(e.getKey(), e.getValue());
    return c;
  }
}
