using Rides.Edge.Subscriptions;

namespace Rides.Edge.Tests;

/// <summary>Waits for the edge's counts without polling: each wait is woken by the registry's change signal.</summary>
public static class RegistryWaits
{
    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(this ConnectionSubscriptionRegistry registry, Func<ConnectionSubscriptionRegistry, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var changed = registry.WhenChangedAsync();
            if (condition(registry))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still {registry.ConnectionCount} connections and {registry.SubscriptionCount} subscriptions after {timeout.TotalSeconds} s.");
            }
        }
    }
}
