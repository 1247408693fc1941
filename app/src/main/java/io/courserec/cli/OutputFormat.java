package io.courserec.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.courserec.api.JsonCodec;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --format table|json} option of the commands that print one answer (explain, path, skills), mixed in
 * with {@code @Mixin}, and the indented JSON they print: the same document the HTTP API answers.
 */
final class OutputFormat {
  @Option(names = "--format", defaultValue = "table", description = "table | json (default ${DEFAULT-VALUE})")
  String format;

  /** True for json, false for table; a {@link UserError} for anything else. */
  boolean json() {
    if (!format.equals("table") && !format.equals("json")) {
      throw new UserError("--format must be table or json, got '" + format + "'");
    }
    return format.equals("json");
  }

  static void printJson(PrintWriter out, Object value) throws IOException {
    out.println(JsonCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
  }
}
