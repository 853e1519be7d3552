-- A call the platform starts has two legs: the first participant, dialled by CallMask, and the
-- other, connected once the first answers by the SWML fetched from /calls/connect/{token}. That
-- URL's token is a second secret, apart from the status token of the dial: it connects the call
-- once (connected_at), and afterwards names the second leg in its status callbacks. Only its
-- SHA-256 is stored, as for the status token.
ALTER TABLE interaction ADD COLUMN connect_token_hash TEXT NULL;
ALTER TABLE interaction ADD COLUMN connected_at BIGINT NULL;
CREATE UNIQUE INDEX interaction_connect_token ON interaction (connect_token_hash)
    WHERE connect_token_hash IS NOT NULL;

-- SHA-256 of what a contact the platform started asked for, kept with its idempotency key: the
-- same key sent with a different request is refused rather than answered with the first one.
ALTER TABLE interaction ADD COLUMN request_hash TEXT NULL;
