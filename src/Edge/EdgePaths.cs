namespace Rides.Edge;

/// <summary>
/// Every path the edge serves, in one place, so the endpoints, the start-up summary, the docs and the tests agree.
/// The plain-WebSocket dialects (seeds 001–004) are served at <see cref="WebSocketDialects"/>.
/// </summary>
public static class EdgePaths
{
    /// <summary>The SignalR hub (seed 000).</summary>
    public const string Hub = "/hubs/rides";

    /// <summary>The base of the REST API.</summary>
    public const string RestBase = "/api/v1";

    /// <summary>The OpenAPI document of the REST API.</summary>
    public const string OpenApi = "/openapi/v1.json";

    /// <summary>Liveness.</summary>
    public const string HealthLive = "/health/live";

    /// <summary>Readiness.</summary>
    public const string HealthReady = "/health/ready";

    /// <summary>The development token issuer, where enabled.</summary>
    public const string DevTokenIssuer = "/api/v1/auth/token";

    /// <summary>Seed 001: <c>?token=…</c>, frames <c>{type, data, timestamp}</c>.</summary>
    public const string Seed001Connect = "/api/v1/ws/connect";

    /// <summary>Seed 002: a rider's bookings (token in <c>Authorization: Bearer</c>).</summary>
    public const string Seed002Bookings = "/ws/bookings/";

    /// <summary>Seed 002: a driver's assigned bookings.</summary>
    public const string Seed002DriverBookings = "/ws/driver/bookings/";

    /// <summary>Seed 002: new requests near a driver.</summary>
    public const string Seed002AvailableBookings = "/ws/driver/available_bookings/";

    /// <summary>Seed 003: chat and support, <c>?token=…</c>, requests answered <c>{success, …}</c>.</summary>
    public const string Seed003Connect = "/api/websocket/connect";

    /// <summary>Seed 004: rooms <c>booking:ID</c>, <c>user:ID</c>, <c>support:ID</c>, <c>?token=…</c>.</summary>
    public const string Seed004Rooms = "/ws";

    /// <summary>The plain-WebSocket dialects' paths, in seed order.</summary>
    public static IReadOnlyList<string> WebSocketDialects { get; } =
    [
        Seed001Connect,
        Seed002Bookings,
        Seed002DriverBookings,
        Seed002AvailableBookings,
        Seed003Connect,
        Seed004Rooms,
    ];
}
