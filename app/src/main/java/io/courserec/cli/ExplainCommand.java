package io.courserec.cli;

import io.courserec.engine.DefaultEngine;
import io.courserec.engine.ExplainResult;
import io.courserec.rec.Evidence;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courserec explain --user ID --course ID [--format table|json]}: why a course ranks where it does for a
 * learner, recommended or not, from the saved model: its rank among all eligible courses, score, calibrated
 * confidence and segment; per signal its normalised value, weight, contribution (weight x value; they sum to the
 * score) and confidence; the evidence (history courses that are neighbours, matched skills, similar learners); or
 * why the course is excluded (taken, dismissed). Unknown learner or course: a one-line error.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain a course's rank for a learner: signals, weights, contributions, evidence, exclusions.")
public final class ExplainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "Learner id")
  String user;

  @Option(names = "--course", required = true, paramLabel = "ID", description = "Course id")
  String course;

  @Mixin OutputFormat output;

  @Override
  public Integer call() throws IOException {
    boolean json = output.json();
    PrintWriter out = spec.commandLine().getOut();
    try (DefaultEngine engine = RecommendCommand.openEngine(common.config())) {
      ExplainResult r = engine.explain(user, course);
      if (json) OutputFormat.printJson(out, r);
      else print(r, engine.status().modelVersion(), out);
    }
    out.flush();
    return 0;
  }

  static void print(ExplainResult r, String model, PrintWriter out) {
    out.printf("%s (%s) for learner %s, model %s%n", r.title(), r.courseId(), r.userId(), model);
    if (r.rank() < 0) {
      out.printf("  not recommended: %s%n", r.excludedBecause());
      return;
    }
    out.printf(Locale.ROOT, "  rank %d, score %.4f, confidence %.2f, %s learner%n", r.rank(), r.score(), r.confidence(),
        r.segment());
    out.printf("  %-8s  %7s  %7s  %12s  %10s%n", "signal", "value", "weight", "contribution", "confidence");
    for (Map.Entry<String, ExplainResult.SignalPart> e : r.signals().entrySet()) {
      ExplainResult.SignalPart p = e.getValue();
      out.printf(Locale.ROOT, "  %-8s  %7.4f  %7.4f  %12.4f  %10.2f%n", e.getKey(), p.value(), p.weight(),
          p.contribution(), p.confidence());
    }
    if (!r.evidence().isEmpty()) {
      out.println("  evidence:");
      for (Evidence e : r.evidence()) {
        out.printf(Locale.ROOT, "    - %-7s %s (%.4f)%n", e.signal(), e.text(), e.contribution());
      }
    }
    out.printf("  %s%n", r.summary());
  }
}
