package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.QualityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pages read from a real engine over the small fixture: a build's steps and final stage, the quality report
 * kept in the version directory, and the example learners.
 */
class PageDataTest {
  @TempDir Path tmp;

  @Test
  void aBuildReportsItsStepsKeepsItsQualityReportAndOffersExamples() throws Exception {
    try (Engine e = Engines.open(EngineFixture.config(tmp))) {
      EngineFixture.await(() -> e.status().ready(), "the first model");
      JobStatus job = e.startReindex();
      List<String> stages = new ArrayList<>();
      EngineFixture.await(() -> {
        JobStatus j = e.job(job.id());
        if (j.stage() != null && !stages.contains(j.stage())) stages.add(j.stage());
        return j.finishedAt() != null;
      }, "the reindex");
      JobStatus done = e.job(job.id());
      assertThat(done.state()).as(done.message()).isEqualTo("succeeded");
      assertThat(done.stage()).isEqualTo("done");
      assertThat(done.progress()).isEqualTo(1.0);
      // the stages polled (a fast build may slip some past the 50 ms polls) are the build's steps, in order, then done
      List<String> steps = List.of("loading the catalog", "reading stored feedback", "evaluating on a holdout",
          "training on", "saving", "done");
      int last = -1;
      for (String stage : stages) {
        int at = -1;
        for (int i = 0; i < steps.size(); i++) if (stage.startsWith(steps.get(i))) at = i;
        assertThat(at).as("stage '%s' is a step after the one before (%s)", stage, stages).isGreaterThan(last);
        last = at;
      }
      assertThat(stages).last().isEqualTo("done");
      assertThat(Files.isRegularFile(tmp.resolve("models").resolve(done.message().split(" ")[0])
          .resolve(ModelBuilder.QUALITY_REPORT))).isTrue();

      QualityReport q = e.qualityReport().orElseThrow();
      QualityReport.FileReport courses = q.files().stream().filter(f -> f.file().equals("courses.csv")).findFirst().orElseThrow();
      assertThat(courses.loaded()).isEqualTo(EngineFixture.COURSES);
      assertThat(q.accountsForEveryRow()).isTrue();

      ExampleLearners x = e.exampleLearners();
      assertThat(x.rich()).isNotNull();
      assertThat(x.rich().events()).isGreaterThanOrEqualTo(5); // every fixture learner has at least 4 + 1 events
      assertThat(x.shortHistory()).as("no fixture learner has 2 to 4 events").isNull();
      assertThat(x.newcomer().userId()).isEqualTo(ExampleLearners.NEW_ID);
    }
  }
}
