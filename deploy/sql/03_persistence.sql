-- Rides: grain state for Orleans' ADO.NET grain storage provider
-- (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql").
-- Idempotent: safe to run on every start. Table names are unqualified (search_path picks the
-- schema).
--
-- One row per (service, state name, grain key). What 10.4.2 binds, and what it means:
--   @ServiceId               ClusterOptions.ServiceId
--   @GrainTypeString         the state's NAME ([PersistentState("name", …)]), not the grain type
--   @GrainIdN0, @GrainIdN1   the key: a Guid key as two int8 halves; an integer key in N1
--                            (N0 = 0); 0 and 0 for a string key
--   @GrainIdExtensionString  a compound key's extension, or the whole key of a string-keyed
--                            grain; NULL for plain Guid and integer keys
--   @GrainIdHash, @GrainTypeHash  hashes of the above; unused here, the unique key finds the row
--   @GrainStateVersion       the ETag as int4, NULL when the grain holds none
--   @PayloadBinary           the serialized state: 10.4.2 writes and reads only this column,
--                            whatever the serializer (its JSON default arrives as UTF-8 bytes)
-- The grain type itself is NOT bound: two grain types with the same key and the same state
-- name share one row. Give every grain type's state a name of its own. And a string key that
-- reads as a Guid (32 hex digits) or as a hex integer (optionally "+extension") is stored as
-- that Guid or integer: "00DEADBEEF", "deadbeef" and "DEADBEEF" are one key here.
--
-- "version" is the ETag. Every write, clear and insert takes a fresh value from one sequence,
-- so a row deleted and written again never gets an ETag that a stale activation still holds,
-- and DeleteStateOnClear = true is as safe as keeping a tombstone. The sequence is int4
-- because the provider parses the ETag as int; it cycles after 2^31 - 1 writes, long after any
-- activation that could hold an ETag from the previous round is gone.
--
-- A write names the version it read and changes the row only if that is still the version;
-- otherwise the query returns NULL, and the provider throws InconsistentStateException with
-- nothing changed. A concurrent writer of the same version waits on the row lock, then sees
-- the new version and fails; two first writes race on the unique key, and the loser fails.

CREATE SEQUENCE IF NOT EXISTS orleans_grain_state_version AS integer MINVALUE 1 CYCLE;

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id         text        NOT NULL,
    state_name         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NULL,
    -- NULL: cleared but kept (DeleteStateOnClear = false), so the version lives on.
    payload            bytea       NULL,
    version            integer     NOT NULL,
    modified_on        timestamptz NOT NULL DEFAULT now()
);

-- The key. The extension is NULL for most keys, and NULL never equals NULL, so the index
-- keys on (coalesce, IS NULL) instead; the queries compare the same two expressions, so the
-- planner uses this index for every lookup.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_key ON orleans_grain_state
(
    service_id,
    state_name,
    grain_id_n0,
    grain_id_n1,
    coalesce(grain_id_extension, ''),
    (grain_id_extension IS NULL)
);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    -- No row: the grain has no state yet (Version NULL, ETag NULL). A row with a NULL
    -- payload: state cleared, ETag kept.
    'ReadFromStorageKey', $sql$
    SELECT payload AS PayloadBinary, version AS Version
    FROM orleans_grain_state
    WHERE service_id = @ServiceId
      AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
      AND (grain_id_extension IS NULL) = (@GrainIdExtensionString IS NULL);
    $sql$
),
(
    -- With an ETag: update the row holding that version. Without: insert, unless a row
    -- exists (then another activation wrote first). Always one row: the new version, or NULL
    -- when nothing was written.
    'WriteToStorageKey', $sql$
    WITH updated AS
    (
        UPDATE orleans_grain_state
        SET payload = @PayloadBinary,
            version = nextval('orleans_grain_state_version'),
            modified_on = now()
        WHERE @GrainStateVersion IS NOT NULL
          AND version = @GrainStateVersion
          AND service_id = @ServiceId
          AND state_name = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0
          AND grain_id_n1 = @GrainIdN1
          AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
          AND (grain_id_extension IS NULL) = (@GrainIdExtensionString IS NULL)
        RETURNING version
    ),
    inserted AS
    (
        INSERT INTO orleans_grain_state
            (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
               @PayloadBinary, nextval('orleans_grain_state_version')
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version
    )
    SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted) AS NewGrainStateVersion;
    $sql$
),
(
    -- DeleteStateOnClear = false (the default): keep the row with a NULL payload and a new
    -- version. The provider reads the first column: the new version, or NULL (stale ETag).
    'ClearStorageKey', $sql$
    WITH cleared AS
    (
        UPDATE orleans_grain_state
        SET payload = NULL,
            version = nextval('orleans_grain_state_version'),
            modified_on = now()
        WHERE version = @GrainStateVersion
          AND service_id = @ServiceId
          AND state_name = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0
          AND grain_id_n1 = @GrainIdN1
          AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
          AND (grain_id_extension IS NULL) = (@GrainIdExtensionString IS NULL)
        RETURNING version
    )
    SELECT (SELECT version FROM cleared) AS NewGrainStateVersion;
    $sql$
),
(
    -- DeleteStateOnClear = true: delete the row. The provider reads the first column: any
    -- value but NULL and the old ETag means done (it then forgets the ETag), so 0, which no
    -- version ever is; NULL when the ETag was stale.
    'DeleteStorageKey', $sql$
    WITH deleted AS
    (
        DELETE FROM orleans_grain_state
        WHERE version = @GrainStateVersion
          AND service_id = @ServiceId
          AND state_name = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0
          AND grain_id_n1 = @GrainIdN1
          AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
          AND (grain_id_extension IS NULL) = (@GrainIdExtensionString IS NULL)
        RETURNING version
    )
    SELECT (SELECT 0 FROM deleted) AS Deleted;
    $sql$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
