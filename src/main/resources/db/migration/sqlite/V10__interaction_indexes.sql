-- Fewer indexes of random keys on the table that grows by a row per call and text: each costs the
-- writer a page or more per insert once the table outgrows the cache.
--
-- A status token now starts with its interaction's id, so a callback finds its record by the
-- primary key and checks the token against token_hash: no index of hashes. Callbacks with a token
-- handed out before this version (calls in progress during the upgrade) are answered 404.
DROP INDEX interaction_token;

-- A session's interactions by its key, in order: the same index serves its page and the deletion
-- of its interactions with it.
DROP INDEX interaction_of_session;
DROP INDEX interaction_session_key;
CREATE INDEX interaction_of_session ON interaction (session_key, created_at, id);
