package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.config.ConfigKey;
import io.courserec.learning.EdgeSource;
import io.courserec.learning.PrerequisiteEdge;
import io.courserec.learning.PrerequisiteGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prerequisite penalty is part of the score (not a filter) and the answers say what to take first: by hand on
 * a four-course graph, and through the real engine on the small fixture (its graph is inferred).
 */
class PrerequisitePenaltyTest {
  @TempDir Path tmp;

  @Test
  void factorsAndTakeFirstByHand() {
    // 0 -> 1 -> 2, 3 -> 2; nothing taken: 1 and 2 are demoted to 1 - 0.25; for 2 take 0 first (its strongest
    // prerequisite 1 is untaken and needs 0, which needs nothing)
    PrerequisiteGraph g = PrerequisiteGraph.of(4, List.of(new PrerequisiteEdge(0, 1, 1f, EdgeSource.GIVEN),
        new PrerequisiteEdge(1, 2, 0.9f, EdgeSource.LEVEL), new PrerequisiteEdge(3, 2, 0.8f, EdgeSource.LEVEL)));
    PrerequisiteCheck check = new PrerequisiteCheck(g, 0.25, o -> "c" + o);
    assertThat(check.of(null)).containsExactly(1f, 0.75f, 0.75f, 1f);
    assertThat(check.takeFirst(2, new boolean[4])).isEqualTo("c0");
    assertThat(check.takeFirst(2, new boolean[] {true, false, false, false})).isEqualTo("c1");
    assertThat(check.takeFirst(2, new boolean[] {true, true, false, false})).isEqualTo("c3");
    assertThat(check.takeFirst(2, new boolean[] {false, true, false, true})).isNull();
    assertThat(check.takeFirst(0, new boolean[4])).isNull();
    assertThat(new PrerequisiteCheck(g, 0, o -> "c" + o).of(null)).as("penalty 0: no factors").isNull();
  }

  private List<RankedCourse> recommend(double penalty) {
    Path dir = tmp.resolve("p" + penalty);
    try (DefaultEngine engine = Engines.openForTraining(EngineFixture.config(dir, Map.of(ConfigKey.LEARN_PREREQ_PENALTY, penalty)))) {
      engine.retrainNow(false);
      return engine.recommend(new RecommendQuery("u01", 40, 0, null, "hybrid", false, null)).items();
    }
  }

  @Test
  void unmetPrerequisitesAreDemotedInsideTheScoringQuery() {
    List<RankedCourse> full = recommend(1.0);
    assertThat(full).extracting(RankedCourse::prerequisitesMet).contains(true, false);
    int lastMet = -1, firstUnmet = Integer.MAX_VALUE;
    for (RankedCourse r : full) {
      if (r.prerequisitesMet()) {
        lastMet = Math.max(lastMet, r.rank());
        assertThat(r.takeFirst()).isNull();
      } else {
        firstUnmet = Math.min(firstUnmet, r.rank());
        assertThat(r.score()).as("penalty 1 leaves nothing of " + r.courseId()).isZero();
        assertThat(r.takeFirst()).isNotNull().isNotEqualTo(r.courseId());
      }
    }
    // demoted courses are still answered (not filtered), after every course with a positive score
    assertThat(full.stream().filter(r -> r.score() > 0).allMatch(RankedCourse::prerequisitesMet)).isTrue();
    List<RankedCourse> half = recommend(0.5);
    for (RankedCourse r : half) {
      if (r.score() > 0) {
        // contributions are scaled with the score, so the shares still sum to 1 for demoted courses too (to 1e-6:
        // the score is the float Lucene returns, relative precision 6e-8)
        assertThat(r.signals().values().stream().mapToDouble(Double::doubleValue).sum()).as(r.courseId())
            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }
}
