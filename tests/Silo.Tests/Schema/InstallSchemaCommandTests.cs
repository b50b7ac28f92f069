using Npgsql;
using Rides.Silo.Schema;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests.Schema;

/// <summary>The operator's <c>Rides.Silo install-schema</c>, run twice on a fresh schema, and without a connection string.</summary>
public sealed class InstallSchemaCommandTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Install_schema_creates_the_tables_and_can_run_again()
    {
        var connectionString = await postgres.CreateSchemaAsync().DefaultTimeout();
        string[] args = [InstallSchemaCommand.Name, "--ConnectionStrings:Rides=" + connectionString];

        Assert.Equal(0, await InstallSchemaCommand.RunAsync(args).DefaultTimeout());
        Assert.Equal(0, await InstallSchemaCommand.RunAsync(args).DefaultTimeout());

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM OrleansQuery");
        Assert.True((long)(await command.ExecuteScalarAsync().DefaultTimeout())! >= 20);
    }

    [Fact]
    public async Task Install_schema_without_a_connection_string_exits_with_2()
    {
        Assert.Equal(2, await InstallSchemaCommand.RunAsync([InstallSchemaCommand.Name]).DefaultTimeout());
    }
}
