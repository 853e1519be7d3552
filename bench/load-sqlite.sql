-- Loads 1,000,000 active masks over the 1,000 pool numbers +15550000000..+15550000999, in the
-- service's own schema and layout after migration V4: masks are sessions of the built-in service
-- 'default' whose two participants (roles client and contractor) share one proxy number, with an
-- absolute end (expires_at_fixed = expires_at, no ttl), as the seed API writes them. Mask i pairs
-- client +1201<i> with contractor +1202<i> on pool number i mod 1000, so every participant is
-- unique and the number-reuse rule holds.
-- Run with the service's database already migrated; run.sh replaces NOW_MS and MASKS_LAST (the
-- last mask's index, 999999 for 1,000,000).
PRAGMA busy_timeout = 60000;
-- The shell's default 2 MB page cache makes the random-id index inserts read and write the same
-- pages over and over.
PRAGMA cache_size = -262144;
BEGIN IMMEDIATE;
INSERT INTO pool_number (number, id, service_id, country, area_code, capabilities, created_at, updated_at)
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < 999)
SELECT printf('+1555%07d', i), 'num_' || lower(hex(randomblob(16))),
       (SELECT id FROM service WHERE unique_name = 'default'), 'US', '555', 7, NOW_MS, NOW_MS
FROM seq
WHERE true
ON CONFLICT (number) DO NOTHING;

INSERT INTO session (public_id, service_id, mode, pair_key, expires_at_fixed, expires_at, created_at, updated_at)
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < MASKS_LAST)
SELECT 'ses_' || lower(hex(randomblob(16))), (SELECT id FROM service WHERE unique_name = 'default'),
       'voice-and-message', printf('+1201%07d|+1202%07d', i, i),
       NOW_MS + 30 * 86400000, NOW_MS + 30 * 86400000, NOW_MS, NOW_MS
FROM seq;

INSERT INTO participant (id, session_id, role, number, proxy_number, created_at, updated_at)
SELECT 'par_' || lower(hex(randomblob(16))), id, 'client', substr(pair_key, 1, 12),
       printf('+1555%07d', CAST(substr(pair_key, 6, 7) AS INTEGER) % 1000), NOW_MS, NOW_MS
FROM session WHERE pair_key LIKE '+1201%';

INSERT INTO participant (id, session_id, role, number, proxy_number, created_at, updated_at)
SELECT 'par_' || lower(hex(randomblob(16))), id, 'contractor', substr(pair_key, 14, 12),
       printf('+1555%07d', CAST(substr(pair_key, 6, 7) AS INTEGER) % 1000), NOW_MS, NOW_MS
FROM session WHERE pair_key LIKE '+1201%';

UPDATE pool_number
SET active_routes = (SELECT COUNT(*) FROM participant r WHERE r.proxy_number = pool_number.number AND r.released_at IS NULL)
WHERE service_id = (SELECT id FROM service WHERE unique_name = 'default');
COMMIT;
ANALYZE;
