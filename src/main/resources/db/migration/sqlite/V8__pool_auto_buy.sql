-- A pool that refills itself: what a service may buy, and every purchase CallMask made or tried.

-- {"enabled", "max_numbers", "area_codes", "country"}; NULL for a service that never set it.
ALTER TABLE service ADD COLUMN auto_buy TEXT NULL;

-- A pending row holds one of the service's max_numbers while its purchase is under way, so
-- instances buying at once never buy past the limit; a pending row older than a few minutes is
-- an instance that died mid-purchase and no longer counts.
CREATE TABLE number_purchase (
    id         TEXT    NOT NULL PRIMARY KEY,
    service_id TEXT    NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('pending', 'bought', 'failed')),
    -- What set it off: pool-low, or the shortage an allocation ran into (no-number-in-area-code, …).
    reason     TEXT    NOT NULL,
    area_code  TEXT    NULL,
    number     TEXT    NULL,
    error      TEXT    NULL,
    created_at INTEGER  NOT NULL,
    updated_at INTEGER  NOT NULL
);

CREATE INDEX number_purchase_pending ON number_purchase (service_id, created_at) WHERE status = 'pending';
CREATE INDEX number_purchase_page ON number_purchase (service_id, created_at, id);
