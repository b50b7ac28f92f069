using System.Text.Json;
using Rides.LoadGen.Hosting;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Measurement;

/// <summary>
/// Reads the platform's own counters with an operator's development token: <c>GET /api/v1/ws/stats</c> of every
/// edge (connections and stream subscriptions it holds; drivers online and rides active across the platform) and
/// the Orleans Dashboard's counters (activations in the cluster, by grain type; refreshed every 5 s).
/// </summary>
public sealed class PlatformProbe
{
    private readonly PlatformTarget _target;
    private readonly HttpClient _http;
    private readonly string _token;

    private PlatformProbe(PlatformTarget target, HttpClient http, string token)
    {
        _target = target;
        _http = http;
        _token = token;
    }

    /// <summary>Gets an operator's token from the first edge.</summary>
    public static async Task<PlatformProbe> CreateAsync(PlatformTarget target, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var token = await new RidesApi(http, target.Edges[0]).TokenAsync("lg-operator", "operator", cancellationToken).ConfigureAwait(false);
        return new PlatformProbe(target, http, token);
    }

    /// <summary>One reading of every counter; a counter that could not be read is -1.</summary>
    public async Task<PlatformCounters> ReadAsync(CancellationToken cancellationToken)
    {
        long connections = 0, subscriptions = 0;
        int onlineDrivers = -1, activeRides = -1;
        foreach (var edge in _target.Edges)
        {
            try
            {
                using var stats = await new RidesApi(_http, edge).StatsAsync(_token, cancellationToken).ConfigureAwait(false);
                var root = stats.RootElement;
                connections += root.GetProperty("total_connections").GetInt64();
                subscriptions += root.GetProperty("subscriptions").GetInt64();
                onlineDrivers = root.GetProperty("online_drivers").GetInt32();
                activeRides = root.GetProperty("active_rides").GetInt32();
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or JsonException or KeyNotFoundException or TaskCanceledException)
            {
                connections = subscriptions = -1;
                break;
            }
        }

        long activations = -1;
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var counters = await new RidesApi(_http, _target.DashboardHost).DashboardCountersAsync(_token, cancellationToken).ConfigureAwait(false);
            var root = counters.RootElement;
            activations = Find(root, "totalActivationCount")?.GetInt64() ?? -1;
            if (Find(root, "simpleGrainStats") is { ValueKind: JsonValueKind.Array } grains)
            {
                foreach (var grain in grains.EnumerateArray())
                {
                    var type = Find(grain, "grainType")?.GetString() ?? "?";
                    var count = Find(grain, "activationCount")?.GetInt64() ?? 0;
                    var shortType = type.Split(',')[0].Split('.')[^1];
                    byType[shortType] = byType.GetValueOrDefault(shortType) + count;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException)
        {
        }

        return new PlatformCounters(connections, subscriptions, onlineDrivers, activeRides, activations, byType);
    }

    /// <summary>A property by name in any case (the dashboard writes camelCase, older builds PascalCase).</summary>
    private static JsonElement? Find(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}

/// <summary>One reading of the platform's counters (-1 where a counter could not be read).</summary>
/// <param name="Connections">Hub connections open on the edges (sum).</param>
/// <param name="Subscriptions">Stream subscriptions the edges hold for their connections (sum).</param>
/// <param name="OnlineDrivers">Drivers online across the platform.</param>
/// <param name="ActiveRides">Rides neither completed nor canceled.</param>
/// <param name="Activations">Grain activations in the cluster (the dashboard's count, refreshed every 5 s).</param>
/// <param name="ActivationsByType">Activations by grain class.</param>
public sealed record PlatformCounters(long Connections, long Subscriptions, int OnlineDrivers, int ActiveRides, long Activations, IReadOnlyDictionary<string, long> ActivationsByType);
