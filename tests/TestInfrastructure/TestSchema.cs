namespace Rides.TestInfrastructure;

/// <summary>A fresh schema for one test; disposing drops it.</summary>
public sealed class TestSchema : IAsyncDisposable
{
    private readonly PostgresServer _server;

    internal TestSchema(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    /// <summary>A connection string whose search path is this schema.</summary>
    public string ConnectionString { get; }

    /// <summary>Drops the schema.</summary>
    public async ValueTask DisposeAsync() => await _server.DropSchemaAsync(ConnectionString).ConfigureAwait(false);
}
