package io.courserec.learning;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** The prerequisite graph as the {@code validate} command and the model's quality report show it. */
public final class GraphReport {
  private static final int MAX_BROKEN_LISTED = 10;

  private GraphReport() {}

  public static String toText(PrerequisiteInference.Result r, IntFunction<String> ids) {
    PrerequisiteGraph g = r.graph();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "prerequisite graph (%s): %d edges over %d courses with prerequisites; by source %s%n",
        r.summary().source(), g.edges().size(), g.dependants(), g.countsBySource()));
    if (r.summary().unknownPrerequisiteIds() > 0) {
      sb.append(String.format(Locale.ROOT, "  %d prerequisite ids name no course of the catalog and were ignored%n",
          r.summary().unknownPrerequisiteIds()));
    }
    if (r.summary().source().equals("inferred")) {
      PrerequisiteInference.Summary s = r.summary();
      sb.append(String.format(Locale.ROOT, "  learners giving an order (timed enroll/complete/rate): %d%n", s.learnersWithOrder()));
      sb.append(String.format(Locale.ROOT, "  log test: %d course pairs tested, %d edges significant; content alone: %d edges (%s)%n",
          s.testedPairs(), s.logEdges(), s.contentEdges(), Double.isNaN(s.contentMargin())
              ? "too few log-decided courses to check content against the log"
              : Double.isInfinite(s.contentMargin()) ? "off: no margin agrees with the log often enough"
              : String.format(Locale.ROOT, "margin >= %.3f, where content agrees with the log %.1f %% of the time",
                  s.contentMargin(), 100 * s.contentAgreement())));
    }
    List<PrerequisiteEdge> broken = g.broken();
    sb.append(String.format(Locale.ROOT, "  cycles broken: %d edge(s) dropped%s%n", broken.size(), broken.isEmpty() ? "" : ":"));
    for (PrerequisiteEdge e : broken.subList(0, Math.min(MAX_BROKEN_LISTED, broken.size()))) {
      sb.append(String.format(Locale.ROOT, "    %s -> %s (%s, confidence %.2f) would close a cycle%n",
          ids.apply(e.prerequisite()), ids.apply(e.dependant()), e.source().code(), e.confidence()));
    }
    if (broken.size() > MAX_BROKEN_LISTED) sb.append("    ... ").append(broken.size() - MAX_BROKEN_LISTED).append(" more\n");
    return sb.toString();
  }
}
