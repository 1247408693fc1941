package io.courserec.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The commit the code was built from, for the experiment log: {@code git rev-parse HEAD} in the given directory,
 * with "-dirty" appended when {@code git status --porcelain --untracked-files=no} reports changes. Empty when git
 * is missing, the directory is not a work tree, or git does not answer within five seconds.
 */
public final class GitRevision {
  private GitRevision() {}

  /** The commit of the work tree containing {@code dir}, if any. */
  public static Optional<String> of(Path dir) {
    Optional<String> head = git(dir, "rev-parse", "HEAD");
    if (head.isEmpty() || head.get().isEmpty()) return Optional.empty();
    boolean dirty = git(dir, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isEmpty()).orElse(false);
    return Optional.of(head.get() + (dirty ? "-dirty" : ""));
  }

  private static Optional<String> git(Path dir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Path out = null;
    try {
      // output goes to a file so a hung git cannot block us on a full pipe; we wait at most five seconds
      out = Files.createTempFile("courserec-git", ".out");
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(Files.readString(out, StandardCharsets.UTF_8).trim()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (out != null) out.toFile().delete();
    }
  }
}
