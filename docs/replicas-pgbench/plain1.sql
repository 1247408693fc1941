\set u random(1, 10000)
BEGIN;
SELECT pg_advisory_xact_lock(4242);
INSERT INTO courserec_pgbench.i (user_id, course_id, received) VALUES ('user' || :u, 'course1', 0);
COMMIT;
