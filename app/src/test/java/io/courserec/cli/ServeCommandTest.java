package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.api.FakeEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve} starts the API on the requested port, prints its URL, and closes the engine on stop. */
class ServeCommandTest {

  @Test
  void servesPrintsUrlAndClosesEngineOnStop() throws Exception {
    FakeEngine engine = new FakeEngine();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ServeCommand cmd = new ServeCommand(config -> engine, new PrintStream(printed, true, StandardCharsets.UTF_8));
    // a configured log id key: otherwise the server would generate courserec-id.key next to the default store, in data/
    new CommandLine(cmd).parseArgs("--port", "0", "--host", "127.0.0.1",
        "--set", "server.log_id_key=serve-command-test-key-0123456789abcdef");
    ServeCommand.Running running = cmd.start();
    try {
      String url = running.server().url();
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
      assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("courserec serving on " + url + " ");
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url + "/recommend?user=u1&k=1")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"course_id\":\"c2\"");
    } finally {
      running.stop();
    }
    assertThat(engine.closed).isTrue();
  }
}
