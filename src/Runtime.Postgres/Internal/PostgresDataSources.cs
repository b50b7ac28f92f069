using System.Collections.Concurrent;
using Npgsql;

namespace Rides.Runtime.Postgres.Internal;

/// <summary>
/// One <see cref="NpgsqlDataSource"/> per connection string for a service provider, so grain
/// storage, reminders and membership on the same database share a connection pool. Disposed
/// with the service provider, which closes the pools.
/// </summary>
internal sealed class PostgresDataSources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new(StringComparer.Ordinal);

    public NpgsqlDataSource Get(string connectionString) =>
        _sources.GetOrAdd(connectionString, static cs => new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(cs))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values)
        {
            if (source.IsValueCreated)
            {
                await source.Value.DisposeAsync().ConfigureAwait(false);
            }
        }

        _sources.Clear();
    }
}
