package io.courserec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.courserec.api.JsonCodec;
import io.courserec.engine.RankedCourse;
import io.courserec.engine.RecommendResult;
import io.courserec.rec.Evidence;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code recommend} answers in one of three formats: {@code table} (one block per learner; with explanations
 * the evidence under each course), {@code csv} ({@code user_id,rank,course_id,score}, header once, RFC 4180 quoting
 * by Jackson) and {@code json} (the API's snake_case answer; pretty for one learner, one object per line for many).
 */
final class RecommendationWriter {
  private static final CsvMapper CSV = new CsvMapper();
  private static final CsvSchema ROW = CsvSchema.emptySchema();

  private final String format;
  private final boolean explain;
  private final boolean many;
  private final PrintWriter out;
  private final ObjectMapper json;
  private boolean headerWritten;

  RecommendationWriter(String format, boolean explain, boolean many, PrintWriter out) {
    this.format = format;
    this.explain = explain;
    this.many = many;
    this.out = out;
    ObjectMapper m = JsonCodec.mapper();
    this.json = many ? m : m.enable(SerializationFeature.INDENT_OUTPUT);
  }

  void write(RecommendResult r) {
    switch (format) {
      case "csv" -> csv(r);
      case "json" -> out.println(toJson(r));
      default -> table(r);
    }
  }

  void finish() {
    out.flush();
  }

  private void csv(RecommendResult r) {
    if (!headerWritten) {
      out.print(line(new String[] {"user_id", "rank", "course_id", "score"}));
      headerWritten = true;
    }
    for (RankedCourse c : r.items()) {
      out.print(line(new String[] {r.userId(), Integer.toString(c.rank()), c.courseId(), Double.toString(c.score())}));
    }
  }

  private static String line(String[] fields) {
    try {
      return CSV.writerFor(String[].class).with(ROW).writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String toJson(RecommendResult r) {
    try {
      return json.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void table(RecommendResult r) {
    out.printf("recommendations for %s: %s, strategy %s%s, model %s%n", r.userId(), r.algorithm(), r.strategy(),
        r.segment().isEmpty() ? "" : ", " + r.segment() + " learner", r.modelVersion());
    if (r.items().isEmpty()) {
      out.println("  (no course to recommend)");
      return;
    }
    out.printf("%4s  %7s  %5s  %-12s  %-44s  %-12s  %s%n", "rank", "score", "conf", "course", "title", "level", "signals");
    for (RankedCourse c : r.items()) {
      out.printf(Locale.ROOT, "%4d  %7.4f  %5.2f  %-12s  %-44s  %-12s  %s%n", c.rank(), c.score(), c.confidence(),
          SearchCommand.cut(c.courseId(), 12), SearchCommand.cut(c.title(), 44), c.level(), shares(c.signals()));
      if (explain) {
        for (Evidence e : c.evidence()) out.printf(Locale.ROOT, "        - %-7s %s%n", e.signal(), e.text());
      }
    }
    if (many) out.println();
  }

  /** "itemcf 54%, content 30%, prior 16%": shares from largest down, those under 0.5% left out. */
  static String shares(Map<String, Double> signals) {
    return signals.entrySet().stream().filter(e -> e.getValue() >= 0.005)
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
