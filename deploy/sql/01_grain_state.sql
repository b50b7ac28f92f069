-- Rides: grain state (the "postgres" storage provider).
-- Idempotent: safe to run on every start. Table names are unqualified, so the connection's
-- search_path chooses the schema.
--
-- One row per (grain type, grain key, state name). "version" is the ETag: it starts at 1 and
-- grows by one on every write and clear. A write names the version it read and changes the
-- row only if that is still the stored version (as Orleans' ADO.NET provider does).
-- Clearing keeps the row as a tombstone (payload NULL) with its version bumped, so an old
-- ETag can never match a record that was cleared and written again.

CREATE TABLE IF NOT EXISTS rides_grain_state
(
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    payload     jsonb       NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    modified_on timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rides_grain_state_pk PRIMARY KEY (grain_type, grain_key, state_name)
);
