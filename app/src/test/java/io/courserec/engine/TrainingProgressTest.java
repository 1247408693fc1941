package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.config.ConfigKey;
import io.courserec.progress.Counter;
import io.courserec.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build through the CLI's path ({@link DefaultEngine#retrainNow(boolean, Progress)}) counts its long loops, so a
 * display can show a bar with rate and time left: the tuning trials, each hybrid's training components and the
 * holdout's ranked learners; every count is closed, and a count with a total ends at it (the plan of trials is the
 * number run when the budget allows all of them).
 */
class TrainingProgressTest {
  @TempDir Path tmp;

  /** One finished count. */
  record Finished(String label, long total, long done) {}

  @Test
  void aBuildCountsTuningTrialsTrainingComponentsAndHoldoutLearners() {
    List<String> stages = Collections.synchronizedList(new ArrayList<>());
    List<Finished> counts = Collections.synchronizedList(new ArrayList<>());
    Progress recorder = new Progress() {
      @Override
      public void stage(String message) {
        stages.add(message);
      }

      @Override
      public Counter count(String label, long total) {
        return new Counter(label, total, Long.MAX_VALUE, new Counter.Listener() {
          @Override
          public void update(Counter c) { }

          @Override
          public void finished(Counter c) {
            counts.add(new Finished(c.label(), c.total(), c.done()));
          }
        });
      }
    };
    // tuning on (the fixture turns it off for speed); the default budget lets every planned trial run on 40 courses
    try (DefaultEngine e = Engines.openForTraining(EngineFixture.config(tmp, Map.of(ConfigKey.TUNE_ENABLED, "true")))) {
      e.retrainNow(false, recorder);
    }
    assertThat(stages.stream().filter(s -> JobProgress.parse(s) != null).map(s -> s.substring(0, 5)).toList())
        .containsExactly("[1/6]", "[2/6]", "[3/6]", "[4/6]", "[5/6]", "[6/6]");
    assertThat(stages).anyMatch(s -> s.startsWith("tuning: itemknn"));

    List<Finished> trials = counts.stream().filter(c -> c.label().equals("tuning trials")).toList();
    assertThat(trials).hasSize(1);
    assertThat(trials.get(0).done()).as("every planned trial ran").isEqualTo(trials.get(0).total()).isGreaterThan(10);

    List<Finished> components = counts.stream().filter(c -> c.label().equals("training components")).toList();
    // the inner hybrid of tuning, its cold-start twin, the holdout's hybrid and the served one
    assertThat(components).hasSize(4).allMatch(c -> c.done() == c.total() && c.total() >= 9);
    assertThat(components.get(components.size() - 1).total()).as("the served hybrid calibrates: one unit more")
        .isEqualTo(components.get(0).total() + 1);

    List<Finished> ranked = counts.stream().filter(c -> c.label().endsWith(": ranked")).toList();
    assertThat(ranked).hasSize(1);
    assertThat(ranked.get(0).done()).isEqualTo(ranked.get(0).total()).isPositive();
  }
}
