package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The error codes the code can answer with are exactly the ones docs/api.md lists, each with its status. */
class ErrorKindTest {
  private static final Pattern CODE = Pattern.compile("`([a-z_]+)`");

  @Test
  void everyKindIsDocumentedWithItsStatusAndEveryDocumentedCodeExists() throws IOException {
    // rows of the error table: "| 404 | `unknown_course`, `unknown_user` | when | field |"
    Map<String, Set<Integer>> documented = new HashMap<>();
    List<String> lines = Files.readAllLines(Path.of("docs/api.md"));
    for (String line : lines) {
      String[] cells = line.split("\\|");
      if (cells.length < 4 || !cells[1].trim().matches("\\d{3}(, \\d{3})*")) continue;
      List<Integer> statuses = Arrays.stream(cells[1].trim().split(", ")).map(Integer::parseInt).toList();
      Matcher m = CODE.matcher(cells[2]);
      List<String> codes = new java.util.ArrayList<>();
      while (m.find()) codes.add(m.group(1));
      // one status for every code, or one status per code in order ("400, 414, 431 | a, b, c")
      for (int i = 0; i < codes.size(); i++) {
        int status = statuses.size() == codes.size() ? statuses.get(i) : statuses.get(0);
        documented.computeIfAbsent(codes.get(i), c -> new HashSet<>()).add(status);
      }
    }
    Map<String, Set<Integer>> answered = new HashMap<>();
    for (ErrorKind k : ErrorKind.values()) answered.computeIfAbsent(k.code(), c -> new HashSet<>()).add(k.status());
    assertThat(documented).as("docs/api.md error table vs ErrorKind").isEqualTo(answered);
  }

  @Test
  void codesAreLowerSnakeCaseAndUnknownEntitiesMapToTheirKind() {
    assertThat(Arrays.stream(ErrorKind.values()).map(ErrorKind::code).collect(Collectors.toSet()))
        .allMatch(c -> c.matches("[a-z]+(_[a-z]+)*"));
    assertThat(ErrorKind.unknown("user")).isEqualTo(ErrorKind.UNKNOWN_USER);
    assertThat(ErrorKind.unknown("course")).isEqualTo(ErrorKind.UNKNOWN_COURSE);
    assertThat(ErrorKind.unknown("job")).isEqualTo(ErrorKind.UNKNOWN_JOB);
    assertThat(ErrorKind.unknown("planet")).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(ErrorKind.ofJettyStatus(414)).isEqualTo(ErrorKind.URI_TOO_LONG);
    assertThat(ErrorKind.ofJettyStatus(418)).isNull();
  }
}
