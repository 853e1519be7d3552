-- Sessions v1: services own pools and defaults; every participant has its own id and proxy number;
-- sessions get public ids, names, modes and sliding lifetimes. The seed's masks become sessions of
-- the built-in service 'default' whose two participants share one proxy number.
-- SQLite cannot change a column or a primary key in place, so the three tables are rebuilt and
-- their rows copied; the old tables are dropped child first, so no cascade runs.

CREATE TABLE service (
    id               TEXT    NOT NULL PRIMARY KEY,
    unique_name      TEXT    NOT NULL,
    -- Seconds a session lives after its last interaction unless it says otherwise; 0: no limit.
    default_ttl      INTEGER NOT NULL CHECK (default_ttl >= 0),
    geo_match        TEXT    NOT NULL CHECK (geo_match IN ('country', 'area-code', 'none')),
    number_selection TEXT    NOT NULL CHECK (number_selection IN ('prefer-sticky', 'avoid-sticky')),
    cool_off         INTEGER NOT NULL CHECK (cool_off >= 0),
    -- JSON documents, read and written whole by the service feature.
    out_of_session   TEXT    NOT NULL,
    voice            TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    -- Deleted services stay, so the history of their sessions keeps its owner.
    deleted_at       INTEGER NULL
);

CREATE UNIQUE INDEX service_name ON service (unique_name) WHERE deleted_at IS NULL;
CREATE INDEX service_page ON service (created_at, id) WHERE deleted_at IS NULL;

-- The seed API's service. It does not match geography: a mask's two participants share one number.
INSERT INTO service (id, unique_name, default_ttl, geo_match, number_selection, cool_off,
                     out_of_session, voice, created_at, updated_at)
VALUES ('svc_' || lower(hex(randomblob(16))), 'default', 86400, 'none', 'prefer-sticky', 0,
        '{}', '{}', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));

CREATE TABLE pool_number_v4 (
    number        TEXT    NOT NULL PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    service_id    TEXT    NOT NULL REFERENCES service (id),
    -- ISO 3166 region and, for NANP numbers, the area code; filled from the number by the service
    -- (libphonenumber), which also fills rows that predate these columns at start-up.
    country       TEXT    NULL,
    area_code     TEXT    NULL,
    -- Bits: 1 voice, 2 sms, 4 mms.
    capabilities  INTEGER NOT NULL DEFAULT 7 CHECK (capabilities BETWEEN 0 AND 7),
    reserved      INTEGER NOT NULL DEFAULT 0 CHECK (reserved IN (0, 1)),
    -- Most active routes the number may carry at once; NULL: no limit beyond the reuse rule.
    capacity      INTEGER NULL CHECK (capacity > 0),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    retired_at    INTEGER NULL,
    -- Routes not yet released on this number; kept in step by the statements that insert and
    -- release routes, so allocation can pick the least-loaded number without counting routes.
    active_routes INTEGER NOT NULL DEFAULT 0 CHECK (active_routes >= 0)
);

INSERT INTO pool_number_v4 (number, id, service_id, created_at, updated_at, retired_at, active_routes)
SELECT number, 'num_' || lower(hex(randomblob(16))), (SELECT id FROM service WHERE unique_name = 'default'),
       created_at, COALESCE(retired_at, created_at), retired_at, active_routes
FROM pool_number;

CREATE TABLE session_v4 (
    id                  INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    public_id           TEXT    NOT NULL UNIQUE,
    service_id          TEXT    NOT NULL REFERENCES service (id),
    unique_name         TEXT    NULL,
    mode                TEXT    NOT NULL CHECK (mode IN ('voice-and-message', 'voice-only', 'message-only')),
    -- client|contractor for a seed mask: one open mask per pair, and the sticky choice.
    pair_key            TEXT    NULL,
    -- Sliding lifetime in seconds after the last interaction (or creation); NULL: none.
    ttl                 INTEGER NULL CHECK (ttl > 0),
    -- The absolute end asked for; NULL: none.
    expires_at_fixed    INTEGER NULL,
    -- When it stops routing: the earlier of the two above, kept in step with them. Routing and
    -- the sweeper compare only this. NULL: never.
    expires_at          INTEGER NULL,
    metadata            TEXT    NULL,
    voice               TEXT    NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    last_interaction_at INTEGER NULL,
    -- Where the sliding ttl counts from: the last interaction or re-opening; NULL: creation.
    ttl_from            INTEGER NULL,
    closed_at           INTEGER NULL,
    close_reason        TEXT    NULL CHECK (close_reason IN ('expired', 'deleted', 'number_removed')),
    CHECK ((closed_at IS NULL) = (close_reason IS NULL))
);

INSERT INTO session_v4 (id, public_id, service_id, mode, pair_key, expires_at_fixed, expires_at,
                        created_at, updated_at, closed_at, close_reason)
SELECT id, 'ses_' || lower(hex(randomblob(16))), (SELECT id FROM service WHERE unique_name = 'default'),
       'voice-and-message', pair_key, expires_at, expires_at, created_at, COALESCE(closed_at, created_at),
       closed_at, close_reason
FROM session;

CREATE TABLE participant_v4 (
    id             TEXT    NOT NULL PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES session_v4 (id) ON DELETE CASCADE,
    -- Set for the two participants of a seed mask only.
    role           TEXT    NULL CHECK (role IN ('client', 'contractor')),
    number         TEXT    NOT NULL,
    name           TEXT    NULL,
    proxy_number   TEXT    NOT NULL REFERENCES pool_number_v4 (number),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    -- The route is released when its session closes or the participant is removed.
    released_at    INTEGER NULL,
    removed_at     INTEGER NULL,
    -- The order participants joined their session in, for listing.
    position       INTEGER NOT NULL DEFAULT 0
);

INSERT INTO participant_v4 (id, session_id, role, number, proxy_number, created_at, updated_at, released_at,
                            position)
SELECT 'par_' || lower(hex(randomblob(16))), p.session_id, p.role, p.number, p.proxy_number, s.created_at,
       COALESCE(p.released_at, s.created_at), p.released_at, CASE p.role WHEN 'client' THEN 0 ELSE 1 END
FROM participant p
JOIN session s ON s.id = p.session_id;

-- AUTOINCREMENT never hands out an id twice, not even one of a session retention deleted; the copy
-- knows only the ids still present, so it takes over the old table's high-water mark.
DELETE FROM sqlite_sequence WHERE name = 'session_v4';
INSERT INTO sqlite_sequence (name, seq) SELECT 'session_v4', seq FROM sqlite_sequence WHERE name = 'session';

DROP TABLE participant;
DROP TABLE session;
DROP TABLE pool_number;
ALTER TABLE pool_number_v4 RENAME TO pool_number;
ALTER TABLE session_v4 RENAME TO session;
ALTER TABLE participant_v4 RENAME TO participant;

-- Allocation reads a service's pool least-loaded first; this keeps that an index walk, not a sort.
CREATE INDEX pool_number_load ON pool_number (service_id, active_routes, number) WHERE retired_at IS NULL;
CREATE INDEX pool_number_page ON pool_number (service_id, created_at, number);

CREATE UNIQUE INDEX session_open_pair ON session (pair_key) WHERE closed_at IS NULL;
CREATE UNIQUE INDEX session_open_name ON session (service_id, unique_name)
    WHERE closed_at IS NULL AND unique_name IS NOT NULL;
CREATE INDEX session_pair_history ON session (pair_key, id);
CREATE INDEX session_open_expiry ON session (expires_at) WHERE closed_at IS NULL;
-- Retention finds closed sessions by when they closed.
CREATE INDEX session_closed ON session (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX session_page ON session (service_id, created_at, public_id);

-- The number-reuse rule: among active routes a real number meets a proxy number at most once.
CREATE UNIQUE INDEX participant_active_route ON participant (proxy_number, number) WHERE released_at IS NULL;
CREATE INDEX participant_active_number ON participant (number) WHERE released_at IS NULL;
CREATE INDEX participant_proxy_history ON participant (proxy_number, session_id);
CREATE INDEX participant_session ON participant (session_id);
-- The sticky choice and the cool-off (released_at + the service's cool_off) read a number's history.
CREATE INDEX participant_number_history ON participant (number, created_at);
