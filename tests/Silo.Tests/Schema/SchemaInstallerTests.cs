using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;
using Rides.Silo.Schema;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests.Schema;

/// <summary>The installer and the scripts on their own, without Orleans running.</summary>
public sealed class SchemaInstallerTests
{
    [Fact]
    public async Task Schema_installs_twice_without_error_and_records_its_version()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        await using var database = NpgsqlDataSource.Create(schema.ConnectionString);

        await PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout();
        var keysAfterFirst = await QueryKeysAsync(database);
        await PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout();

        Assert.Equal(PostgresSchemaInstaller.SchemaVersion, await ScalarAsync<int>(database, "SELECT version FROM rides_schema_version"));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM rides_schema_version"));
        Assert.Equal(keysAfterFirst, await QueryKeysAsync(database));
    }

    [Fact]
    public async Task Schema_install_puts_back_a_query_that_was_changed()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        await using var database = NpgsqlDataSource.Create(schema.ConnectionString);
        await PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout();
        var original = await ScalarAsync<string>(database, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'");

        await ExecuteAsync(database, "UPDATE OrleansQuery SET QueryText = 'SELECT 1' WHERE QueryKey = 'WriteToStorageKey'");
        await ExecuteAsync(database, "DELETE FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'");
        await PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout();

        Assert.Equal(original, await ScalarAsync<string>(database, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'"));
    }

    [Fact]
    public async Task Schema_install_refuses_a_database_holding_a_newer_schema_version_and_changes_nothing()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        await using var database = NpgsqlDataSource.Create(schema.ConnectionString);
        await PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout();
        var newer = PostgresSchemaInstaller.SchemaVersion + 1;
        await ExecuteAsync(database, $"UPDATE rides_schema_version SET version = {newer}");
        await ExecuteAsync(database, "DELETE FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout());

        Assert.Contains($"version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Equal(newer, await ScalarAsync<int>(database, "SELECT version FROM rides_schema_version"));
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'"));
    }

    [Fact]
    public async Task Schema_install_creates_the_search_path_schema_when_it_is_missing()
    {
        var server = PostgresServer.Shared;
        var missing = PostgresServer.SchemaPrefix + Guid.NewGuid().ToString("N");
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { SearchPath = missing }.ConnectionString;
        try
        {
            await using var database = NpgsqlDataSource.Create(connectionString);
            await PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout();

            Assert.Equal(
                PostgresSchemaInstaller.SchemaVersion,
                await ScalarAsync<int>(database, $"SELECT version FROM \"{missing}\".rides_schema_version"));
            Assert.True(await ScalarAsync<bool>(database, $"SELECT to_regclass('\"{missing}\".orleansquery') IS NOT NULL"));
        }
        finally
        {
            await server.DropSchemaAsync(connectionString).DefaultTimeout();
        }
    }

    [Fact]
    public async Task Concurrent_installs_into_one_schema_all_succeed()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        await using var database = NpgsqlDataSource.Create(schema.ConnectionString);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresSchemaInstaller.InstallAsync(database)))).DefaultTimeout();

        Assert.Equal(PostgresSchemaInstaller.SchemaVersion, await ScalarAsync<int>(database, "SELECT version FROM rides_schema_version"));
    }

    [Fact]
    public async Task Ensure_installed_installs_once_per_connection_string()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        await using var database = NpgsqlDataSource.Create(schema.ConnectionString);

        var first = PostgresSchemaInstaller.EnsureInstalledAsync(database);
        await first.DefaultTimeout();
        await ExecuteAsync(database, "DELETE FROM rides_schema_version");
        var second = PostgresSchemaInstaller.EnsureInstalledAsync(database);
        await second.DefaultTimeout();

        Assert.Same(first, second);
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM rides_schema_version"));
    }

    [Fact]
    public void Scripts_are_embedded_in_file_name_order()
    {
        Assert.Equal(
            ["00_schema_version.sql", "01_orleans_query.sql", "02_clustering.sql", "03_persistence.sql", "04_reminders.sql"],
            PostgresSchemaInstaller.Scripts.Select(s => s.Name));
        Assert.All(PostgresSchemaInstaller.Scripts, s => Assert.False(string.IsNullOrWhiteSpace(s.Sql)));
    }

    [Fact]
    public async Task Installed_queries_are_every_key_the_ado_net_providers_read()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        await using var database = NpgsqlDataSource.Create(schema.ConnectionString);
        await PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout();

        // What the 10.4.2 providers insist on: clustering and reminders check that every property
        // of their internal DbStoredQueries has a row; grain storage reads the keys named in its
        // initialization query. CleanupDefunctSiloEntryKey is optional (read when present).
        var required = RequiredQueryKeys(typeof(AdoNetClusteringTable).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries")
            .Concat(RequiredQueryKeys(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries"))
            .Concat(Regex.Matches(AdoNetGrainStorage.DefaultInitializationQuery, "'(\\w+)'").Select(m => m.Groups[1].Value))
            .Append("CleanupDefunctSiloEntryKey")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(21, required.Length);
        Assert.Equal(required, await QueryKeysAsync(database));
    }

    [Theory]
    [InlineData("Host=h;Search Path=rides_prod", "rides_prod")]
    [InlineData("Host=h;Search Path=Rides_Prod, public", "rides_prod")]
    [InlineData("Host=h;Search Path='\"Rides Prod\",public'", "Rides Prod")]
    [InlineData("Host=h;Search Path=$user, public", null)]
    [InlineData("Host=h", null)]
    public void First_search_path_schema_is_the_name_PostgreSQL_stores(string connectionString, string? expected)
    {
        Assert.Equal(expected, PostgresSchemaInstaller.FirstSearchPathSchema(connectionString));
    }

    private static string[] RequiredQueryKeys(Assembly assembly, string typeName)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var keys = type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name).ToArray();
        Assert.NotEmpty(keys);
        return keys;
    }

    private static async Task<string[]> QueryKeysAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync().DefaultTimeout();
        var keys = new List<string>();
        while (await reader.ReadAsync().DefaultTimeout())
        {
            keys.Add(reader.GetString(0));
        }

        return [.. keys];
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync().DefaultTimeout();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync().DefaultTimeout();
        return value is T typed ? typed : throw new InvalidOperationException($"`{sql}` returned {value ?? "null"}, not a {typeof(T).Name}.");
    }
}
