namespace Rides.Edge.Tests;

/// <summary>One server shared by the tests of a class; tests stay apart by unique users and <see cref="TestArea"/>s.</summary>
public class EdgeServerFixture : IAsyncLifetime
{
    private EdgeTestServer? _server;

    /// <summary>The server.</summary>
    public EdgeTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Settings beyond the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await EdgeTestServer.StartAsync(Settings).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
