package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Restart keeps every acknowledged event" at the store level: a child JVM ({@link AppendingChild}) appends in a
 * loop and prints an acknowledgement after each append returned; the test kills it with SIGKILL mid-stream, twice
 * (the second child writes into the store the first one left behind), then reopens the store and checks that
 * every acknowledged batch is there in full, that no batch is there in part, and that nothing beyond the one
 * batch in flight at the kill was stored. A process kill leaves the OS page cache intact, so this exercises
 * commit and recovery logic, not the fsync that protects against power loss (see {@code docs/store.md}).
 */
abstract class CrashRecoveryContract {
  /** Acknowledgements to wait for before the kill; enough that the kill lands well inside the loop. */
  private static final int ACKS_BEFORE_KILL = 60;
  private static final long TIMEOUT_SECONDS = 20;

  @TempDir
  Path tmp;

  /** URL of a fresh store for this test. */
  abstract String url() throws Exception;

  @Test
  void killedAppenderLosesNoAcknowledgedEvent() throws Exception {
    String url = url();
    int lastAckFirst = runAndKill(url, "r1");
    int lastAckSecond = runAndKill(url, "r2");

    try (InteractionStore store = InteractionStores.open(url)) {
      Map<String, Map<Integer, Long>> sizes = store.all()
          .map(e -> e.interaction().eventId().split(":"))
          .collect(Collectors.groupingBy(id -> id[0], TreeMap::new,
              Collectors.groupingBy(id -> Integer.parseInt(id[1]), TreeMap::new, Collectors.counting())));
      checkRun(sizes.get("r1"), lastAckFirst);
      checkRun(sizes.get("r2"), lastAckSecond);
      long total = sizes.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
      assertThat(store.count()).isEqualTo(total);
      assertThat(store.countsByEvent().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }
  }

  private static void checkRun(Map<Integer, Long> stored, int lastAck) {
    assertThat(stored).isNotNull();
    for (int b = 0; b <= lastAck; b++) {
      assertThat(stored.get(b)).as("acknowledged batch %d", b).isEqualTo(AppendingChild.batchSize(b));
    }
    stored.forEach((b, n) -> assertThat(n).as("batch %d is all or nothing", b).isEqualTo(AppendingChild.batchSize(b)));
    // at most the batch in flight (committed, killed before it printed its ACK) goes beyond the acknowledged ones
    assertThat(stored.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow()).isBetween(lastAck,
        lastAck + 1);
  }

  /** Starts a child, waits for {@link #ACKS_BEFORE_KILL} acks, kills it; returns the last batch it acknowledged. */
  private int runAndKill(String url, String run) throws Exception {
    Path err = tmp.resolve(run + ".stderr");
    Path acksFile = tmp.resolve(run + ".acks");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        AppendingChild.class.getName(), url, run, acksFile.toString())
        .redirectError(err.toFile())
        .start();
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread pump = Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) lines.add(line);
      } catch (IOException e) {
        // stream closed by the kill
      }
      lines.add("EOF");
    });
    int lastAck = -1;
    int acks = 0;
    try {
      while (acks < ACKS_BEFORE_KILL) {
        String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null || line.equals("EOF")) {
          throw new AssertionError("child " + run + " stopped before " + ACKS_BEFORE_KILL + " acks; stderr:\n"
              + Files.readString(err));
        }
        if (line.startsWith("ACK ")) {
          lastAck = Integer.parseInt(line.substring(4));
          acks++;
        }
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
    }
    assertThat(child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    pump.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    // acks written before the kill that the loop above had not read count too; the file has them all (the pipe may
    // lose the last lines: destroying a process closes the parent's end of its stdout)
    for (String line : Files.readAllLines(acksFile, StandardCharsets.US_ASCII)) {
      if (line.startsWith("ACK ")) lastAck = Math.max(lastAck, Integer.parseInt(line.substring(4)));
    }
    return lastAck;
  }
}
