using Npgsql;
using Rides.Silo.Hosting;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests;

/// <summary>With ConnectionStrings:Rides set, grain state, reminders and membership go to PostgreSQL through Orleans' ADO.NET providers.</summary>
public sealed class PostgresHostTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task With_a_connection_string_the_host_keeps_grain_state_in_postgres_and_checks_it_for_readiness()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var connectionString = await postgres.CreateSchemaAsync(timeout.Token);
        await using var host = await SiloHost.StartAsync("--ConnectionStrings:Rides=" + connectionString);
        Assert.Equal(SiloStorageMode.Postgres, host.StorageMode);

        var (readyStatus, ready) = await host.GetAsync("/health/ready");
        Assert.Equal(200, readyStatus);
        Assert.Equal(["postgres", "silo"], ready.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());

        // A ride requested through the edge is written to this schema's grain state table.
        var (_, token) = await host.PostAsync("/api/v1/auth/token", new { user_id = "pg_rider", user_type = "rider" });
        var (created, ride) = await host.PostAsync(
            "/api/v1/riders/rides",
            new { pickup = new { latitude = 52.52, longitude = 13.405 }, destination = new { latitude = 52.55, longitude = 13.405 } },
            token.GetProperty("access_token").GetString());
        Assert.Equal(201, created);
        var rideId = ride.GetProperty("ride_id").GetString();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(timeout.Token);
        // The state is JSON (JsonGrainStateSerializer) in Orleans' grain state table, keyed by the grain id.
        await using var command = new NpgsqlCommand("SELECT convert_from(payload, 'UTF8') FROM orleans_grain_state WHERE state_name = 'ride' AND grain_id_extension LIKE '%' || @id", connection);
        command.Parameters.AddWithValue("id", rideId!);
        var rows = new List<string?>();
        await using (var reader = await command.ExecuteReaderAsync(timeout.Token))
        {
            while (await reader.ReadAsync(timeout.Token))
            {
                rows.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
            }
        }

        var row = Assert.Single(rows);
        Assert.Contains("findingDriver", row, StringComparison.Ordinal);
    }
}
