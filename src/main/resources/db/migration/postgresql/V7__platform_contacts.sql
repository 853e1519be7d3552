-- Messages and calls the platform starts through the API, sent by CallMask through SignalWire's
-- REST API. They are interactions like the ones webhooks record; origin tells them apart.
ALTER TABLE interaction ADD COLUMN origin TEXT NOT NULL DEFAULT 'webhook'
    CHECK (origin IN ('webhook', 'api'));
-- The platform's Idempotency-Key: a request repeated with the same key gets the interaction the
-- first one made, and nothing is sent twice.
ALTER TABLE interaction ADD COLUMN idempotency_key TEXT NULL;
CREATE UNIQUE INDEX interaction_idempotency ON interaction (service_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
