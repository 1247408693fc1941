\set u random(1, 10000)
BEGIN;
SELECT pg_advisory_xact_lock(4242);
INSERT INTO courserec_pgbench.i (user_id, course_id, received) SELECT 'user' || ((:u + g) % 10000), 'course1', 0 FROM generate_series(1, 100) g;
SELECT pg_notify('courserec_pgbench', (SELECT '{"kind":"feedback","users":[' || string_agg('"user' || ((:u + g) % 10000) || '"', ',') || ']}' FROM generate_series(1, 100) g));
COMMIT;
