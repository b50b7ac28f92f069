using System.Text.RegularExpressions;
using Npgsql;
using Rides.Runtime.Postgres.Schema;
using Rides.Runtime.Postgres.Storage;
using Rides.Runtime.Serialization;
using Rides.Runtime.Storage;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Postgres.Tests.Schema;

public sealed partial class PostgresSchemaInstallerTests(PostgresFixture fixture) : PostgresTest(fixture)
{
    private const string TablesSql =
        "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = current_schema()";

    // Other subsystems add their own scripts to deploy/sql; every table the scripts declare must exist.
    private static readonly string AllTables = string.Join(',', PostgresSchemaInstaller.Scripts
        .SelectMany(s => CreateTable().Matches(s.Sql).Select(m => m.Groups[1].Value))
        .Order(StringComparer.Ordinal));

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS (\w+)")]
    private static partial Regex CreateTable();

    [Fact]
    public void The_runtime_tables_are_among_those_the_scripts_declare()
    {
        Assert.Subset(
            AllTables.Split(',').ToHashSet(),
            new HashSet<string> { "rides_grain_state", "rides_membership", "rides_membership_version", "rides_reminders" });
    }

    [Fact]
    public void The_scripts_from_deploy_sql_are_embedded_in_order()
    {
        var names = PostgresSchemaInstaller.Scripts.Select(s => s.Name[(s.Name.LastIndexOf(".Sql.", StringComparison.Ordinal) + 5)..]).ToArray();

        Assert.Equal(["01_grain_state.sql", "02_reminders.sql", "03_membership.sql"], names.Take(3));
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Installing_creates_the_tables_in_the_search_path_schema()
    {
        await PostgresSchemaInstaller.InstallAsync(DataSource).DefaultTimeout();

        Assert.Equal(AllTables, await ScalarAsync<string>(TablesSql));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public' AND tablename LIKE 'rides_%'"));
    }

    [Fact]
    public async Task Schema_installer_is_idempotent_and_keeps_data()
    {
        var storage = new PostgresGrainStorage("postgres", DataSource, new JsonWireSerializer());
        await storage.WriteStateAsync("s", new GrainId("ride", "r"), new GrainState<int>(42)).DefaultTimeout();

        await PostgresSchemaInstaller.InstallAsync(DataSource).DefaultTimeout();
        await PostgresSchemaInstaller.InstallAsync(DataSource).DefaultTimeout();
        var read = new GrainState<int>(0);
        await storage.ReadStateAsync("s", new GrainId("ride", "r"), read).DefaultTimeout();

        Assert.Equal(42, read.State);
        Assert.Equal("1", read.ETag);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM rides_membership_version"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT version FROM rides_membership_version"));
    }

    [Fact]
    public async Task Schema_installer_is_safe_when_many_silos_start_at_once()
    {
        const int silos = 8;
        var sources = Enumerable.Range(0, silos).Select(_ => NpgsqlDataSource.Create(ConnectionString)).ToArray();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var installs = sources.Select(async source =>
            {
                await start.Task;
                await PostgresSchemaInstaller.InstallAsync(source);
            }).ToArray();
            start.SetResult();
            await Task.WhenAll(installs).DefaultTimeout();
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }

        Assert.Equal(AllTables, await ScalarAsync<string>(TablesSql));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM rides_membership_version"));
    }

    [Fact]
    public async Task Installing_creates_a_missing_search_path_schema()
    {
        var schema = PostgresServer.SchemaPrefix + "missing_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            await PostgresSchemaInstaller.EnsureInstalledAsync(source).DefaultTimeout();

            await using var command = source.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = schema });
            Assert.Equal((long)AllTables.Split(',').Length, (long)(await command.ExecuteScalarAsync().DefaultTimeout())!);
        }
        finally
        {
            await Fixture.DropSchemaAsync(connectionString).DefaultTimeout();
        }
    }

    [Fact]
    public async Task Ensure_installed_runs_the_scripts_once_per_connection_string()
    {
        await PostgresSchemaInstaller.EnsureInstalledAsync(DataSource).DefaultTimeout();
        await using (var drop = DataSource.CreateCommand("DROP TABLE rides_reminders"))
        {
            await drop.ExecuteNonQueryAsync().DefaultTimeout();
        }

        await PostgresSchemaInstaller.EnsureInstalledAsync(DataSource).DefaultTimeout();

        Assert.Equal(string.Join(',', AllTables.Split(',').Where(t => t != "rides_reminders")), await ScalarAsync<string>(TablesSql));
    }

    [Fact]
    public async Task Storage_creates_the_schema_lazily_on_first_use()
    {
        var storage = new PostgresGrainStorage("postgres", DataSource, new JsonWireSerializer());

        var state = new GrainState<int>(0);
        await storage.ReadStateAsync("s", new GrainId("ride", "r"), state).DefaultTimeout();

        Assert.False(state.RecordExists);
        Assert.Equal(AllTables, await ScalarAsync<string>(TablesSql));
    }
}
