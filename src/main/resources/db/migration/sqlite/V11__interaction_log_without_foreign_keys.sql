-- PostgreSQL's V11 drops the interaction log's foreign keys, which cost it a row lock on the
-- session per call. SQLite checks them within the process, without locking rows, and dropping one
-- would mean rebuilding the table, so they stay here. Retention deletes a session's records in the
-- transaction that deletes the session on both databases; here ON DELETE CASCADE then finds
-- nothing left to delete.
SELECT 1;
