package io.courserec.cli;

import io.courserec.engine.DefaultEngine;
import io.courserec.learning.LearnerSkills;
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
 * {@code courserec skills --user ID [--goal SKILL ...] [--format table|json]}: the learner's earned skills (credit
 * and the course it came from), goals and gap, as {@code GET /users/{id}/skills} answers.
 */
@Command(name = "skills", mixinStandardHelpOptions = true,
    description = "A learner's earned skills, goals and the gap between them.")
public final class SkillsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "Learner id")
  String user;

  @Option(names = "--goal", paramLabel = "SKILL", split = "\\|", description = "Goal skill (repeatable, or a|b); default: the learner's declared goals")
  List<String> goals = List.of();

  @Mixin OutputFormat output;

  @Override
  public Integer call() throws IOException {
    boolean json = output.json();
    PrintWriter out = spec.commandLine().getOut();
    try (DefaultEngine engine = RecommendCommand.openEngine(common.config())) {
      LearnerSkills s = engine.skills(user, goals);
      if (json) {
        OutputFormat.printJson(out, s);
      } else {
        out.printf("skills of %s (%d earned)%n", s.userId(), s.earned().size());
        new java.util.TreeMap<>(s.earned()).forEach((skill, credit) ->
            out.printf(Locale.ROOT, "  %-32s %.2f  from %s%n", skill, credit, s.sources().get(skill)));
        out.printf("goals: %s%n", s.goals().isEmpty() ? "none" : String.join(", ", s.goals()));
        if (!s.unknownGoals().isEmpty()) out.printf("goals no course teaches: %s%n", String.join(", ", s.unknownGoals()));
        out.printf("gap: %s%n", s.gap().isEmpty() ? "none" : String.join(", ", s.gap()));
      }
    }
    out.flush();
    return 0;
  }
}
