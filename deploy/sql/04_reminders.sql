-- Rides: durable reminders for Orleans' ADO.NET reminder table
-- (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant "Npgsql").
-- Idempotent: safe to run on every start. Table names are unqualified (search_path picks the
-- schema).
--
-- One row per (service, grain, reminder name). @GrainId is GrainId.ToString() ("type/key"),
-- which the provider parses back. @GrainHash is the grain's uniform hash as a signed int4:
-- each silo reads the reminders whose hash falls in its part of the ring, (begin, end]. The
-- provider compares begin and end as signed ints too: ReadRangeRows1Key serves begin < end,
-- ReadRangeRows2Key the range that wraps (begin >= end; begin = end is the whole ring, which
-- a silo owns when it is alone).
-- @Period is milliseconds, bound as int4 or int8 by size; the provider reads it as int8.
--
-- "version" is the ETag. It comes from a sequence, so a reminder removed and registered again
-- never gets an ETag that an old handle still holds; int4, because the provider reads it as int.

CREATE SEQUENCE IF NOT EXISTS orleans_reminder_version AS integer MINVALUE 1 CYCLE;

CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    modified_on   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- The range reads: every silo reads its share of the ring at start and on every ring change.
CREATE INDEX IF NOT EXISTS orleans_reminder_hash ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'ReadReminderRowsKey', $sql$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
           period AS Period, version AS Version
    FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId;
    $sql$
),
(
    'ReadReminderRowKey', $sql$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
           period AS Period, version AS Version
    FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
    $sql$
),
(
    -- (begin, end] with begin < end as signed ints.
    'ReadRangeRows1Key', $sql$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
           period AS Period, version AS Version
    FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
    $sql$
),
(
    -- (begin, end] wrapping past the top of the signed range.
    'ReadRangeRows2Key', $sql$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
           period AS Period, version AS Version
    FROM orleans_reminder
    WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
    $sql$
),
(
    -- Register or change a reminder; returns its new version.
    'UpsertReminderRowKey', $sql$
    INSERT INTO orleans_reminder
        (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash,
         nextval('orleans_reminder_version'))
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = EXCLUDED.start_time,
        period = EXCLUDED.period,
        grain_hash = EXCLUDED.grain_hash,
        version = EXCLUDED.version,
        modified_on = now()
    RETURNING version AS Version;
    $sql$
),
(
    -- TRUE only if the reminder still had version @Version and is gone now.
    'DeleteReminderRowKey', $sql$
    WITH deleted AS
    (
        DELETE FROM orleans_reminder
        WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
          AND version = @Version
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM deleted);
    $sql$
),
(
    -- Every reminder of the service (tests and tooling).
    'DeleteReminderRowsKey', $sql$
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId;
    $sql$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
