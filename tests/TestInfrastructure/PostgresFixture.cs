using System.Collections.Concurrent;
using Xunit;

namespace Rides.TestInfrastructure;

/// <summary>
/// An xunit fixture over <see cref="PostgresServer.Shared"/> (use it as a class or collection
/// fixture): it hands out fresh schemas and drops them when the fixture is disposed.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly ConcurrentBag<string> _schemas = [];

    /// <summary>The server (started on first use).</summary>
    public PostgresServer Server => PostgresServer.Shared;

    /// <summary>A connection string whose search path is a fresh, empty schema.</summary>
    public async Task<string> CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = await Server.CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
        _schemas.Add(connectionString);
        return connectionString;
    }

    /// <summary>Drops a schema made by <see cref="CreateSchemaAsync"/>.</summary>
    public Task DropSchemaAsync(string connectionString, CancellationToken cancellationToken = default) =>
        Server.DropSchemaAsync(connectionString, cancellationToken);

    /// <inheritdoc />
    public Task InitializeAsync() => Task.Run(() => _ = Server);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        while (_schemas.TryTake(out var connectionString))
        {
            await Server.DropSchemaAsync(connectionString).ConfigureAwait(false);
        }
    }
}
