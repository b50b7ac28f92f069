-- Rides: the ride histories of riders and drivers (owned by src/Grains).
-- Idempotent: safe to run on every start. Table names are unqualified, so the connection's
-- search_path chooses the schema.
--
-- One row per ended ride and participant (owner_kind 'rider' or 'driver'), never updated; the
-- primary key makes recording a ride twice (a retried settlement) change nothing. seq orders an
-- owner's rows newest first as they were recorded; rows past the newest 100 of an owner are
-- deleted as new ones arrive. The entry is the history entry's JSON.

CREATE TABLE IF NOT EXISTS rides_ride_history
(
    owner_kind  text        NOT NULL,
    owner_id    text        NOT NULL,
    ride_id     text        NOT NULL,
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    entry       jsonb       NOT NULL,
    CONSTRAINT rides_ride_history_pk PRIMARY KEY (owner_kind, owner_id, ride_id)
);

CREATE INDEX IF NOT EXISTS rides_ride_history_newest ON rides_ride_history (owner_kind, owner_id, seq DESC);
