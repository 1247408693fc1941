package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short-histories regime at the scale of the real MOOC enrolment log of issue 8 (3,000 courses, 20,000
 * learners, seed 42) lands near that log's shape: Gini 0.70, top 10 % of courses 54 %, top 1 % 17 %; median 8,
 * mean 13, p90 23 courses per learner. Measured (docs/generator.md): Gini 0.69, 53.7 %, 14.5 %; 8, 12.7, 22.
 * The bounds are the real values with the tolerance we call "near" (±0.04 Gini, ±5 points of share, ±1 on the
 * median, ±2 on the mean and the p90); the regime's known gap is its lighter head (top 1 % at 14.5 %, not 17 %).
 */
class ShortHistoriesRealShapeIT {
  @TempDir Path tmp;

  @Test
  void landsNearTheRealEnrolmentLog() throws IOException {
    GeneratorSettings s = GeneratorSettings.defaults(42).withCourses(3000).withUsers(20_000)
        .withRegimes(List.of(GeneratorRegime.SHORT_HISTORIES));
    LogStatistics st = new DataGenerator(s).generate(tmp, ProgressListener.NONE).statistics();
    assertThat(st.eventShare(EventType.ENROLL)).isEqualTo(1.0);
    assertThat(st.popularityGini()).isBetween(0.66, 0.74);
    assertThat(st.top10Share()).isBetween(0.49, 0.59);
    assertThat(st.top1Share()).isBetween(0.12, 0.22);
    assertThat(st.medianCourses()).isBetween(7, 9);
    assertThat(st.meanCourses()).isBetween(11.0, 15.0);
    assertThat(st.p90Courses()).isBetween(21, 25);
  }
}
