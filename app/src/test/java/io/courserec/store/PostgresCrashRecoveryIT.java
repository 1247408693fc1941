package io.courserec.store;

import org.junit.jupiter.api.AfterEach;

/** Crash recovery of the PostgreSQL store: the server rolls back the killed client's open transaction. */
class PostgresCrashRecoveryIT extends CrashRecoveryContract {
  private String server;
  private String schema;

  @Override
  String url() {
    server = PostgresTestDatabase.assumeReachable();
    schema = PostgresTestDatabase.freshSchema();
    return PostgresTestDatabase.withSchema(server, schema);
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) PostgresTestDatabase.dropSchema(server, schema);
  }
}
