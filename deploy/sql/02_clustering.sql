-- Rides: cluster membership for Orleans' ADO.NET clustering provider
-- (Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant "Npgsql").
-- Idempotent: safe to run on every start. Table names are unqualified (search_path picks the
-- schema).
--
-- One version row per cluster (deployment_id = ClusterOptions.ClusterId) and one row per silo
-- start (address, port, generation). Orleans' membership protocol relies on the version row as
-- its single point of agreement: a silo reads the table with its version, decides, and writes
-- (inserts itself, or changes a silo's status or suspicions) naming the version it read. The
-- write succeeds only if the version still matches, and bumps it in the same statement, so of
-- two silos that decided on the same table only one wins; the other re-reads. Heartbeats
-- (i_am_alive_time) are not versioned.
--
-- Types follow what the provider binds and reads: Version, Port, Generation, Status and
-- ProxyPort are int4; Address is the IP address as text; SuspectTimes is Orleans' own text
-- ("silo,date|silo,date"); times arrive as UTC DateTime, which Npgsql sends as timestamptz.
-- Status values are Orleans' SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown,
-- 5 Stopping, 6 Dead.
--
-- The table names differ from upstream's (OrleansMembershipTable…) and from the old Rides
-- runtime's (rides_membership…), so this script never mistakes a table of another shape
-- for its own.

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    modified_on   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deployment_id)
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    -- 0 when the silo runs no gateway; the provider reads it as int, so never NULL.
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pk PRIMARY KEY (deployment_id, address, port, generation),
    -- Deleting a cluster's version row deletes its silos with it.
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

-- The queries. Writers that must agree on the version lock the version row first (FOR NO KEY
-- UPDATE, which still lets the foreign key's KEY SHARE check through) and only if it holds the
-- version they read; the row then changes, and the version is bumped only if it did. Each is
-- one statement, so it all commits or none of it does, and a concurrent writer of the same
-- version waits for the lock, then finds the version moved on and changes nothing. Every
-- writer takes the version row before any silo row, so they cannot deadlock each other.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    -- Run by every silo at start; TRUE when this call created the cluster's version row.
    'InsertMembershipVersionKey', $sql$
    WITH inserted AS
    (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM inserted);
    $sql$
),
(
    -- A silo adds itself. TRUE only if the version was @Version, the row is new, and the
    -- version is now @Version + 1; otherwise nothing changed.
    'InsertMembershipKey', $sql$
    WITH expected AS
    (
        SELECT deployment_id
        FROM orleans_membership_version
        WHERE deployment_id = @DeploymentId AND version = @Version
        FOR NO KEY UPDATE
    ),
    inserted AS
    (
        INSERT INTO orleans_membership
            (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
             start_time, i_am_alive_time)
        SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
               @StartTime, @IAmAliveTime
        FROM expected
        ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
        RETURNING deployment_id
    ),
    bumped AS
    (
        UPDATE orleans_membership_version v
        SET version = v.version + 1, modified_on = now()
        FROM inserted i
        WHERE v.deployment_id = i.deployment_id
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM bumped);
    $sql$
),
(
    -- A silo changes a silo's status and suspicions. TRUE only if the version was @Version,
    -- the silo's row exists, and the version is now @Version + 1; otherwise nothing changed.
    'UpdateMembershipKey', $sql$
    WITH expected AS
    (
        SELECT deployment_id
        FROM orleans_membership_version
        WHERE deployment_id = @DeploymentId AND version = @Version
        FOR NO KEY UPDATE
    ),
    updated AS
    (
        UPDATE orleans_membership m
        SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
        FROM expected e
        WHERE m.deployment_id = e.deployment_id
          AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
        RETURNING m.deployment_id
    ),
    bumped AS
    (
        UPDATE orleans_membership_version v
        SET version = v.version + 1, modified_on = now()
        FROM updated u
        WHERE v.deployment_id = u.deployment_id
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM bumped);
    $sql$
),
(
    -- The heartbeat: unversioned, expected never to fail, result not read.
    'UpdateIAmAlivetimeKey', $sql$
    UPDATE orleans_membership
    SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId
      AND address = @Address AND port = @Port AND generation = @Generation;
    $sql$
),
(
    -- The provider takes the table version from the first row and treats a row without
    -- StartTime as "no silo", so the version must come back even when the cluster has no
    -- silo: the silo rows are LEFT JOINed to the version. Starting from the parameter (not
    -- from the version table) also yields a row, version 0, before the version row exists,
    -- instead of an empty result the provider cannot read.
    'MembershipReadAllKey', $sql$
    SELECT
        coalesce(v.version, 0) AS Version,
        m.address              AS Address,
        m.port                 AS Port,
        m.generation           AS Generation,
        m.silo_name            AS SiloName,
        m.host_name            AS HostName,
        m.status               AS Status,
        m.proxy_port           AS ProxyPort,
        m.suspect_times        AS SuspectTimes,
        m.start_time           AS StartTime,
        m.i_am_alive_time      AS IAmAliveTime
    FROM (SELECT @DeploymentId AS deployment_id) d
    LEFT JOIN orleans_membership_version v ON v.deployment_id = d.deployment_id
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id;
    $sql$
),
(
    -- One silo's row with the table version; the version alone when the silo has no row.
    'MembershipReadRowKey', $sql$
    SELECT
        coalesce(v.version, 0) AS Version,
        m.address              AS Address,
        m.port                 AS Port,
        m.generation           AS Generation,
        m.silo_name            AS SiloName,
        m.host_name            AS HostName,
        m.status               AS Status,
        m.proxy_port           AS ProxyPort,
        m.suspect_times        AS SuspectTimes,
        m.start_time           AS StartTime,
        m.i_am_alive_time      AS IAmAliveTime
    FROM (SELECT @DeploymentId AS deployment_id) d
    LEFT JOIN orleans_membership_version v ON v.deployment_id = d.deployment_id
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation;
    $sql$
),
(
    -- What clients connect to: active silos that run a gateway. @Status is 3 (Active).
    'GatewaysQueryKey', $sql$
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
    $sql$
),
(
    -- Removes a whole cluster (tests and tooling); the foreign key takes the silo rows along.
    'DeleteMembershipTableEntriesKey', $sql$
    DELETE FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId;
    $sql$
),
(
    -- Required, but 10.4.2 runs it only when CleanupDefunctSiloEntryKey below is missing:
    -- removes dead silos that neither started nor beat after @IAmAliveTime. Dead (6) only, as
    -- 10.4.2 itself decides; a silo in another state is still part of the protocol.
    'CleanupDefunctSiloEntriesKey', $sql$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId
      AND status = 6
      AND start_time < @IAmAliveTime
      AND i_am_alive_time < @IAmAliveTime;
    $sql$
),
(
    -- Optional in 10.4.2, used when present: the provider reads the table, picks the dead
    -- silos old enough (and without recent suspicions), and deletes each one only if its row
    -- still has the values it saw. Dead is final, so status and times are enough to recognise
    -- the row; @SuspectTimes is bound too but not compared (it is Orleans' re-formatted text,
    -- not guaranteed to match the stored text byte for byte).
    'CleanupDefunctSiloEntryKey', $sql$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId
      AND address = @Address AND port = @Port AND generation = @Generation
      AND status = 6
      AND start_time = @StartTime
      AND i_am_alive_time = @IAmAliveTime;
    $sql$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
