-- Loads 1,000,000 active masks over the 1,000 pool numbers +15550000000..+15550000999, in the
-- service's own schema and layout: mask i pairs client +1201<i> with contractor +1202<i> on pool
-- number i mod 1000, so every participant is unique and the number-reuse rule holds.
-- Run with the service's database already migrated; NOW_MS is replaced by the caller.
PRAGMA busy_timeout = 60000;
BEGIN IMMEDIATE;
INSERT INTO pool_number (number, created_at)
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < 999)
SELECT printf('+1555%07d', i), NOW_MS FROM seq
WHERE true
ON CONFLICT (number) DO NOTHING;

INSERT INTO session (pair_key, created_at, expires_at)
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < 999999)
SELECT printf('+1201%07d|+1202%07d', i, i), NOW_MS, NOW_MS + 30 * 86400000 FROM seq;

INSERT INTO participant (session_id, role, number, proxy_number)
SELECT id, 'client', substr(pair_key, 1, 12), printf('+1555%07d', CAST(substr(pair_key, 6, 7) AS INTEGER) % 1000)
FROM session WHERE pair_key LIKE '+1201%';

INSERT INTO participant (session_id, role, number, proxy_number)
SELECT id, 'contractor', substr(pair_key, 14, 12), printf('+1555%07d', CAST(substr(pair_key, 6, 7) AS INTEGER) % 1000)
FROM session WHERE pair_key LIKE '+1201%';

UPDATE pool_number
SET active_routes = (SELECT COUNT(*) FROM participant r WHERE r.proxy_number = pool_number.number AND r.released_at IS NULL);
COMMIT;
ANALYZE;
