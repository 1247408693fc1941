package io.courserec.store;

/** Crash recovery of the SQLite store: a WAL file left by a killed writer is recovered on the next open. */
class SqliteCrashRecoveryIT extends CrashRecoveryContract {
  @Override
  String url() {
    return SqliteInteractionStore.URL_PREFIX + tmp.resolve("feedback.db");
  }
}
