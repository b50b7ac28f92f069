-- Rides: which version of this schema the database holds.
-- Idempotent: safe to run on every start. Table names are unqualified, so the connection's
-- search_path chooses the schema.
--
-- One row. The installer (src/Silo/Schema/PostgresSchemaInstaller.cs) reads it before it runs
-- any script and refuses to touch a database whose version is newer than the one it knows: the
-- older build's scripts would put back queries the newer tables no longer fit. After the scripts
-- ran it writes its own version here, in the same transaction. A later release migrates by
-- making its scripts bring any older version up to date (ALTER … IF NOT EXISTS and the like)
-- and raising PostgresSchemaInstaller.SchemaVersion.

CREATE TABLE IF NOT EXISTS rides_schema_version
(
    id           integer     NOT NULL DEFAULT 1,
    version      integer     NOT NULL CHECK (version > 0),
    installed_on timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rides_schema_version_pk PRIMARY KEY (id),
    CONSTRAINT rides_schema_version_one_row CHECK (id = 1)
);
