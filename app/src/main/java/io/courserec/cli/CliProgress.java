package io.courserec.cli;

import io.courserec.progress.Counter;
import io.courserec.progress.Progress;

/**
 * A command's progress display ({@link TerminalProgress}, {@link LineProgress} or none); closed before the command
 * prints its results so a status line never runs into them.
 */
interface CliProgress extends Progress, AutoCloseable {
  /** Shows nothing. */
  CliProgress OFF = new CliProgress() {
    @Override
    public void stage(String message) { }

    @Override
    public Counter count(String label, long total) {
      return Progress.NONE.count(label, total);
    }

    @Override
    public void close() { }
  };

  /** Erases what is still drawn (a status line); the display may still be used afterwards. */
  @Override
  void close();
}
