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
/// server. Between the two, the provider's own write query (<c>WriteToStorageKey</c> from the installed
/// schema) sent by raw Npgsql: what the database does for a grain write, without Orleans around it. The
/// server is the tests' own (a private one started on demand, or <c>RIDES_TEST_PG</c>).
/// </summary>
[MemoryDiagnoser]
public class StateWriteBenchmarks
{
    private TestSchema _schema = null!;
    private NpgsqlDataSource _dataSource = null!;
    private CoHostedSilo? _silo;
    private IWriterGrain _grain = null!;
    private string _writeQuery = null!;
    private int _version;
    private int _rawVersion;
    private int? _queryVersion;

    /// <summary>Creates the schema: the raw table, and everything Orleans' providers need.</summary>
    [GlobalSetup(Target = nameof(RawNpgsql))]
    public async Task SetupRawAsync()
    {
        await CreateSchemaAsync();
        await using var create = _dataSource.CreateCommand(
            "CREATE TABLE raw_state (id text PRIMARY KEY, payload jsonb NOT NULL, version int NOT NULL); INSERT INTO raw_state VALUES ('r', '{}', 0);");
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Installs the project's schema, reads the provider's write query and writes the row's first version.</summary>
    [GlobalSetup(Target = nameof(ProviderQuery))]
    public async Task SetupProviderQueryAsync()
    {
        await CreateSchemaAsync();
        await PostgresSchemaInstaller.EnsureInstalledAsync(_dataSource);
        await using (var read = _dataSource.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"))
        {
            _writeQuery = (string)(await read.ExecuteScalarAsync())!;
        }

        await ProviderQuery();
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

    /// <summary>
    /// The provider's write query with the parameters it binds for a string-keyed grain (the hashes, which the
    /// query does not read, left out), and the same JSON, sent through the same data source as the baseline.
    /// </summary>
    [Benchmark(Description = "the provider's write query, raw Npgsql")]
    public async Task ProviderQuery()
    {
        var state = new RideLikeState { Version = ++_version, Status = _version % 2 == 0 ? "arrivingToPickup" : "findingDriver" };
        await using var command = _dataSource.CreateCommand(_writeQuery);
        command.Parameters.AddWithValue("ServiceId", "bench");
        command.Parameters.AddWithValue("GrainTypeString", "bench-ride");
        command.Parameters.AddWithValue("GrainIdN0", 0L);
        command.Parameters.AddWithValue("GrainIdN1", 0L);
        command.Parameters.AddWithValue("GrainIdExtensionString", "writer");
        command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)_queryVersion ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("PayloadBinary", NpgsqlDbType.Bytea) { Value = JsonSerializer.SerializeToUtf8Bytes(state, JsonGrainStateSerializer.Options) });
        _queryVersion = await command.ExecuteScalarAsync() as int?
            ?? throw new InvalidOperationException("The provider's query lost its version.");
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
