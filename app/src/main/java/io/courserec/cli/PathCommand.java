package io.courserec.cli;

import io.courserec.engine.DefaultEngine;
import io.courserec.engine.PathQuery;
import io.courserec.learning.LearningPath;
import io.courserec.learning.PathStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courserec path --user ID [--goal SKILL ...] [--max-courses N] [--max-hours H] [--max-level L]
 * [--format table|json]}: the learning path {@code GET /paths} answers, from the saved model. Goals may be given
 * as several {@code --goal} options or one pipe-separated list; without any, the learner's declared goals.
 */
@Command(name = "path", mixinStandardHelpOptions = true,
    description = "An ordered plan of courses from a learner's skills to goal skills, prerequisites first.")
public final class PathCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "Learner id")
  String user;

  @Option(names = "--goal", paramLabel = "SKILL", split = "\\|", description = "Goal skill (repeatable, or a|b); default: the learner's declared goals")
  List<String> goals = List.of();

  @Option(names = "--max-courses", paramLabel = "N", description = "At most N steps (default learning.path.max_courses)")
  Integer maxCourses;

  @Option(names = "--max-hours", paramLabel = "H", description = "At most H known study hours in all")
  Double maxHours;

  @Option(names = "--max-level", paramLabel = "LEVEL", description = "beginner | intermediate | advanced")
  String maxLevel;

  @Mixin OutputFormat output;

  @Override
  public Integer call() throws IOException {
    boolean json = output.json();
    PrintWriter out = spec.commandLine().getOut();
    try (DefaultEngine engine = RecommendCommand.openEngine(common.config())) {
      LearningPath p = engine.path(new PathQuery(user, goals, maxCourses, maxHours, maxLevel));
      if (json) OutputFormat.printJson(out, p);
      else print(p, out);
    }
    out.flush();
    return 0;
  }

  static void print(LearningPath p, PrintWriter out) {
    out.printf("learning path for %s: goals %s, gap %s (%s prerequisites)%n", p.userId(), p.goals(), p.gap(), p.graphSource());
    for (PathStep s : p.steps()) {
      out.printf(Locale.ROOT, "%2d. %s  %s [%s, %s, confidence %s]%n      %s%n", s.step(), s.courseId(), s.title(), s.level(),
          s.hours() == null ? "hours unknown" : String.format(Locale.ROOT, "%.0f h", s.hours()),
          s.confidence() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", s.confidence()), s.reason());
    }
    out.printf(Locale.ROOT, "%d steps, %.0f hours%s%n", p.steps().size(), p.totalHours(),
        p.uncovered().isEmpty() ? "" : "; not covered within the limits: " + String.join(", ", p.uncovered()));
  }
}
