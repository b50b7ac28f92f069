using System.Text.Json;
using Npgsql;
using Rides.Grains.Storage;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Infrastructure;

/// <summary>
/// The grain state rows of a test cluster's schema, watched from inside PostgreSQL: a trigger on the storage table
/// counts every write of a row (an insert or an update that matched its version) and refuses the writes of the keys
/// a test names, as a server that has lost its disk would. Only for a schema of its own (<see cref="RidesTestCluster"/>).
/// </summary>
public sealed class StoredGrainStates
{
    private const string Install = """
        CREATE TABLE test_state_writes (state_name text NOT NULL, grain_key text NOT NULL, writes integer NOT NULL, PRIMARY KEY (state_name, grain_key));
        CREATE TABLE test_state_refusals (state_name text NOT NULL, grain_key text NOT NULL, PRIMARY KEY (state_name, grain_key));
        CREATE FUNCTION test_state_write() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF EXISTS (SELECT 1 FROM test_state_refusals r WHERE r.state_name = NEW.state_name AND r.grain_key = NEW.grain_id_extension) THEN
                RAISE EXCEPTION 'test: writes of % % are refused', NEW.state_name, NEW.grain_id_extension;
            END IF;
            INSERT INTO test_state_writes VALUES (NEW.state_name, coalesce(NEW.grain_id_extension, ''), 1)
            ON CONFLICT (state_name, grain_key) DO UPDATE SET writes = test_state_writes.writes + 1;
            RETURN NEW;
        END
        $body$;
        CREATE TRIGGER test_state_write BEFORE INSERT OR UPDATE ON orleans_grain_state FOR EACH ROW EXECUTE FUNCTION test_state_write();
        """;

    private readonly string _connectionString;

    private StoredGrainStates(string connectionString) => _connectionString = connectionString;

    public static async Task<StoredGrainStates> InstallAsync(string connectionString)
    {
        var states = new StoredGrainStates(connectionString);
        await states.ExecuteAsync(Install);
        return states;
    }

    /// <summary>How many times the row of <paramref name="stateName"/> (e.g. <c>ride</c>) and a string key was written.</summary>
    public async Task<int> WritesAsync(string stateName, string key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce((SELECT writes FROM test_state_writes WHERE state_name = $1 AND grain_key = $2), 0)", connection)
        {
            Parameters = { new() { Value = stateName }, new() { Value = key } },
        };
        return (int)(await command.ExecuteScalarAsync().DefaultTimeout())!;
    }

    /// <summary>The stored state of <paramref name="stateName"/> and a string key, read as the silo reads it.</summary>
    public async Task<T> ReadAsync<T>(string stateName, string key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT convert_from(payload, 'UTF8') FROM orleans_grain_state WHERE state_name = $1 AND grain_id_extension = $2", connection)
        {
            Parameters = { new() { Value = stateName }, new() { Value = key } },
        };
        var json = await command.ExecuteScalarAsync().DefaultTimeout() as string;
        Assert.True(json is not null, $"no stored {stateName} state for {key}");
        return JsonSerializer.Deserialize<T>(json, JsonGrainStateSerializer.Options)!;
    }

    /// <summary>From now on every write of this row fails on the server, until <see cref="AllowAsync"/>.</summary>
    public Task RefuseAsync(string stateName, string key) =>
        ExecuteAsync("INSERT INTO test_state_refusals VALUES ($1, $2)", stateName, key);

    public Task AllowAsync(string stateName, string key) =>
        ExecuteAsync("DELETE FROM test_state_refusals WHERE state_name = $1 AND grain_key = $2", stateName, key);

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync().DefaultTimeout();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync().DefaultTimeout();
        return connection;
    }
}
