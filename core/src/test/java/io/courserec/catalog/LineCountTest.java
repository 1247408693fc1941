package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The total an import's progress counts against: the file's lines, with or without a final newline. */
class LineCountTest {
  @Test
  void countsLinesWithAndWithoutATrailingNewline(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.csv"), "user,item\nu1,c1\nu2,c2\n");
    Path b = Files.writeString(dir.resolve("b.csv"), "user,item\nu1,c1\nu2,c2");
    Path empty = Files.writeString(dir.resolve("e.csv"), "");
    assertThat(EventRowParser.countLines(a)).isEqualTo(3);
    assertThat(EventRowParser.countLines(b)).isEqualTo(3);
    assertThat(EventRowParser.countLines(empty)).isZero();
    assertThat(EventRowParser.countLines(dir.resolve("missing.csv"))).isZero(); // unknown total
    // 200,000 lines crosses the 64 KiB buffer many times
    Files.writeString(dir.resolve("big.csv"), "u,c\n".repeat(200_000));
    assertThat(EventRowParser.countLines(dir.resolve("big.csv"))).isEqualTo(200_000);
  }
}
