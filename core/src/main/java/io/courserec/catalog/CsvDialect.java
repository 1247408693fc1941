package io.courserec.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How a delimited text file is written: the field separator, whether fields may be quoted (RFC 4180), the
 * character set and whether the first record is a header. The data directory's own files are {@link #CSV}; the log
 * importers also read tab-separated logs, MovieLens' pipe-separated ISO-8859-1 files and logs without a header.
 *
 * <p>{@link #sniff Separator detection} reads the first non-blank line: a tab outside quotes makes it tab-separated;
 * otherwise the most frequent of {@code , ; |} outside quotes wins (ties in that order), and a line with none of
 * them is read as comma-separated (a one-column file, which the caller then rejects for its missing columns).
 *
 * @param separator the field separator
 * @param quoted true when {@code "} starts a quoted field; false for formats that never quote (MovieLens)
 * @param charset the file's character set; UTF-8 is decoded strictly (invalid bytes are a fatal error)
 * @param header true when the first record names the columns
 */
record CsvDialect(char separator, boolean quoted, Charset charset, boolean header) {
  /** RFC 4180 CSV, UTF-8, with a header: courses.csv, users.csv, interactions.csv. */
  static final CsvDialect CSV = new CsvDialect(',', true, StandardCharsets.UTF_8, true);

  /** The same dialect with another separator. */
  CsvDialect withSeparator(char c) { return new CsvDialect(c, quoted, charset, header); }

  /** The same dialect with or without a header row. */
  CsvDialect withHeader(boolean h) { return new CsvDialect(separator, quoted, charset, h); }

  /** The separator by name: {@code tab} or {@code \t}, {@code comma}, {@code semicolon}, {@code pipe}, or one of {@code , ; |}. */
  static Optional<Character> separatorNamed(String name) {
    if (name == null) return Optional.empty();
    String n = name.length() == 1 ? name : name.strip().toLowerCase(Locale.ROOT); // a lone tab must not be stripped
    return switch (n) {
      case "tab", "\\t", "\t", "tsv" -> Optional.of('\t');
      case ",", "comma", "csv" -> Optional.of(',');
      case ";", "semicolon" -> Optional.of(';');
      case "|", "pipe" -> Optional.of('|');
      default -> Optional.empty();
    };
  }

  /** A readable name of the separator for notes and messages. */
  String separatorName() {
    return switch (separator) {
      case '\t' -> "tab";
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '|' -> "pipe";
      default -> "'" + separator + "'";
    };
  }

  /**
   * The separator of a file's first non-blank line, as described in the class comment. A file that cannot be read
   * gives a comma: opening it with {@link CsvRecordReader} then reports the real problem.
   */
  static char sniff(Path file, Charset charset) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) return separatorOf(line);
      }
    } catch (IOException e) {
      return ','; // also invalid bytes: the reader names the file and line
    }
    return ',';
  }

  /** The separator of one line (see the class comment). */
  static char separatorOf(String line) {
    int commas = 0;
    int semicolons = 0;
    int pipes = 0;
    boolean inQuotes = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') inQuotes = !inQuotes;
      if (inQuotes) continue;
      switch (c) {
        case '\t' -> { return '\t'; }
        case ',' -> commas++;
        case ';' -> semicolons++;
        case '|' -> pipes++;
        default -> { }
      }
    }
    if (commas >= semicolons && commas >= pipes) return ',';
    return semicolons >= pipes ? ';' : '|';
  }
}
