package io.courserec.gen;

/** Receives progress of a generation run, from the writing thread, after each block of learners. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total, interactions) -> { };

  void progress(int usersDone, int usersTotal, long interactionsWritten);
}
