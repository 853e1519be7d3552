-- Loads active v1 sessions i = FIRST..LAST into the service SERVICE, in the service's own schema and
-- layout after migration V4, as POST /api/v1/services/SERVICE/sessions writes them: no role, name,
-- unique_name, metadata or voice; the service's default_ttl as the sliding ttl, routing until
-- created_at + ttl; no absolute end. Session i has two participants, +1203<i> on pool number
-- i mod POOL_SIZE and +1205<i> on another pool number (offset 1..POOL_SIZE-1, changing every
-- POOL_SIZE sessions), so each participant has its own proxy number, every pool number carries the
-- same share, and the number-reuse rule holds. The pool is +15551000000 onwards, POOL_SIZE numbers;
-- those missing are added. Ids are made as migration V4 makes them. Run with the service's database
-- migrated and the service made; run.sh replaces NOW_MS, FIRST, LAST, POOL_SIZE and SERVICE. Run it
-- again with the next range to add more.
BEGIN;
INSERT INTO pool_number (number, id, service_id, country, area_code, capabilities, created_at, updated_at)
SELECT '+15551' || lpad(k::text, 6, '0'), 'num_' || replace(gen_random_uuid()::text, '-', ''),
       (SELECT id FROM service WHERE unique_name = 'SERVICE' AND deleted_at IS NULL), 'US', '555', 7, NOW_MS, NOW_MS
FROM generate_series(0, POOL_SIZE - 1) k
ON CONFLICT (number) DO NOTHING;

-- Session keys are drawn from the identity's own sequence here, so that each session's
-- participants can be written against it.
CREATE TEMP TABLE load_v1 ON COMMIT DROP AS
SELECT i, nextval(pg_get_serial_sequence('session', 'id')) AS session_id
FROM generate_series(FIRST, LAST) i;

INSERT INTO session (id, public_id, service_id, mode, ttl, expires_at, created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT l.session_id, 'ses_' || replace(gen_random_uuid()::text, '-', ''), s.id, 'voice-and-message',
       NULLIF(s.default_ttl, 0), CASE WHEN s.default_ttl = 0 THEN NULL ELSE NOW_MS + s.default_ttl * 1000 END,
       NOW_MS, NOW_MS
FROM load_v1 l
CROSS JOIN (SELECT id, default_ttl FROM service WHERE unique_name = 'SERVICE' AND deleted_at IS NULL) s
ORDER BY l.session_id;

INSERT INTO participant (id, session_id, number, proxy_number, created_at, updated_at)
SELECT 'par_' || replace(gen_random_uuid()::text, '-', ''), session_id, '+1203' || lpad(i::text, 7, '0'),
       '+15551' || lpad((i % POOL_SIZE)::text, 6, '0'), NOW_MS, NOW_MS
FROM load_v1;

INSERT INTO participant (id, session_id, number, proxy_number, created_at, updated_at)
SELECT 'par_' || replace(gen_random_uuid()::text, '-', ''), session_id, '+1205' || lpad(i::text, 7, '0'),
       '+15551' || lpad(((i + 1 + (i / POOL_SIZE) % (POOL_SIZE - 1)) % POOL_SIZE)::text, 6, '0'), NOW_MS, NOW_MS
FROM load_v1;

UPDATE pool_number p
SET active_routes = (SELECT COUNT(*) FROM participant r WHERE r.proxy_number = p.number AND r.released_at IS NULL)
WHERE p.service_id = (SELECT id FROM service WHERE unique_name = 'SERVICE' AND deleted_at IS NULL);
COMMIT;
ANALYZE;
