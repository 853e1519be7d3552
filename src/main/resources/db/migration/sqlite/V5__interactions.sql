-- Every call and message that reached a webhook, and the status callbacks that followed it.
-- Participants appear only by id: the real numbers stay in participant, whose rows retention
-- deletes with their session, and with it these.

CREATE TABLE interaction (
    id               TEXT    NOT NULL PRIMARY KEY,
    service_id       TEXT    NOT NULL REFERENCES service (id),
    -- Both NULL for traffic outside any session. The key ties the record to its session's
    -- lifetime (retention deletes both); the public id is what the API shows and filters on.
    session_key      INTEGER NULL REFERENCES session (id) ON DELETE CASCADE,
    session_id       TEXT    NULL,
    type             TEXT    NOT NULL CHECK (type IN ('call', 'message')),
    from_participant TEXT    NULL,
    to_participant   TEXT    NULL,
    -- The pool number the contact came in on; pool numbers are the service's, not personal data.
    proxy_number     TEXT    NOT NULL,
    inbound_ref      TEXT    NULL,
    outbound_ref     TEXT    NULL,
    outcome          TEXT    NOT NULL CHECK (outcome IN ('connected', 'forwarded', 'refused', 'blocked')),
    reason           TEXT    NULL,
    status           TEXT    NULL,
    duration_seconds INTEGER NULL,
    end_reason       TEXT    NULL,
    recording_url    TEXT    NULL,
    -- Only with callmask.interactions.store-content=true.
    body             TEXT    NULL,
    media_urls       TEXT    NULL,
    -- SHA-256 of the token in the status-callback URL: the token itself is never stored.
    token_hash       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE UNIQUE INDEX interaction_token ON interaction (token_hash);
CREATE INDEX interaction_page ON interaction (service_id, created_at, id);
CREATE INDEX interaction_of_session ON interaction (session_id, created_at, id);
CREATE INDEX interaction_session_key ON interaction (session_key);
CREATE INDEX interaction_outside_sessions ON interaction (created_at) WHERE session_key IS NULL;

-- Appended as status callbacks arrive, in any order, never rewritten: none is lost to a race. A
-- status reported twice (SignalWire retries callbacks) is kept once, as first received.
CREATE TABLE interaction_status (
    interaction_id TEXT   NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    status         TEXT   NOT NULL,
    at             INTEGER NOT NULL,
    PRIMARY KEY (interaction_id, status)
);
