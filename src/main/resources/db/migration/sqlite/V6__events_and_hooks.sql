-- Event callbacks to the platform, the allow/deny hook and the out-of-session grace period.

-- Where a service's events go and what signs them. The secret is needed to sign, so it is kept as
-- it is; during a rotation's grace period the previous one signs as well.
ALTER TABLE service ADD COLUMN callback_url TEXT NULL;
ALTER TABLE service ADD COLUMN callback_secret TEXT NULL;
ALTER TABLE service ADD COLUMN previous_callback_secret TEXT NULL;
ALTER TABLE service ADD COLUMN previous_secret_until INTEGER NULL;
ALTER TABLE service ADD COLUMN intercept_url TEXT NULL;
ALTER TABLE service ADD COLUMN intercept_on_failure TEXT NOT NULL DEFAULT 'allow'
    CHECK (intercept_on_failure IN ('allow', 'deny'));
-- Seconds after a session closed during which its participants' traffic is told which session it was.
ALTER TABLE service ADD COLUMN grace_period INTEGER NOT NULL DEFAULT 86400 CHECK (grace_period >= 0);

-- A session's own callback URL, which wins over its service's; an interaction keeps its session's,
-- so the events about its status go where the session's do.
ALTER TABLE session ADD COLUMN callback_url TEXT NULL;
ALTER TABLE interaction ADD COLUMN callback_url TEXT NULL;

-- While a call on a session is in progress its end waits: expires_at is held at least until then
-- (the call's ring timeout and longest duration after it was put through), and put back when the
-- call's status callback says it ended.
ALTER TABLE session ADD COLUMN call_hold_until INTEGER NULL;

-- Set while the service's pool is under the low watermark, so the pool.low event is sent once
-- per dip, by whichever instance sees it first.
ALTER TABLE service ADD COLUMN pool_low_since INTEGER NULL;

-- The transactional outbox: a row is written in the transaction that made the change it tells of,
-- and a relay on each instance delivers it, at least once, in order per session.
CREATE TABLE outbox_event (
    -- The order events were written in; delivery follows it within a session.
    seq             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    id              TEXT    NOT NULL UNIQUE,
    service_id      TEXT    NOT NULL REFERENCES service (id),
    -- The session it tells of (its public id); NULL for events of the pool.
    session_id      TEXT    NULL,
    type            TEXT    NOT NULL,
    -- The exact body delivered, so every attempt sends, and signs, the same bytes.
    payload         TEXT    NOT NULL,
    -- The session's callback URL when it had one; otherwise the service's, read at delivery, so a
    -- corrected URL takes effect for events still waiting.
    callback_url    TEXT    NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- Retries stop after this; set at creation and again by a redelivery.
    deliver_until   INTEGER NOT NULL,
    -- An instance delivering the event holds it until then; no other takes it meanwhile.
    claimed_by      TEXT    NULL,
    claimed_until   INTEGER NULL,
    last_error      TEXT    NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    delivered_at    INTEGER NULL
);

-- The relay finds the events that are due, then takes them in the order they were written.
CREATE INDEX outbox_event_due ON outbox_event (next_attempt_at, seq) WHERE status = 'pending';
CREATE INDEX outbox_event_session ON outbox_event (session_id, seq) WHERE status = 'pending';
CREATE INDEX outbox_event_page ON outbox_event (service_id, created_at, id);
CREATE INDEX outbox_event_finished ON outbox_event (updated_at) WHERE status <> 'pending';
