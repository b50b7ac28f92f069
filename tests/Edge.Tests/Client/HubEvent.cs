using System.Text.Json;

namespace Rides.Edge.Tests.Client;

/// <summary>A server-to-client invocation: the client method's name and its one argument.</summary>
public sealed record HubEvent(string Target, JsonElement Payload)
{
    /// <summary>When the client received it (the record is made on arrival).</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;
}
