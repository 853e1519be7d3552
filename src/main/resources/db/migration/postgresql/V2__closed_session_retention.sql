-- Retention finds closed sessions by when they closed.
CREATE INDEX session_closed ON session (closed_at) WHERE closed_at IS NOT NULL;
