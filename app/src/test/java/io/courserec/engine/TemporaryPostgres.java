package io.courserec.engine;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own: {@code initdb} into a temporary directory, {@code pg_ctl} start and stop
 * on a free port of its own (never the shared server on 5432, which it does not touch). Binaries are found under
 * {@code /usr/lib/postgresql/VERSION/bin} (the highest version). {@code initdb} refuses to run as root, so as root
 * every command runs through {@code runuser -u postgres}; without those, the test is skipped with one line saying
 * why. Trust authentication, {@code fsync=off} (durability is not what these tests check).
 */
final class TemporaryPostgres implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final List<String> asUser;
  private boolean running;

  private TemporaryPostgres(Path bin, Path dir, int port, List<String> asUser) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.asUser = asUser;
  }

  /** Creates and starts a server, or skips the test with a message when that is impossible here. */
  static TemporaryPostgres startOrSkip() throws IOException, InterruptedException {
    Path bin = binaries();
    Assumptions.assumeTrue(bin != null, "PostgreSQL outage test skipped: no initdb under /usr/lib/postgresql/*/bin");
    List<String> asUser = List.of();
    if ("root".equals(System.getProperty("user.name"))) {
      boolean canSwitch = Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"));
      Assumptions.assumeTrue(canSwitch && userExists("postgres"),
          "PostgreSQL outage test skipped: running as root (initdb refuses root) and no runuser + user postgres");
      asUser = List.of("runuser", "-u", "postgres", "--");
    }
    Path dir = Files.createTempDirectory("courserec-pg-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // for user postgres
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    TemporaryPostgres pg = new TemporaryPostgres(bin, dir, port, asUser);
    pg.run("initdb", "-D", pg.data.toString(), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
    pg.start();
    return pg;
  }

  /** JDBC URL of database {@code postgres} as user {@code postgres}, with short connect timeouts. */
  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2";
  }

  void start() throws IOException, InterruptedException {
    run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    running = true;
  }

  /** Stops the server ({@code -m fast}: open sessions are cut, as on a crash of the database host's service). */
  void stop() throws IOException, InterruptedException {
    run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    running = false;
  }

  @Override
  public void close() throws Exception {
    try {
      if (running) stop();
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private void run(String tool, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(asUser);
    cmd.add(bin.resolve(tool).toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) return null;
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparingInt(b -> parseOrZero(b.getParent().getFileName().toString()))).orElse(null);
    }
  }

  private static int parseOrZero(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean userExists(String name) throws IOException {
    return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(name + ":"));
  }
}
