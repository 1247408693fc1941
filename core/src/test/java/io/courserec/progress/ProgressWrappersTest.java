package io.courserec.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Progress#prefixed} and {@link Progress#alsoTo}: what reaches the inner progress and the extra sink. */
class ProgressWrappersTest {
  private final List<String> seen = new ArrayList<>();
  private final List<String> counted = new ArrayList<>();
  private final Progress inner = new Progress() {
    @Override
    public void stage(String message) {
      seen.add("stage " + message);
    }

    @Override
    public void note(String message) {
      seen.add("note " + message);
    }

    @Override
    public Counter count(String label, long total) {
      counted.add(label + "/" + total);
      return new Counter(label, total, Long.MAX_VALUE, Counter.Listener.SILENT);
    }
  };

  @Test
  void prefixedPutsThePrefixBeforeStagesAndNotesButNotCountLabels() {
    List<String> logged = new ArrayList<>();
    Progress p = inner.alsoTo(logged::add).prefixed("tuning: ");
    p.stage("itemknn k=20: 0.31");
    p.note("done");
    try (Counter c = p.count("tuning trials", 30)) {
      c.advance();
      assertThat(c.done()).isEqualTo(1);
    }
    assertThat(seen).containsExactly("stage tuning: itemknn k=20: 0.31", "note tuning: done");
    assertThat(logged).containsExactly("tuning: itemknn k=20: 0.31", "tuning: done");
    assertThat(counted).containsExactly("tuning trials/30");
  }
}
