package io.courserec.store;

import java.util.List;

/**
 * One numbered schema change: the statements run, in order, inside the migration transaction. A migration is
 * history and never edited once released; a change to the schema is a new migration with the next number.
 * Statements deliberately do not say {@code IF NOT EXISTS}: running one twice must fail loudly, not hide a bug in
 * the version bookkeeping.
 */
record Migration(int version, String description, List<String> statements) {
  Migration {
    if (version < 1) throw new IllegalArgumentException("migration version must be >= 1, got " + version);
    statements = List.copyOf(statements);
  }
}
