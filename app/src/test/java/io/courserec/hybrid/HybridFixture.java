package io.courserec.hybrid;

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

/**
 * A small planted-structure data set: 4 subjects x 10 courses with subject-specific skills and text; 120 learners,
 * each mostly taking courses of one "home" subject (with 20% random exploration), plus learner "cold" with
 * declared interests and no events. Seeded, so every run builds the same data.
 */
final class HybridFixture {
  static final String[] SUBJECTS = {"Data Science", "Web Development", "Cloud Computing", "Graphic Design"};
  static final String[][] SKILLS = {
      {"python", "statistics", "pandas", "machine learning"},
      {"javascript", "html", "css", "react"},
      {"aws", "kubernetes", "docker", "networking"},
      {"photoshop", "typography", "illustration", "color theory"}};

  private HybridFixture() {}

  static String course(int subject, int i) {
    return "s" + subject + "c" + i;
  }

  static Dataset build(long seed) {
    Random r = new Random(seed);
    List<Course> courses = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      for (int i = 0; i < 10; i++) {
        String a = SKILLS[s][i % 4];
        String b = SKILLS[s][(i + 1) % 4];
        Level level = i < 4 ? Level.BEGINNER : i < 8 ? Level.INTERMEDIATE : Level.ADVANCED;
        courses.add(new Course(course(s, i), SUBJECTS[s] + " with " + a + " part " + i,
            "Learn " + a + " and " + b + " for " + SUBJECTS[s].toLowerCase() + ".", List.of(a, b), "Org " + (i % 3),
            level, SUBJECTS[s], "en", 10.0 + i, "", 4.0 + (i % 5) / 10.0, 100 + i, "", List.of()));
      }
    }
    List<Learner> learners = new ArrayList<>();
    List<Interaction> events = new ArrayList<>();
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    for (int u = 0; u < 120; u++) {
      int home = u % 4;
      String id = "u" + u;
      learners.add(new Learner(id, List.of(SUBJECTS[home]), List.of(SKILLS[home][u % 4]), Level.BEGINNER, "en"));
      int n = 4 + r.nextInt(6);
      for (int e = 0; e < n; e++) {
        int s = r.nextDouble() < 0.8 ? home : r.nextInt(4);
        // a popularity skew inside each subject: low course numbers are taken more often
        int i = Math.min(9, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 3.5));
        EventType type = r.nextDouble() < 0.6 ? EventType.ENROLL : r.nextDouble() < 0.5 ? EventType.COMPLETE : EventType.VIEW;
        t = t.plusSeconds(3600);
        events.add(new Interaction(id, course(s, i), type, null, t));
      }
    }
    learners.add(new Learner("cold", List.of("kubernetes", "docker"), List.of("aws"), Level.BEGINNER, "en"));
    return Dataset.of(courses, learners, events);
  }
}
