using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;
using Rides.Runtime;
using Rides.Runtime.Hosting;
using Rides.Runtime.Postgres;
using Rides.Runtime.Testing;
using Rides.TestInfrastructure;

namespace Rides.Benchmarks;

/// <summary>
/// A grain state write to PostgreSQL, through a grain and through the storage provider, beside a raw
/// Npgsql version-checked UPDATE of the same JSON payload on the same server.
/// </summary>
[MemoryDiagnoser]
public class StateWriteBenchmarks
{
    private TestSchema _schema = null!;
    private NpgsqlDataSource _dataSource = null!;
    private TestCluster _cluster = null!;
    private IWriterGrain _grain = null!;
    private int _version;
    private int _rawVersion;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        _dataSource = NpgsqlDataSource.Create(_schema.ConnectionString);
        await using (var create = _dataSource.CreateCommand(
            "CREATE TABLE raw_state (id text PRIMARY KEY, payload jsonb NOT NULL, version int NOT NULL); INSERT INTO raw_state VALUES ('r', '{}', 0);"))
        {
            await create.ExecuteNonQueryAsync();
        }

        _cluster = new TestClusterBuilder()
            .ConfigureSilo(s => s.AddGrains(typeof(WriterGrain).Assembly).AddPostgresGrainStorageAsDefault(_schema.ConnectionString))
            .Build();
        await _cluster.DeployAsync();
        _grain = _cluster.GrainFactory.GetGrain<IWriterGrain>("w");
        await _grain.Write(0);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _cluster.DisposeAsync();
        await _dataSource.DisposeAsync();
        await _schema.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "raw Npgsql version-checked UPDATE")]
    public async Task RawNpgsql()
    {
        var state = new RideLikeState { Version = ++_version, Status = "arrivingToPickup" };
        await using var command = _dataSource.CreateCommand("UPDATE raw_state SET payload = $1, version = version + 1 WHERE id = 'r' AND version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.SerializeToUtf8Bytes(state), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = _rawVersion });
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The raw baseline lost its version.");
        }

        _rawVersion++;
    }

    [Benchmark(Description = "grain call that writes its state")]
    public Task GrainWrite() => _grain.Write(++_version);
}
