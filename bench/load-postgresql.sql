-- Loads 1,000,000 active masks over the 1,000 pool numbers +15550000000..+15550000999, in the
-- service's own schema and layout after migration V4: masks are sessions of the built-in service
-- 'default' whose two participants (roles client and contractor) share one proxy number, with an
-- absolute end (expires_at_fixed = expires_at, no ttl), as the seed API writes them. Mask i pairs
-- client +1201<i> with contractor +1202<i> on pool number i mod 1000, so every participant is
-- unique and the number-reuse rule holds. Ids are made as migration V4 makes them.
-- Run with the service's database already migrated; run.sh replaces NOW_MS and MASKS_LAST (the
-- last mask's index, 999999 for 1,000,000).
BEGIN;
INSERT INTO pool_number (number, id, service_id, country, area_code, capabilities, created_at, updated_at)
SELECT '+1555' || lpad(i::text, 7, '0'), 'num_' || replace(gen_random_uuid()::text, '-', ''),
       (SELECT id FROM service WHERE unique_name = 'default'), 'US', '555', 7, NOW_MS, NOW_MS
FROM generate_series(0, 999) i
ON CONFLICT (number) DO NOTHING;

INSERT INTO session (public_id, service_id, mode, pair_key, expires_at_fixed, expires_at, created_at, updated_at)
SELECT 'ses_' || replace(gen_random_uuid()::text, '-', ''), (SELECT id FROM service WHERE unique_name = 'default'),
       'voice-and-message', '+1201' || lpad(i::text, 7, '0') || '|+1202' || lpad(i::text, 7, '0'),
       NOW_MS + 30::bigint * 86400000, NOW_MS + 30::bigint * 86400000, NOW_MS, NOW_MS
FROM generate_series(0, MASKS_LAST) i;

INSERT INTO participant (id, session_id, role, number, proxy_number, created_at, updated_at)
SELECT 'par_' || replace(gen_random_uuid()::text, '-', ''), id, 'client', substr(pair_key, 1, 12),
       '+1555' || lpad((substr(pair_key, 6, 7)::int % 1000)::text, 7, '0'), NOW_MS, NOW_MS
FROM session WHERE pair_key LIKE '+1201%';

INSERT INTO participant (id, session_id, role, number, proxy_number, created_at, updated_at)
SELECT 'par_' || replace(gen_random_uuid()::text, '-', ''), id, 'contractor', substr(pair_key, 14, 12),
       '+1555' || lpad((substr(pair_key, 6, 7)::int % 1000)::text, 7, '0'), NOW_MS, NOW_MS
FROM session WHERE pair_key LIKE '+1201%';

UPDATE pool_number p
SET active_routes = (SELECT COUNT(*) FROM participant r WHERE r.proxy_number = p.number AND r.released_at IS NULL)
WHERE p.service_id = (SELECT id FROM service WHERE unique_name = 'default');
COMMIT;
ANALYZE;
