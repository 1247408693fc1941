package io.courserec.engine;

import io.courserec.config.ConfigKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ServerChild} in a JVM of its own, for the tests that kill servers ({@code SIGKILL}) or run several:
 * started on this JVM's class path with a small heap, its stderr in {@code <dir>/<name>.stderr}. {@link #awaitReady}
 * reads the child's URL line and polls {@code /ready}; {@link #close} kills it if it still runs.
 */
final class ServerProcess implements AutoCloseable {
  /** Deadline for start-up and readiness; only turns a hang into a failure (a shared machine starts JVMs slowly). */
  private static final long START_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final String name;
  private final Path stderr;
  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private String url;

  private ServerProcess(String name, Path stderr, Process process) {
    this.name = name;
    this.stderr = stderr;
    this.process = process;
    Thread.ofPlatform().daemon().name("stdout-" + name).start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) lines.add(line);
      } catch (IOException e) {
        // the child was killed
      }
    });
  }

  /**
   * Starts a server over the fixture with models and store under {@code dir} (shared by every server given the same
   * one) and these configuration overrides; does not wait for it (see {@link #awaitReady}).
   */
  static ServerProcess start(Path dir, String name, Map<ConfigKey, Object> config) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1", "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), ServerChild.class.getName(), dir.toString()));
    config.forEach((k, v) -> cmd.add(k.key() + "=" + v));
    Path stderr = dir.resolve(name + ".stderr");
    return new ServerProcess(name, stderr, new ProcessBuilder(cmd).redirectError(stderr.toFile()).start());
  }

  /** Reads the child's URL line, then polls {@code /ready} until it answers 200; returns the base URL. */
  String awaitReady() throws IOException, InterruptedException {
    if (url != null) return url;
    long deadline = System.nanoTime() + START_NANOS;
    String line = lines.poll(START_NANOS, TimeUnit.NANOSECONDS);
    if (line == null || !line.startsWith("URL ")) throw new AssertionError(name + " server did not start; " + stderrText());
    HttpTestClient http = new HttpTestClient(line.substring(4));
    while (http.get("/ready").status() != 200) {
      if (System.nanoTime() > deadline || !process.isAlive()) throw new AssertionError(name + " server not ready; " + stderrText());
      Thread.sleep(100);
    }
    url = line.substring(4);
    return url;
  }

  /** A client of the ready server. */
  HttpTestClient http() throws IOException, InterruptedException {
    return new HttpTestClient(awaitReady());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code SIGKILL}: no shutdown hook runs, open transactions are cut. Waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) throw new AssertionError(name + " server still alive 20 s after SIGKILL");
  }

  String stderrText() throws IOException {
    return "stderr of " + name + ":\n" + (Files.exists(stderr) ? Files.readString(stderr) : "(none)");
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }
}
