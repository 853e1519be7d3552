-- Loads 1,000,000 active masks over the 1,000 pool numbers +15550000000..+15550000999, in the
-- service's own schema and layout: mask i pairs client +1201<i> with contractor +1202<i> on pool
-- number i mod 1000, so every participant is unique and the number-reuse rule holds.
-- Run with the service's database already migrated; NOW_MS is replaced by the caller.
BEGIN;
INSERT INTO pool_number (number, created_at)
SELECT '+1555' || lpad(i::text, 7, '0'), NOW_MS FROM generate_series(0, 999) i
ON CONFLICT (number) DO NOTHING;

INSERT INTO session (pair_key, created_at, expires_at)
SELECT '+1201' || lpad(i::text, 7, '0') || '|+1202' || lpad(i::text, 7, '0'), NOW_MS, NOW_MS + 30::bigint * 86400000
FROM generate_series(0, 999999) i;

INSERT INTO participant (session_id, role, number, proxy_number)
SELECT id, 'client', substr(pair_key, 1, 12), '+1555' || lpad((substr(pair_key, 6, 7)::int % 1000)::text, 7, '0')
FROM session WHERE pair_key LIKE '+1201%';

INSERT INTO participant (session_id, role, number, proxy_number)
SELECT id, 'contractor', substr(pair_key, 14, 12), '+1555' || lpad((substr(pair_key, 6, 7)::int % 1000)::text, 7, '0')
FROM session WHERE pair_key LIKE '+1201%';

UPDATE pool_number p
SET active_routes = (SELECT COUNT(*) FROM participant r WHERE r.proxy_number = p.number AND r.released_at IS NULL);
COMMIT;
ANALYZE;
