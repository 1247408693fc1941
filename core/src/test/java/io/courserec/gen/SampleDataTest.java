package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample is exactly what data/sample/README.md says produced it: regenerating with those settings
 * gives the same bytes. Fails after a generator (or CSV writer) change until the sample is regenerated.
 */
class SampleDataTest {
  private static final Path SAMPLE = Path.of("data/sample");

  @Test
  void committedSampleMatchesItsDocumentedCommand(@TempDir Path tmp) throws IOException {
    // ./courserec generate --out data/sample --courses 400 --users 3000 --seed 42
    GeneratorSettings s = GeneratorSettings.defaults(42).withCourses(400).withUsers(3000);
    new DataGenerator(s).generate(tmp, ProgressListener.NONE);
    for (String f : List.of("courses.csv", "users.csv", "interactions.csv")) {
      assertThat(Files.mismatch(SAMPLE.resolve(f), tmp.resolve(f)))
          .as("%s differs from a fresh generation; rerun the command in data/sample/README.md", f).isEqualTo(-1L);
    }
    assertThat(Files.readString(SAMPLE.resolve("README.md")))
        .contains("./courserec generate --out data/sample --courses 400 --users 3000 --seed 42");
  }
}
