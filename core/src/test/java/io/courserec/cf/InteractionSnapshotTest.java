package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.InteractionMatrix;
import io.courserec.config.Config;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionSnapshotTest {
  /*
   * u1 in Fixtures.knnMatrix(): c0 3 (enrolled), c1 5 (completed), c3 -5 (dismissed). Recent: view c0 (+1),
   * bookmark c2 (+2), dismiss c1 (-5). Merged: c0 4, c1 0, c2 2, c3 -5; taken {c0, c1}; dismissed {c1, c3}.
   */
  @Test
  void mergesTrainingRowWithRecentEvents() {
    InteractionSnapshot s = InteractionSnapshot.build(Fixtures.knnMatrix(), Config.defaults());
    UserHistory h = s.history("u1", List.of(Fixtures.ev("u1", "c0", EventType.VIEW),
        Fixtures.ev("u1", "c2", EventType.BOOKMARK), Fixtures.ev("u1", "c1", EventType.DISMISS)));
    assertThat(h.learnerOrdinal()).isEqualTo(1);
    assertThat(h.courses()).containsExactly(0, 1, 2, 3);
    assertThat(h.weights()).containsExactly(4f, 0f, 2f, -5f);
    assertThat(h.taken(0)).isTrue();
    assertThat(h.taken(1)).isTrue();
    assertThat(h.taken(2)).isFalse();
    assertThat(h.dismissed(1)).isTrue();
    assertThat(h.dismissed(3)).isTrue();
    assertThat(h.dismissed(0)).isFalse();
    assertThat(h.positiveCount()).isEqualTo(2);
    assertThat(h.action("c1", 1)).isEqualTo("completed");
    assertThat(h.action("c2", 2)).isEqualTo("bookmarked");
    assertThat(h.action("c3", 3)).isEqualTo("dismissed");
  }

  @Test
  void unknownLearnerNeedsEventsAndUnknownCourseIsNamed() {
    InteractionSnapshot s = InteractionSnapshot.build(Fixtures.knnMatrix(), Config.defaults());
    assertThatThrownBy(() -> s.history("ghost", List.of())).isInstanceOf(UnknownEntityException.class)
        .hasMessage("unknown user 'ghost'");
    assertThatThrownBy(() -> s.history("u0", List.of(Fixtures.ev("u0", "c99", EventType.VIEW))))
        .hasMessage("unknown course 'c99'");
    UserHistory cold = s.historyOf(List.of(Fixtures.ev("anyone", "c2", EventType.COMPLETE)));
    assertThat(cold.inTraining()).isFalse();
    assertThat(cold.weights()).containsExactly(5f);
  }

  /** With a 10-day half-life, an event 10 days before the latest one weighs half (2^-1). */
  @Test
  void decayIsMeasuredFromTheLatestTrainingEvent() {
    Instant t = Instant.parse("2024-05-01T00:00:00Z");
    Dataset d = Dataset.of(Fixtures.courses(2), List.of(), List.of(
        new Interaction("a", "c0", EventType.COMPLETE, null, t.minusSeconds(10 * 86400)),
        new Interaction("b", "c1", EventType.VIEW, null, t)));
    InteractionSnapshot s = InteractionSnapshot.build(d, Fixtures.config(Map.of(io.courserec.config.ConfigKey.HALF_LIFE_DAYS, 10)));
    assertThat(s.referenceTime()).isEqualTo(t);
    assertThat(s.matrix().get(0, 0)).isEqualTo(2.5f);
    // A recent event newer than the reference time counts fully.
    UserHistory h = s.history("a", List.of(new Interaction("a", "c1", EventType.ENROLL, null, t.plusSeconds(86400))));
    assertThat(h.weightOf(1)).isEqualTo(3f);
  }

  @Test
  void saveAndLoadMapTheRowsFlagsOrderAndPositivePostings(@TempDir Path dir) throws IOException {
    Dataset d = Fixtures.knnMatrix();
    InteractionSnapshot s = InteractionSnapshot.build(d, Config.defaults());
    s.save(dir);
    assertThat(dir.resolve(LearnerRows.FILE)).isRegularFile();
    ComponentManifest m = s.manifest("pop", Config.defaults(), 12, Map.of());
    InteractionSnapshot t = InteractionSnapshot.load(dir, d, m);
    assertThatThrownBy(t::matrix).as("a mapped snapshot is for serving, not training")
        .isInstanceOf(IllegalStateException.class);
    InteractionMatrix a = s.matrix();
    LearnerRows b = t.rows();
    assertThat(b.nnz()).isEqualTo(a.nnz());
    for (int u = 0; u < a.numLearners(); u++) {
      assertThat(t.learnerId(u)).isEqualTo(s.learnerId(u));
      for (int i = 0; i < a.numCourses(); i++) {
        assertThat(b.get(u, i)).isEqualTo(a.get(u, i));
        assertThat(b.taken(u, i)).isEqualTo(a.taken(u, i));
        assertThat(b.dismissed(u, i)).isEqualTo(a.dismissed(u, i));
      }
      UserHistory x = s.history(s.learnerId(u), List.of());
      UserHistory y = t.history(s.learnerId(u), List.of());
      assertThat(y.courses()).containsExactly(x.courses());
      for (int p = 0; p < x.size(); p++) {
        assertThat(y.weight(p)).isEqualTo(x.weight(p));
        assertThat(y.stepsBack(p)).isEqualTo(x.stepsBack(p));
      }
    }
    assertThat(b.dismissed(1, 3)).isTrue();
    PositiveFeedback px = PositiveFeedback.of(a, false);
    LearnerRows.Positive py = b.positive();
    assertThat(py.colPtr().copy(0, py.colPtr().size())).containsExactly(px.colPtr);
    assertThat(py.rows().copy(0, py.rows().size())).containsExactly(px.rows);
    double[] norms = px.rowNorms();
    for (int u = 0; u < a.numLearners(); u++) {
      assertThat(py.norms().get(u)).isEqualTo(norms[u]);
      assertThat(py.means().get(u)).isEqualTo(px.learnerMeans[u]);
    }
    for (int q = 0; q < px.colVals.length; q++) {
      assertThat(py.colVals().get(q)).isEqualTo(px.colVals[q]);
      assertThat(py.unit().get(q)).isEqualTo((float) (px.colVals[q] / norms[px.rows[q]]));
    }
  }

  /** A version saved before the rows were mapped ({@code interactions.bin}) still loads, onto the heap. */
  @Test
  void aVersionWithTheOlderMatrixFileStillLoads(@TempDir Path dir) throws IOException {
    Dataset d = Fixtures.knnMatrix();
    InteractionSnapshot s = InteractionSnapshot.build(d, Config.defaults());
    InteractionMatrix a = s.matrix();
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve(InteractionSnapshot.LEARNERS_FILE), "learners")) {
      w.writeInt(s.numLearners());
      for (int u = 0; u < s.numLearners(); u++) w.writeString(s.learnerId(u));
    }
    int[] rowPtr = new int[a.numLearners() + 1];
    for (int u = 0; u < a.numLearners(); u++) rowPtr[u + 1] = a.rowEnd(u);
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve(InteractionSnapshot.MATRIX_FILE), "interactions")) {
      w.writeInt(a.numLearners());
      w.writeInt(a.numCourses());
      w.writeInts(rowPtr);
      w.writeInts(a.cols());
      w.writeFloats(a.vals());
      w.writeBytes(a.flags());
      s.order().write(w);
    }
    InteractionSnapshot t = InteractionSnapshot.load(dir, d, s.manifest("pop", Config.defaults(), 12, Map.of()));
    assertThat(t.matrix().colVals()).containsExactly(a.colVals());
    UserHistory x = s.history(s.learnerId(2), List.of());
    UserHistory y = t.history(s.learnerId(2), List.of());
    assertThat(y.courses()).containsExactly(x.courses());
  }

  @Test
  void aRowsFileOfAnotherShapeIsRefused(@TempDir Path dir) throws IOException {
    Dataset d = Fixtures.knnMatrix();
    InteractionSnapshot s = InteractionSnapshot.build(d, Config.defaults());
    s.save(dir);
    assertThatThrownBy(() -> LearnerRows.load(dir, s.numLearners(), d.numCourses() - 1))
        .isInstanceOf(IOException.class).hasMessageContaining("expected");
  }

  @Test
  void fromRowsRejectsInconsistentArrays() {
    assertThatThrownBy(() -> InteractionMatrix.fromRows(1, 3, new int[] {0, 2}, new int[] {2, 1}, new float[2], new byte[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsorted");
    assertThatThrownBy(() -> InteractionMatrix.fromRows(1, 3, new int[] {0, 1}, new int[] {0, 1}, new float[2], new byte[2]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InteractionMatrix.fromRows(1, 3, new int[] {0, 1}, new int[] {1}, new float[1], new byte[] {4}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flag");
  }

  @Test
  void takenAndDismissedAreFlagsOfTheEntriesNotOfCoursesWithoutOne() {
    // learner 0: course 1 taken, course 4 dismissed, course 2 both (enrolled then dismissed); learner 1: nothing marked
    InteractionMatrix m = InteractionMatrix.fromRows(2, 6, new int[] {0, 3, 4}, new int[] {1, 2, 4, 1},
        new float[] {1, 0, -1, 0.5f},
        new byte[] {InteractionMatrix.FLAG_TAKEN, InteractionMatrix.FLAG_TAKEN | InteractionMatrix.FLAG_DISMISSED,
            InteractionMatrix.FLAG_DISMISSED, 0});
    assertThat(m.taken(0, 1)).isTrue();
    assertThat(m.dismissed(0, 1)).isFalse();
    assertThat(m.taken(0, 2)).isTrue();
    assertThat(m.dismissed(0, 2)).isTrue();
    assertThat(m.dismissed(0, 4)).isTrue();
    assertThat(m.taken(0, 4)).isFalse();
    assertThat(m.taken(0, 5)).as("no entry, no mark").isFalse();
    assertThat(m.taken(1, 1)).isFalse();
    assertThat(m.flagsAt(1)).isEqualTo((byte) 3);
  }
}
