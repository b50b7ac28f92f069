-- Rides: the query catalogue of Orleans' ADO.NET providers.
-- Idempotent: safe to run on every start. Table names are unqualified, so the connection's
-- search_path chooses the schema.
--
-- Every ADO.NET provider (clustering, grain storage, reminders) reads its SQL from this table
-- when it starts, with the fixed statement `SELECT QueryKey, QueryText FROM OrleansQuery`;
-- that is why this one table keeps Orleans' name (unquoted, so PostgreSQL folds it to
-- orleansquery). The providers bind parameters by name (@DeploymentId, @Version, …) and read
-- result columns by name, case-insensitively.
--
-- The scripts after this one upsert their queries (INSERT … ON CONFLICT (QueryKey) DO UPDATE),
-- so a new release replaces the text of every query it ships. A provider reads the catalogue
-- only at start, so a silo that is already running keeps the queries it started with.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (QueryKey)
);
