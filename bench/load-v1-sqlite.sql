-- Loads active v1 sessions i = FIRST..LAST into the service SERVICE, in the service's own schema and
-- layout after migration V4, as POST /api/v1/services/SERVICE/sessions writes them: no role, name,
-- unique_name, metadata or voice; the service's default_ttl as the sliding ttl, routing until
-- created_at + ttl; no absolute end. Session i has two participants, +1203<i> on pool number
-- i mod POOL_SIZE and +1205<i> on another pool number (offset 1..POOL_SIZE-1, changing every
-- POOL_SIZE sessions), so each participant has its own proxy number, every pool number carries the
-- same share, and the number-reuse rule holds. The pool is +15551000000 onwards, POOL_SIZE numbers;
-- those missing are added. Run with the service's database migrated and the service made;
-- run.sh replaces NOW_MS, FIRST, LAST, POOL_SIZE and SERVICE. Run it again with the next range to
-- add more.
PRAGMA busy_timeout = 60000;
-- The shell's default 2 MB page cache makes the random-id index inserts read and write the same
-- pages over and over.
PRAGMA cache_size = -262144;
BEGIN IMMEDIATE;
INSERT INTO pool_number (number, id, service_id, country, area_code, capabilities, created_at, updated_at)
WITH RECURSIVE seq(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM seq WHERE k < POOL_SIZE - 1)
SELECT printf('+15551%06d', k), 'num_' || lower(hex(randomblob(16))),
       (SELECT id FROM service WHERE unique_name = 'SERVICE' AND deleted_at IS NULL), 'US', '555', 7, NOW_MS, NOW_MS
FROM seq
WHERE true
ON CONFLICT (number) DO NOTHING;

-- Session keys are handed out here, past every key AUTOINCREMENT has given, so that each session's
-- participants can be written against it.
CREATE TEMP TABLE load_v1 (i INTEGER PRIMARY KEY, session_id INTEGER NOT NULL);
INSERT INTO load_v1 (i, session_id)
WITH RECURSIVE seq(i) AS (SELECT FIRST UNION ALL SELECT i + 1 FROM seq WHERE i < LAST)
SELECT i, (SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'session'), 0),
                      COALESCE((SELECT MAX(id) FROM session), 0))) + i - FIRST + 1
FROM seq;

INSERT INTO session (id, public_id, service_id, mode, ttl, expires_at, created_at, updated_at)
SELECT l.session_id, 'ses_' || lower(hex(randomblob(16))), s.id, 'voice-and-message',
       NULLIF(s.default_ttl, 0), CASE WHEN s.default_ttl = 0 THEN NULL ELSE NOW_MS + s.default_ttl * 1000 END,
       NOW_MS, NOW_MS
FROM load_v1 l
CROSS JOIN (SELECT id, default_ttl FROM service WHERE unique_name = 'SERVICE' AND deleted_at IS NULL) s
ORDER BY l.session_id;

INSERT INTO participant (id, session_id, number, proxy_number, created_at, updated_at)
SELECT 'par_' || lower(hex(randomblob(16))), session_id, printf('+1203%07d', i),
       printf('+15551%06d', i % POOL_SIZE), NOW_MS, NOW_MS
FROM load_v1;

INSERT INTO participant (id, session_id, number, proxy_number, created_at, updated_at)
SELECT 'par_' || lower(hex(randomblob(16))), session_id, printf('+1205%07d', i),
       printf('+15551%06d', (i + 1 + (i / POOL_SIZE) % (POOL_SIZE - 1)) % POOL_SIZE), NOW_MS, NOW_MS
FROM load_v1;

DROP TABLE load_v1;

UPDATE pool_number
SET active_routes = (SELECT COUNT(*) FROM participant r WHERE r.proxy_number = pool_number.number AND r.released_at IS NULL)
WHERE service_id = (SELECT id FROM service WHERE unique_name = 'SERVICE' AND deleted_at IS NULL);
COMMIT;
ANALYZE;
