package io.courserec.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams a header-based CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and newlines) with
 * jackson-dataformat-csv, one {@link CsvRow} at a time, tracking each record's physical start line.
 *
 * <p>Header names are matched loosely: trimmed, lower-cased, spaces and hyphens as underscores
 * ({@code "Course ID"} is {@code course_id}); columns may come in any order. Fatal, as {@link DataException}:
 * missing or unreadable file, empty file, a required column missing, a column named twice, invalid UTF-8.
 * Per record (returned with {@link CsvRow#problem()} set, never thrown): a quoting error, a field count other
 * than the header's (extra trailing empty fields are tolerated), a record whose fields are all empty.
 * Blank lines are skipped and are not records.
 *
 * <p>Other {@link CsvDialect dialects} (tab or pipe separators, no quoting, ISO-8859-1) are read the same way. A file
 * without a header has no column names: fields are read by position ({@link CsvRow#field}) and the expected field
 * count is the caller's ({@link #expectFields}) or else the first record's.
 */
final class CsvRecordReader implements Closeable {
  private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

  private final String name;
  private final Reader reader;
  private final CsvParser parser;
  private final Map<String, Integer> columns;
  private final List<String> unknownColumns;
  private int headerSize;

  private CsvRecordReader(String name, Reader reader, CsvParser parser, Map<String, Integer> columns, List<String> unknown,
                          int headerSize) {
    this.headerSize = headerSize;
    this.name = name;
    this.reader = reader;
    this.parser = parser;
    this.columns = columns;
    this.unknownColumns = unknown;
  }

  /**
   * Opens a file and reads its header.
   *
   * @param name the file's name in messages and reports (e.g. {@code courses.csv})
   * @param known every column the caller reads; the others are reported by {@link #unknownColumns()}
   * @param required columns without which the file is unusable
   */
  static CsvRecordReader open(Path file, String name, Set<String> known, List<String> required) {
    return open(file, name, CsvDialect.CSV, known, required);
  }

  /**
   * Opens a file written in {@code dialect}; without a header {@code known} and {@code required} must be empty.
   *
   * @see #open(Path, String, Set, List)
   */
  static CsvRecordReader open(Path file, String name, CsvDialect dialect, Set<String> known, List<String> required) {
    Reader reader;
    try {
      reader = Files.newBufferedReader(file, dialect.charset());
    } catch (NoSuchFileException e) {
      throw new DataException(name + " not found: " + file);
    } catch (IOException e) {
      throw new DataException("cannot read " + name + " (" + file + "): " + e.getMessage(), e);
    }
    try {
      CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(reader);
      if (!dialect.equals(CsvDialect.CSV)) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(dialect.separator());
        parser.setSchema(dialect.quoted() ? schema : schema.withoutQuoteChar());
      }
      if (!dialect.header()) return new CsvRecordReader(name, reader, parser, Map.of(), List.of(), -1);
      List<String> header = readHeader(parser, name);
      Map<String, Integer> columns = new LinkedHashMap<>();
      List<String> unknown = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String col = header.get(i);
        if (col.isEmpty()) {
          unknown.add("(column " + (i + 1) + " without a name)");
          continue;
        }
        if (columns.putIfAbsent(col, i) != null) throw new DataException(name + ": column '" + col + "' appears twice in the header");
        if (!known.contains(col)) unknown.add(col);
      }
      for (String r : required) {
        if (!columns.containsKey(r)) {
          throw new DataException(name + ": missing required column '" + r + "' (header has: " + String.join(", ", header) + ")");
        }
      }
      return new CsvRecordReader(name, reader, parser, Collections.unmodifiableMap(columns), List.copyOf(unknown), header.size());
    } catch (IOException e) {
      closeQuietly(reader);
      throw fatal(name, e, 1);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
  }

  private static List<String> readHeader(CsvParser parser, String name) throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) throw new DataException(name + " is empty: expected a header row");
    List<String> header = new ArrayList<>();
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) header.add(normaliseColumn(parser.getText()));
    return header;
  }

  /** Header name as matched: cleaned, lower-cased, spaces and hyphens as underscores. */
  static String normaliseColumn(String raw) {
    return TextNormalizer.clean(raw).toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }

  /** Columns of the header that the caller does not read. */
  List<String> unknownColumns() { return unknownColumns; }

  /** True when the header has the column. */
  boolean has(String column) { return columns.containsKey(column); }

  /** The header's named columns and their 0-based positions, in header order (empty without a header). */
  Map<String, Integer> columns() { return columns; }

  /** The header's names whose positions are not in {@code used}, in header order (to report them as ignored). */
  List<String> columnsOtherThan(Set<Integer> used) {
    List<String> out = new ArrayList<>();
    columns.forEach((col, i) -> {
      if (!used.contains(i)) out.add(col);
    });
    return out;
  }

  /** Fields per record: the header's, or without a header the expected count (known after the first record). */
  int fields() { return headerSize; }

  /** Fixes the field count of a file without a header, instead of taking the first record's. */
  void expectFields(int n) { headerSize = n; }

  /** The next record, or null at the end of the file. */
  CsvRow next() {
    long line = parser.currentLocation().getLineNr();
    List<String> values = new ArrayList<>(columns.size() + 2);
    try {
      JsonToken t = parser.nextToken();
      if (t == null) return null;
      line = parser.currentLocation().getLineNr();
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) break;
        values.add(parser.getText());
      }
    } catch (CharacterCodingException e) {
      throw fatal(name, e, line);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      skipRestOfRecord();
      String detail = msg.contains("Missing closing quote")
          ? "unterminated quoted field starting on this line; the rest of the file is part of it"
          : firstSentence(msg);
      return new CsvRow(name, line, values, columns, IssueKind.MALFORMED_CSV, detail);
    } catch (IOException e) {
      throw fatal(name, e, line);
    }
    return check(line, values);
  }

  private CsvRow check(long line, List<String> values) {
    if (headerSize < 0) headerSize = values.size();
    int n = values.size();
    while (n > headerSize && values.get(n - 1).isBlank()) n--;
    if (n != values.size()) values = values.subList(0, n);
    boolean allBlank = values.stream().allMatch(String::isBlank);
    if (allBlank) return new CsvRow(name, line, values, columns, IssueKind.EMPTY_ROW, "");
    if (n != headerSize) {
      return new CsvRow(name, line, values, columns, IssueKind.FIELD_COUNT, "expected " + headerSize + " fields, found " + n);
    }
    return new CsvRow(name, line, values, columns, null, null);
  }


  private void skipRestOfRecord() {
    for (int guard = 0; guard < 1_000_000; guard++) {
      try {
        JsonToken t = parser.nextToken();
        if (t == null || t == JsonToken.END_ARRAY) return;
      } catch (IOException again) {
        // keep skipping to the end of the broken record
      }
    }
  }

  private static String firstSentence(String msg) {
    String m = msg.split("\n")[0];
    return m.length() > 160 ? m.substring(0, 157) + "..." : m;
  }

  private static DataException fatal(String name, IOException e, long line) {
    if (e instanceof CharacterCodingException) {
      return new DataException(name + ": not valid UTF-8 near line " + line + " (save the file as UTF-8)", e);
    }
    return new DataException("cannot read " + name + " near line " + line + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(Reader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
      reader.close();
    } catch (IOException e) {
      throw new DataException("cannot close " + name + ": " + e.getMessage(), e);
    }
  }
}
