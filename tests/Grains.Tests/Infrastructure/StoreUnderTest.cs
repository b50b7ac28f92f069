using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Infrastructure;

/// <summary>
/// A store of the grains' own tables under test: the memory one, or the PostgreSQL one on a fresh schema of the
/// test server. Disposing disposes the store and drops the schema.
/// </summary>
public sealed class StoreUnderTest<TStore> : IAsyncDisposable
    where TStore : class
{
    private readonly TestSchema? _schema;

    private StoreUnderTest(TStore store, TestSchema? schema)
    {
        Store = store;
        _schema = schema;
    }

    /// <summary>The kinds a theory runs over.</summary>
    public static TheoryData<string> Kinds() => new() { "memory", "postgres" };

    /// <summary>The store.</summary>
    public TStore Store { get; }

    /// <summary>The <paramref name="kind"/> store: <paramref name="memory"/>, or <paramref name="postgres"/> over a fresh schema's connection string.</summary>
    public static async Task<StoreUnderTest<TStore>> CreateAsync(string kind, Func<TStore> memory, Func<string, TStore> postgres)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(postgres);
        if (kind == "memory")
        {
            return new(memory(), null);
        }

        var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        return new(postgres(schema.ConnectionString), schema);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
