package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code courserec forget --user ID} through the real command line on the engine fixture: after it returns, no file
 * under {@code models/} holds the learner's id, and a later {@code train} from the same data files leaves them out.
 * Learner {@code u17} of the fixture is erased; its id is searched in the data set files only: as {@code "u17"} in a
 * format-1 {@code dataset.bin} (ids in its JSON header) and as its bytes in the learner table beside a format-2 one
 * ({@code dataset-learners.col}, ids as concatenated UTF-8; other binary model files could match three bytes by chance).
 */
class ForgetCommandTest {
  private static final Path DATA = Path.of("app/src/test/resources/engine/small");
  @TempDir Path dir;

  private IndexCommandsTest.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", DATA.toString(), "--models", dir.resolve("models").toString(),
        "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve("feedback.db"), "--set", "mf.rank=8",
        "--set", "mf.iterations=5"));
    return IndexCommandsTest.run(all.toArray(String[]::new));
  }

  @Test
  void forgetRebuildsWithoutTheLearnerAndTrainingKeepsThemOut() throws IOException {
    assertThat(run("train").exit()).isZero();
    assertThat(datasetsHolding("u17")).hasSize(1);
    IndexCommandsTest.Run r = run("forget", "--user", "u17");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("erased one learner").contains("rebuilt and promoted").contains("retired [v-");
    assertThat(datasetsHolding("u17")).isEmpty();
    IndexCommandsTest.Run t = run("train");
    assertThat(t.out()).contains("40 courses, 59 learners");
    assertThat(datasetsHolding("u17")).isEmpty();
    assertThat(datasetsHolding("u18")).as("the probe finds a learner that was not erased").hasSize(2);

    IndexCommandsTest.Run blank = run("forget", "--user", " ");
    assertThat(blank.exit()).isEqualTo(2);
    assertThat(blank.err()).contains("error: erasure incomplete: user "); // the id rule's own reason follows
  }

  private List<Path> datasetsHolding(String id) throws IOException {
    String quoted = "\"" + id + "\""; // as a JSON string in a format-1 header
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir.resolve("models"))) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (!name.equals("dataset.bin") && !name.equals("dataset-learners.col")) continue;
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1); // ids are ASCII here
        if (text.contains(name.equals("dataset.bin") ? quoted : id)) out.add(f);
      }
    }
    return out;
  }
}
