-- Times are epoch milliseconds (UTC) in both databases: one representation, compared as integers.

CREATE TABLE pool_number (
    number        TEXT    NOT NULL PRIMARY KEY,
    created_at    INTEGER NOT NULL,
    retired_at    INTEGER NULL,
    -- Routes not yet released on this number; kept in step by the statements that insert and
    -- release routes, so allocation can pick the least-loaded number without counting routes.
    active_routes INTEGER NOT NULL DEFAULT 0 CHECK (active_routes >= 0)
);

CREATE TABLE session (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    -- client|contractor for a two-party mask: one open session per pair, and the sticky choice.
    pair_key     TEXT    NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    closed_at    INTEGER NULL,
    close_reason TEXT    NULL CHECK (close_reason IN ('expired', 'deleted', 'number_removed')),
    CHECK ((closed_at IS NULL) = (close_reason IS NULL))
);

CREATE UNIQUE INDEX session_open_pair ON session (pair_key) WHERE closed_at IS NULL;
CREATE INDEX session_pair_history ON session (pair_key, id);
CREATE INDEX session_open_expiry ON session (expires_at) WHERE closed_at IS NULL;

CREATE TABLE participant (
    session_id   INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    role         TEXT    NOT NULL CHECK (role IN ('client', 'contractor')),
    number       TEXT    NOT NULL,
    proxy_number TEXT    NOT NULL REFERENCES pool_number (number),
    released_at  INTEGER NULL,
    PRIMARY KEY (session_id, role)
);

-- The number-reuse rule: among active routes a real number meets a proxy number at most once.
CREATE UNIQUE INDEX participant_active_route ON participant (proxy_number, number) WHERE released_at IS NULL;
CREATE INDEX participant_active_number ON participant (number) WHERE released_at IS NULL;
CREATE INDEX participant_proxy_history ON participant (proxy_number, session_id);
