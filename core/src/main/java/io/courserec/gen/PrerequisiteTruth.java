package io.courserec.gen;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.courserec.catalog.Course;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code prerequisites-truth.csv}: one row {@code course_id,prerequisite_id} per true prerequisite edge, in
 * catalog order, for {@code generate --no-prerequisites} (the behaviour follows these chains while
 * {@code courses.csv} hides them, so prerequisite inference can be scored against the truth).
 */
final class PrerequisiteTruth {
  /** The header of the file. */
  static final List<String> COLUMNS = List.of("course_id", "prerequisite_id");

  private PrerequisiteTruth() {}

  static void write(Path file, List<Course> courses) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
         SequenceWriter rows = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out)) {
      rows.write(COLUMNS.toArray(String[]::new));
      for (Course c : courses) {
        for (String p : c.prerequisites()) rows.write(new String[] {c.id(), p});
      }
    }
  }
}
