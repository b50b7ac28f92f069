-- Rides: the cluster membership table.
-- Idempotent: safe to run on every start. Table names are unqualified (search_path picks the
-- schema); one schema holds one cluster.
--
-- As in Orleans' ADO.NET clustering: one version row and one row per silo start. Every change
-- to who is in the cluster (insert a silo, change its status or suspicions) bumps the version
-- row in the same transaction, conditional on the version the writer read. That update is the
-- single linearisation point. Heartbeats (i_am_alive_time) are not versioned.

CREATE TABLE IF NOT EXISTS rides_membership_version
(
    id         integer     NOT NULL DEFAULT 1 CHECK (id = 1),
    version    bigint      NOT NULL DEFAULT 0,
    updated_on timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rides_membership_version_pk PRIMARY KEY (id)
);

INSERT INTO rides_membership_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

CREATE TABLE IF NOT EXISTS rides_membership
(
    silo_address    text        NOT NULL,
    silo_name       text        NOT NULL,
    status          integer     NOT NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    -- [{"silo": "host:port:generation", "time": "2026-01-01T00:00:00+00:00"}, ...]
    suspect_times   jsonb       NOT NULL DEFAULT '[]'::jsonb,
    CONSTRAINT rides_membership_pk PRIMARY KEY (silo_address)
);
