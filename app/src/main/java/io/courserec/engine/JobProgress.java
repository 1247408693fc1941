package io.courserec.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The step convention of progress messages ({@code Consumer<String>}, as {@link ModelBuilder#build} reports them):
 * a message {@code "[k/n] text"} starts step {@code k} of {@code n} named {@code text}, so {@code (k - 1) / n} of
 * the work is done; {@code "[k/n p%] text"} says the step itself is {@code p} % done. Any other message is a detail
 * of the current step. Plain strings keep the CLI, the log and the job API on one channel; {@link BackgroundJobs}
 * reads the steps into {@link JobStatus#stage()} and {@link JobStatus#progress()}.
 */
public final class JobProgress {
  private static final Pattern STEP = Pattern.compile("^\\[(\\d{1,3})/(\\d{1,3})(?: (\\d{1,3})%)?] (.*)$", Pattern.DOTALL);

  /**
   * A parsed step message: its stage text, the fraction of the whole work done when it was sent, and which step
   * ({@code k} of {@code n}) it is, so a count inside the step can move the fraction within the step's share.
   */
  public record Step(String stage, double fraction, int k, int n) {
    /** The fraction of the whole work done when {@code within} (0 to 1) of this step is done. */
    public double at(double within) {
      return (k - 1 + Math.max(0, Math.min(1, within))) / n;
    }
  }

  private JobProgress() {}

  /** {@code "[k/n] text"}: step {@code k} (from 1) of {@code n} starts. */
  public static String step(int k, int n, String text) {
    if (k < 1 || k > n) throw new IllegalArgumentException("step " + k + " of " + n);
    return "[" + k + "/" + n + "] " + text;
  }

  /** {@code "[k/n p%] text"}: step {@code k} of {@code n} is {@code percent} % done. */
  public static String within(int k, int n, int percent, String text) {
    if (k < 1 || k > n || percent < 0 || percent > 100) throw new IllegalArgumentException(k + "/" + n + " " + percent + "%");
    return String.format(Locale.ROOT, "[%d/%d %d%%] %s", k, n, percent, text);
  }

  /** The step a message names, or null when it names none (a detail, or a malformed step such as 0/3 or 4/3). */
  public static Step parse(String message) {
    if (message == null) return null;
    Matcher m = STEP.matcher(message);
    if (!m.matches()) return null;
    int k = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    int percent = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (k < 1 || k > n || percent > 100) return null;
    return new Step(m.group(4), (k - 1 + percent / 100.0) / n, k, n);
  }
}
