package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordReaderTest {
  @TempDir
  Path dir;

  private List<CsvRow> readAll(String content, Set<String> known) throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, content);
    List<CsvRow> rows = new ArrayList<>();
    try (CsvRecordReader r = CsvRecordReader.open(f, "t.csv", known, List.of("id"))) {
      for (CsvRow row = r.next(); row != null; row = r.next()) rows.add(row);
    }
    return rows;
  }

  @Test
  void physicalLineNumbersSurviveQuotedNewlinesAndBlankLines() throws IOException {
    List<CsvRow> rows = readAll("id,text\n1,\"a\nb\nc\"\n\n2,\"x, \"\"y\"\"\"\r\n3,z\n", Set.of("id", "text"));
    assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 6L, 7L);
    assertThat(rows.get(0).get("text")).isEqualTo("a\nb\nc");
    assertThat(rows.get(1).get("text")).isEqualTo("x, \"y\"");
    assertThat(rows).allMatch(r -> r.problem() == null);
  }

  @Test
  void headerIsMatchedLooselyAndUnknownColumnsListed() throws IOException {
    Path f = dir.resolve("h.csv");
    Files.writeString(f, "\uFEFF ID ,Course Title,Extra-Col\n1,T,x\n");
    try (CsvRecordReader r = CsvRecordReader.open(f, "h.csv", Set.of("id", "course_title"), List.of("id"))) {
      assertThat(r.unknownColumns()).containsExactly("extra_col");
      CsvRow row = r.next();
      assertThat(row.get("course_title")).isEqualTo("T");
      assertThat(row.get("missing")).isNull();
    }
  }

  @Test
  void badRecordsAreReturnedWithTheirProblemAndReadingGoesOn() throws IOException {
    List<CsvRow> rows = readAll("id,text\n1,\"abc\"def\n2,ok,extra\n3,ok,,\n,\n4\n5,fine\n6,\"never closed\n7,x\n", Set.of("id", "text"));
    assertThat(rows).extracting(r -> r.line() + ":" + r.problem() + ":" + r.problemDetail()).containsExactly(
        "2:MALFORMED_CSV:Unexpected character ('d' (code 100)): Expected column separator character (',' (code 44)) or end-of-line",
        "3:FIELD_COUNT:expected 2 fields, found 3",
        "4:null:null", // trailing empty fields are tolerated
        "5:EMPTY_ROW:",
        "6:FIELD_COUNT:expected 2 fields, found 1",
        "7:null:null",
        "8:MALFORMED_CSV:unterminated quoted field starting on this line; the rest of the file is part of it");
  }

  @Test
  void fatalProblemsNameTheFile() throws IOException {
    assertThatThrownBy(() -> readAll("", Set.of("id"))).isInstanceOf(DataException.class)
        .hasMessage("t.csv is empty: expected a header row");
    assertThatThrownBy(() -> readAll("id,name,id\n", Set.of("id"))).hasMessage("t.csv: column 'id' appears twice in the header");
    assertThatThrownBy(() -> readAll("name\nx\n", Set.of("id"))).hasMessage("t.csv: missing required column 'id' (header has: name)");
    assertThatThrownBy(() -> CsvRecordReader.open(dir.resolve("none.csv"), "none.csv", Set.of(), List.of()))
        .hasMessage("none.csv not found: " + dir.resolve("none.csv"));
  }
}
