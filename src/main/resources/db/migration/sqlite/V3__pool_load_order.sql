-- Allocation reads the pool least-loaded first; this keeps that an index walk, not a sort.
CREATE INDEX pool_number_load ON pool_number (active_routes, number) WHERE retired_at IS NULL;
