using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Rides.Grains.Storage;
using Rides.LoadGen.Measurement;

namespace Rides.LoadGen.Baseline;

/// <summary>
/// The lifecycle's baseline: what PostgreSQL costs for the rows a ride writes, without Orleans or the edge. In a
/// schema of its own on the platform's server, <c>writers</c> tasks at once (as many as the rides in flight) each
/// insert a row and then update it, version-checked, <c>updatesPerRow</c> times (a ride's transitions), the JSON
/// being a real ride state read back from the platform's table (same size, same content), as <c>jsonb</c> — the
/// raw write of <c>StateWriteBenchmarks</c>. It connects with the platform's <see cref="PostgresConnectionDefaults"/>.
/// </summary>
public static class RawWriteBaseline
{
    /// <summary>One measured run; returns the latency of one write (insert or update) and the rows done per second.</summary>
    public static async Task<(LatencySummary Writes, double RowsPerSecond)> RunAsync(string connectionString, byte[] json, int writers, int updatesPerRow, TimeSpan length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var schema = "lg_raw_" + Guid.NewGuid().ToString("N")[..10];
        // The platform's own connection settings (automatic preparation, no session reset on reuse), so the baseline
        // differs from the platform only in what it sends, not in how it connects.
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)) { SearchPath = schema, MaxPoolSize = Math.Max(writers, 10) + 2 };
        await using (var admin = NpgsqlDataSource.Create(connectionString))
        await using (var create = admin.CreateCommand($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.raw_ride (id text PRIMARY KEY, payload jsonb NOT NULL, version int NOT NULL);"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var samples = new SampleSet();
        var rows = 0;
        try
        {
            await using var data = NpgsqlDataSource.Create(builder.ConnectionString);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
            {
                for (var n = 0; clock.Elapsed < length; n++)
                {
                    var id = $"w{w}-{n}";
                    var start = Stopwatch.GetTimestamp();
                    await using (var insert = data.CreateCommand("INSERT INTO raw_ride (id, payload, version) VALUES ($1, $2, 0)"))
                    {
                        insert.Parameters.Add(new NpgsqlParameter { Value = id });
                        insert.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
                        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    samples.Add(start, Stopwatch.GetTimestamp());
                    for (var version = 0; version < updatesPerRow; version++)
                    {
                        start = Stopwatch.GetTimestamp();
                        await using var update = data.CreateCommand("UPDATE raw_ride SET payload = $1, version = version + 1 WHERE id = $2 AND version = $3");
                        update.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
                        update.Parameters.Add(new NpgsqlParameter { Value = id });
                        update.Parameters.Add(new NpgsqlParameter { Value = version });
                        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                        {
                            throw new InvalidOperationException("The raw baseline lost its version.");
                        }

                        samples.Add(start, Stopwatch.GetTimestamp());
                    }

                    Interlocked.Increment(ref rows);
                }
            })).ConfigureAwait(false);
            return (samples.Summarize(), rows / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await using var admin = NpgsqlDataSource.Create(connectionString);
            await using var drop = admin.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await drop.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The platform's persisted rides of this run (grain state rows keyed <c>PREFIX-N-M</c>, the cyclers' ride ids):
    /// how many, how many completed, and the JSON of the largest completed one (null when there is none).
    /// </summary>
    public static async Task<(long Rows, long Completed, byte[]? Json, string Where)> PersistedRidesAsync(string connectionString, string rideIdPrefix, CancellationToken cancellationToken)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var count = data.CreateCommand(
            "SELECT count(*), count(*) FILTER (WHERE position('\"completed\"' in convert_from(payload, 'UTF8')) > 0), min(state_name) FROM orleans_grain_state WHERE grain_id_extension ~ $1 AND payload IS NOT NULL");
        count.Parameters.Add(new NpgsqlParameter { Value = RideKey(rideIdPrefix) });
        long rows = 0, completed = 0;
        string where = string.Empty;
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows = reader.GetInt64(0);
                completed = reader.GetInt64(1);
                where = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
            }
        }

        await using var sample = data.CreateCommand(
            "SELECT payload FROM orleans_grain_state WHERE grain_id_extension ~ $1 AND position('\"completed\"' in convert_from(payload, 'UTF8')) > 0 ORDER BY length(payload) DESC LIMIT 1");
        sample.Parameters.Add(new NpgsqlParameter { Value = RideKey(rideIdPrefix) });
        var json = await sample.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
        return (rows, completed, json, where);
    }

    private static string RideKey(string prefix) => "^" + System.Text.RegularExpressions.Regex.Escape(prefix) + "-[0-9]+-[0-9]+$";
}
