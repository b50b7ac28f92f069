using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge;
using Rides.LoadGen.Client;

namespace Rides.LoadGen.Scenario;

/// <summary>Opens a user's hub connection the way the apps do: a development token from the edge, then the hub.</summary>
public static class Users
{
    /// <summary>Gets a token for <paramref name="userId"/> as <paramref name="userType"/> from <paramref name="api"/>'s edge and connects there.</summary>
    public static async Task<HubConnection> ConnectAsync(RidesApi api, string userId, string userType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var token = await api.TokenAsync(userId, userType, cancellationToken).ConfigureAwait(false);
        return await HubConnections.ConnectAsync(api.Server, EdgeEndpoints.HubPath, token, negotiate: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="body"/> for 0..<paramref name="count"/>-1, at most <paramref name="concurrency"/> at once.</summary>
    public static async Task<T[]> ForEachAsync<T>(int count, int concurrency, Func<int, Task<T>> body, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var gate = new SemaphoreSlim(concurrency);
        var done = 0;
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var result = await body(i).ConfigureAwait(false);
                var n = Interlocked.Increment(ref done);
                progress?.Invoke(n);
                return result;
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }
}
