package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDialectTest {
  @TempDir
  Path dir;

  @Test
  void theSeparatorOfALine() {
    assertThat(CsvDialect.separatorOf("user\titem,with,commas")).isEqualTo('\t'); // a tab wins outright
    assertThat(CsvDialect.separatorOf("a;b;c,d")).isEqualTo(';'); // 2 semicolons > 1 comma
    assertThat(CsvDialect.separatorOf("\"x;y;z\",b")).isEqualTo(','); // separators inside quotes do not count
    assertThat(CsvDialect.separatorOf("a|b|c")).isEqualTo('|');
    assertThat(CsvDialect.separatorOf("a,b|c")).isEqualTo(','); // a tie goes to the comma
    assertThat(CsvDialect.separatorOf("single")).isEqualTo(',');
  }

  @Test
  void sniffSkipsBlankLinesAndFallsBackToAComma() throws IOException {
    Path f = Files.writeString(dir.resolve("f.txt"), "\n  \nu|i|t\n1,2,3\n");
    assertThat(CsvDialect.sniff(f, StandardCharsets.UTF_8)).isEqualTo('|');
    assertThat(CsvDialect.sniff(dir.resolve("missing"), StandardCharsets.UTF_8)).isEqualTo(',');
  }

  @Test
  void separatorNames() {
    assertThat(CsvDialect.separatorNamed("\t")).contains('\t');
    assertThat(CsvDialect.separatorNamed("TAB")).contains('\t');
    assertThat(CsvDialect.separatorNamed("\\t")).contains('\t');
    assertThat(CsvDialect.separatorNamed(";")).contains(';');
    assertThat(CsvDialect.separatorNamed("#")).isEmpty();
  }
}
