-- Sessions v1: services own pools and defaults; every participant has its own id and proxy number;
-- sessions get public ids, names, modes and sliding lifetimes. The seed's masks become sessions of
-- the built-in service 'default' whose two participants share one proxy number.

CREATE TABLE service (
    id               TEXT    NOT NULL PRIMARY KEY,
    unique_name      TEXT    NOT NULL,
    -- Seconds a session lives after its last interaction unless it says otherwise; 0: no limit.
    default_ttl      BIGINT  NOT NULL CHECK (default_ttl >= 0),
    geo_match        TEXT    NOT NULL CHECK (geo_match IN ('country', 'area-code', 'none')),
    number_selection TEXT    NOT NULL CHECK (number_selection IN ('prefer-sticky', 'avoid-sticky')),
    cool_off         BIGINT  NOT NULL CHECK (cool_off >= 0),
    -- JSON documents, read and written whole by the service feature.
    out_of_session   TEXT    NOT NULL,
    voice            TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    -- Deleted services stay, so the history of their sessions keeps its owner.
    deleted_at       BIGINT  NULL
);

CREATE UNIQUE INDEX service_name ON service (unique_name) WHERE deleted_at IS NULL;
CREATE INDEX service_page ON service (created_at, id) WHERE deleted_at IS NULL;

-- The seed API's service. It does not match geography: a mask's two participants share one number.
INSERT INTO service (id, unique_name, default_ttl, geo_match, number_selection, cool_off,
                     out_of_session, voice, created_at, updated_at)
VALUES ('svc_' || replace(gen_random_uuid()::text, '-', ''), 'default', 86400, 'none', 'prefer-sticky', 0,
        '{}', '{}', (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
        (extract(epoch FROM clock_timestamp()) * 1000)::bigint);

ALTER TABLE pool_number
    ADD COLUMN id           TEXT    NULL,
    ADD COLUMN service_id   TEXT    NULL REFERENCES service (id),
    -- ISO 3166 region and, for NANP numbers, the area code; filled from the number by the service
    -- (libphonenumber), which also fills rows that predate these columns at start-up.
    ADD COLUMN country      TEXT    NULL,
    ADD COLUMN area_code    TEXT    NULL,
    -- Bits: 1 voice, 2 sms, 4 mms.
    ADD COLUMN capabilities INTEGER NOT NULL DEFAULT 7 CHECK (capabilities BETWEEN 0 AND 7),
    ADD COLUMN reserved     INTEGER NOT NULL DEFAULT 0 CHECK (reserved IN (0, 1)),
    -- Most active routes the number may carry at once; NULL: no limit beyond the reuse rule.
    ADD COLUMN capacity     INTEGER NULL CHECK (capacity > 0),
    ADD COLUMN updated_at   BIGINT  NULL;

UPDATE pool_number
SET id = 'num_' || replace(gen_random_uuid()::text, '-', ''),
    service_id = (SELECT id FROM service WHERE unique_name = 'default'),
    updated_at = COALESCE(retired_at, created_at);

ALTER TABLE pool_number
    ALTER COLUMN id SET NOT NULL,
    ALTER COLUMN service_id SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ADD CONSTRAINT pool_number_id_key UNIQUE (id);

ALTER TABLE session
    ADD COLUMN public_id           TEXT   NULL,
    ADD COLUMN service_id          TEXT   NULL REFERENCES service (id),
    ADD COLUMN unique_name         TEXT   NULL,
    ADD COLUMN mode                TEXT   NOT NULL DEFAULT 'voice-and-message'
        CHECK (mode IN ('voice-and-message', 'voice-only', 'message-only')),
    -- Sliding lifetime in seconds after the last interaction (or creation); NULL: none.
    ADD COLUMN ttl                 BIGINT NULL CHECK (ttl > 0),
    -- The absolute end asked for; NULL: none.
    ADD COLUMN expires_at_fixed    BIGINT NULL,
    ADD COLUMN metadata            TEXT   NULL,
    ADD COLUMN voice               TEXT   NULL,
    ADD COLUMN updated_at          BIGINT NULL,
    ADD COLUMN last_interaction_at BIGINT NULL,
    -- Where the sliding ttl counts from: the last interaction or re-opening; NULL: creation.
    ADD COLUMN ttl_from            BIGINT NULL;

-- expires_at becomes when it stops routing: the earlier of ttl and expires_at_fixed, kept in step
-- with them. Routing and the sweeper compare only this. NULL: never.
ALTER TABLE session ALTER COLUMN expires_at DROP NOT NULL;

UPDATE session
SET public_id = 'ses_' || replace(gen_random_uuid()::text, '-', ''),
    service_id = (SELECT id FROM service WHERE unique_name = 'default'),
    expires_at_fixed = expires_at,
    updated_at = COALESCE(closed_at, created_at);

ALTER TABLE session
    ALTER COLUMN public_id SET NOT NULL,
    ALTER COLUMN service_id SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ALTER COLUMN mode DROP DEFAULT,
    ADD CONSTRAINT session_public_id_key UNIQUE (public_id);

ALTER TABLE participant
    DROP CONSTRAINT participant_pkey,
    ADD COLUMN id             TEXT   NULL,
    ADD COLUMN name           TEXT   NULL,
    ADD COLUMN created_at     BIGINT NULL,
    ADD COLUMN updated_at     BIGINT NULL,
    -- The route is released when its session closes or the participant is removed.
    ADD COLUMN removed_at     BIGINT NULL,
    -- The order participants joined their session in, for listing.
    ADD COLUMN position       INTEGER NOT NULL DEFAULT 0;

-- Set for the two participants of a seed mask only.
ALTER TABLE participant ALTER COLUMN role DROP NOT NULL;

UPDATE participant p
SET id = 'par_' || replace(gen_random_uuid()::text, '-', ''),
    created_at = s.created_at,
    updated_at = COALESCE(p.released_at, s.created_at),
    position = CASE p.role WHEN 'client' THEN 0 ELSE 1 END
FROM session s
WHERE s.id = p.session_id;

ALTER TABLE participant
    ALTER COLUMN id SET NOT NULL,
    ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ADD PRIMARY KEY (id);

-- Allocation reads a service's pool least-loaded first; this keeps that an index walk, not a sort.
DROP INDEX pool_number_load;
CREATE INDEX pool_number_load ON pool_number (service_id, active_routes, number) WHERE retired_at IS NULL;
CREATE INDEX pool_number_page ON pool_number (service_id, created_at, number);

CREATE UNIQUE INDEX session_open_name ON session (service_id, unique_name)
    WHERE closed_at IS NULL AND unique_name IS NOT NULL;
CREATE INDEX session_page ON session (service_id, created_at, public_id);

CREATE INDEX participant_session ON participant (session_id);
-- The sticky choice and the cool-off (released_at + the service's cool_off) read a number's history.
CREATE INDEX participant_number_history ON participant (number, created_at);
