package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.learning.EdgeSource;
import io.courserec.learning.GraphReport;
import io.courserec.learning.PathPlanner;
import io.courserec.learning.PrerequisiteGraph;
import io.courserec.learning.PrerequisiteInference;
import io.courserec.learning.SkillVocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learning-path part of a model version: the prerequisite graph, built at train time from the version's
 * training data and saved under {@code learning/} ({@link PrerequisiteGraph#FILE} and {@value #REPORT}, the graph's
 * report with its broken cycles), so the manifest seals it with the rest. A version written before learning paths
 * existed has no such directory; its graph is built from its training data when it is loaded (same inputs, same
 * graph), and a log line says so.
 */
final class LearningArtefacts {
  static final String DIR = "learning";
  static final String REPORT = "graph-report.txt";
  private static final Logger log = LoggerFactory.getLogger(LearningArtefacts.class);

  private LearningArtefacts() {}

  static PrerequisiteInference.Result build(Dataset data, Config config) {
    return PrerequisiteInference.from(config).build(data.courses(), data.interactions(), data::courseOrdinal);
  }

  /** Builds and writes the graph into a version directory being assembled. */
  static void write(Path versionDir, Dataset data, Config config) throws IOException {
    long t0 = System.nanoTime();
    PrerequisiteInference.Result r = build(data, config);
    Path dir = versionDir.resolve(DIR);
    r.graph().save(dir, o -> data.course(o).id());
    String report = GraphReport.toText(r, o -> data.course(o).id());
    Files.writeString(dir.resolve(REPORT), report, StandardCharsets.UTF_8);
    log.info("prerequisite graph built in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, report.lines().findFirst().orElse(""));
  }

  /** The planner of a loaded version: its saved graph, or one built from its data when it has none. */
  static PathPlanner open(Path versionDir, Dataset data, Config config) {
    Path dir = versionDir.resolve(DIR);
    PrerequisiteGraph graph;
    if (Files.isRegularFile(dir.resolve(PrerequisiteGraph.FILE))) {
      try {
        graph = PrerequisiteGraph.load(dir, data.numCourses(), data::courseOrdinal);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("reading the prerequisite graph: " + e.getMessage(), e);
      }
    } else {
      log.info("model {} has no saved prerequisite graph; building it from its training data", versionDir.getFileName());
      graph = build(data, config).graph();
    }
    boolean given = graph.edges().stream().anyMatch(e -> e.source() == EdgeSource.GIVEN);
    return new PathPlanner(data.courses(), graph, SkillVocabulary.of(data.courses()), given ? "given" : "inferred");
  }
}
