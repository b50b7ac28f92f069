namespace Rides.Edge.Dialects.Seed001;

/// <summary>A server frame of seed 001: <c>{type, data, timestamp}</c>, with the event's id and seed 001's <c>metadata</c> where it has them.</summary>
/// <typeparam name="TData">The frame's <c>data</c>.</typeparam>
/// <param name="Type">connected, ride_requested, ride_accepted, …, pong, error.</param>
/// <param name="Data">The frame's data.</param>
/// <param name="Timestamp">When the server sent it (for events: when it happened).</param>
public sealed record Seed001Frame<TData>(string Type, TData Data, DateTimeOffset Timestamp)
{
    /// <summary>The platform's event id (e.g. <c>ride-status/ride_1/3</c>): pass the last one as <c>last_event_id</c> to resume.</summary>
    public string? EventId { get; init; }

    /// <summary>Seed 001's metadata (<c>ride_id</c> on <c>ride_requested</c>).</summary>
    public Seed001Metadata? Metadata { get; init; }
}
