package io.courserec.index;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Level;
import java.util.List;

/** A small hand-written catalog shared by the index and content-based tests; ordinals are list positions. */
public final class TestCatalog {
  private TestCatalog() {}

  public static List<Course> courses() {
    return List.of(
        course("py-intro", "Introduction to Python Programming",
            "Learn Python programming from scratch: variables, loops and functions.",
            List.of("Python", "Programming"), "University of Michigan", Level.BEGINNER, "Computer Science", "en", 20.0, 4.8, 1000),
        course("py-data", "Python for Data Analysis", "Analyze data with pandas and Python.",
            List.of("Python", "Data Analysis", "Pandas"), "IBM", Level.INTERMEDIATE, "Data Science", "en", 30.0, 4.5, 800),
        course("sql-basics", "SQL for Beginners", "Query relational databases with SQL: select, join and aggregate.",
            List.of("SQL", "Databases"), "Stanford University", Level.BEGINNER, "Data Science", "en", 10.0, 4.7, 500),
        course("cpp", "C++ Fundamentals", "Pointers, classes and templates in C++.",
            List.of("C++", "Programming"), "Coursera Project Network", Level.INTERMEDIATE, "Computer Science", "en", 40.0, 4.1, 90),
        course("c-lang", "The C Programming Language", "Systems programming in C with memory management.",
            List.of("C", "Programming"), "Duke University", Level.ADVANCED, "Computer Science", "en", 50.0, null, null),
        course("ml", "Machine Learning", "Supervised learning, regression and classification with Python.",
            List.of("Machine Learning", "Python", "Statistics"), "Stanford University", Level.ADVANCED, "Data Science", "en", 60.0, 4.9, 5000),
        course("spanish", "Aprender Español", "Curso de español para principiantes.",
            List.of("Spanish"), "Universidad de Chile", Level.BEGINNER, "Language Learning", "es", null, 4.6, 300),
        course("ds-found", "Data Science Foundations", "An overview of data science for everyone.",
            List.of("Data Science", "Statistics"), "IBM", Level.MIXED, "Data Science", "en", 8.0, 4.4, 700));
  }

  public static Dataset dataset() {
    return Dataset.of(courses(), List.of(), List.of());
  }

  static Course course(String id, String title, String description, List<String> skills, String org, Level level,
                       String subject, String language, Double hours, Double rating, Integer numRatings) {
    return new Course(id, title, description, skills, org, level, subject, language, hours,
        hours == null ? "" : hours + " hours", rating, numRatings, "https://example.org/" + id, List.of());
  }
}
