package io.courserec.gen;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test support: the three generated files read back with Jackson CSV, independently of the writer's code. */
record GeneratedFiles(List<String> courseHeader, List<Map<String, String>> courses, List<String> userHeader,
                      List<Map<String, String>> users, List<String> interactionHeader,
                      List<Map<String, String>> interactions) {

  static GeneratedFiles read(Path dir) throws IOException {
    Table c = table(dir.resolve("courses.csv"));
    Table u = table(dir.resolve("users.csv"));
    Table i = table(dir.resolve("interactions.csv"));
    return new GeneratedFiles(c.header, c.rows, u.header, u.rows, i.header, i.rows);
  }

  private record Table(List<String> header, List<Map<String, String>> rows) {}

  private static Table table(Path file) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
    mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS);
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file);
         MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
             .with(CsvSchema.emptySchema().withHeader()).readValues(r)) {
      while (it.hasNextValue()) rows.add(it.nextValue());
      CsvSchema schema = (CsvSchema) it.getParserSchema();
      for (CsvSchema.Column col : schema) header.add(col.getName());
    }
    return new Table(header, rows);
  }
}
