#!/usr/bin/env bash
# The pgbench comparison of docs/replicas.md: the append transaction's SQL (advisory lock, insert, commit) with and
# without one pg_notify, a consuming listener connected, five alternating 8 s rounds.
# Run from the repository root with PostgreSQL on 127.0.0.1:5432 (database test, user postgres, trust auth).
set -euo pipefail
cd "$(dirname "$0")"
PG="-h 127.0.0.1 -U postgres"
psql -q $PG test -c "DROP SCHEMA IF EXISTS courserec_pgbench CASCADE; CREATE SCHEMA courserec_pgbench;
  CREATE TABLE courserec_pgbench.i (seq bigint generated always as identity primary key, user_id text not null,
  course_id text not null, received bigint not null);"
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | tail -1)
java -cp "$PGJAR" Listen.java 200 &
LISTENER=$!
sleep 3
for round in 1 2 3 4 5; do
  for kind in plain notify; do
    for spec in "1 8" "100 1"; do
      set -- $spec
      tps=$(pgbench -n $PG -f "${kind}$1.sql" -c "$2" -j "$2" -T 8 test 2>&1 | grep '^tps' | sed 's/ (without.*//')
      echo "round=$round kind=$kind batch=$1 clients=$2 $tps load=$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
kill "$LISTENER"
psql -q $PG test -c "DROP SCHEMA courserec_pgbench CASCADE"
