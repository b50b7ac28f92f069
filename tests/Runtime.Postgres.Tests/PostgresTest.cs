using Npgsql;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Postgres.Tests;

/// <summary>A test with its own schema on the test server, and a data source whose search path is it.</summary>
public abstract class PostgresTest(PostgresFixture fixture) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    protected PostgresFixture Fixture { get; } = fixture;

    protected string ConnectionString { get; private set; } = "";

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await Fixture.CreateSchemaAsync().DefaultTimeout();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Fixture.DropSchemaAsync(ConnectionString).DefaultTimeout();
    }

    protected async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync().DefaultTimeout();
        return value is null or DBNull ? default : (T)value;
    }
}
