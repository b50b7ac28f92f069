-- Rides: durable reminders.
-- Idempotent: safe to run on every start. Table names are unqualified (search_path picks the schema).
--
-- "version" is the ETag. It is drawn from a sequence, so a reminder removed and registered
-- again never gets an ETag an old handle still holds.
-- "period_ticks" is the period in .NET ticks (100 ns), so the value round-trips exactly;
-- start_at keeps microseconds, as timestamptz does.

CREATE SEQUENCE IF NOT EXISTS rides_reminders_version_seq AS bigint;

CREATE TABLE IF NOT EXISTS rides_reminders
(
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    start_at      timestamptz NOT NULL,
    period_ticks  bigint      NOT NULL CHECK (period_ticks >= 0),
    version       bigint      NOT NULL,
    modified_on   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rides_reminders_pk PRIMARY KEY (grain_type, grain_key, reminder_name)
);
