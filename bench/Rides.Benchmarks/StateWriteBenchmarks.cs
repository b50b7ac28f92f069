using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;
using Rides.Benchmarks.Grains;
using Rides.Benchmarks.Hosting;
using Rides.Grains.Storage;
using Rides.Silo.Schema;
using Rides.TestInfrastructure;

namespace Rides.Benchmarks;

/// <summary>
/// A grain state write through Orleans' ADO.NET grain storage (the project's schema and JSON serializer),
/// called through a co-hosted silo, beside a raw Npgsql version-checked UPDATE of a jsonb row on the same
/// server. The server is the tests' own (a private one started on demand, or <c>RIDES_TEST_PG</c>).
/// </summary>
[MemoryDiagnoser]
public class StateWriteBenchmarks
{
    private TestSchema _schema = null!;
    private NpgsqlDataSource _dataSource = null!;
    private CoHostedSilo? _silo;
    private IWriterGrain _grain = null!;
    private int _version;
    private int _rawVersion;

    /// <summary>Creates the schema: the raw table, and everything Orleans' providers need.</summary>
    [GlobalSetup(Target = nameof(RawNpgsql))]
    public async Task SetupRawAsync()
    {
        await CreateSchemaAsync();
        await using var create = _dataSource.CreateCommand(
            "CREATE TABLE raw_state (id text PRIMARY KEY, payload jsonb NOT NULL, version int NOT NULL); INSERT INTO raw_state VALUES ('r', '{}', 0);");
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Installs the project's schema, starts the silo and writes the grain's first state.</summary>
    [GlobalSetup(Target = nameof(GrainWrite))]
    public async Task SetupGrainAsync()
    {
        await CreateSchemaAsync();
        await PostgresSchemaInstaller.EnsureInstalledAsync(_dataSource);
        var connectionString = _schema.ConnectionString;
        _silo = await CoHostedSilo.StartAsync(silo => silo.AddAdoNetGrainStorageAsDefault(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new JsonGrainStateSerializer();
        }));
        _grain = _silo.Grains.GetGrain<IWriterGrain>("writer");
        await _grain.Write(0);
    }

    /// <summary>Stops the silo and drops the schema.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _dataSource.DisposeAsync();
        await _schema.DisposeAsync();
    }

    /// <summary>Serializes the state and updates the row only if it still holds the version read.</summary>
    [Benchmark(Baseline = true, Description = "raw Npgsql version-checked UPDATE")]
    public async Task RawNpgsql()
    {
        var state = new RideLikeState { Version = ++_version, Status = _version % 2 == 0 ? "arrivingToPickup" : "findingDriver" };
        await using var command = _dataSource.CreateCommand("UPDATE raw_state SET payload = $1, version = version + 1 WHERE id = 'r' AND version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.SerializeToUtf8Bytes(state, JsonGrainStateSerializer.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = _rawVersion });
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The raw baseline lost its version.");
        }

        _rawVersion++;
    }

    /// <summary>A grain call whose method changes the state and awaits <c>WriteStateAsync</c>.</summary>
    [Benchmark(Description = "grain call that writes its state")]
    public Task GrainWrite() => _grain.Write(++_version);

    private async Task CreateSchemaAsync()
    {
        _schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        _dataSource = NpgsqlDataSource.Create(_schema.ConnectionString);
    }
}
