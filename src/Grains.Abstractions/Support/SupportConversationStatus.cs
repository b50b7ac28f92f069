using System.Text.Json.Serialization;

namespace Rides.Grains.Support;

/// <summary>A support conversation's status (seed 003's <c>status</c>).</summary>
[GenerateSerializer, Alias("rides.SupportConversationStatus")]
public enum SupportConversationStatus
{
    /// <summary>Open. Wire name <c>ACTIVE</c>.</summary>
    [JsonStringEnumMemberName("ACTIVE")]
    Active,

    /// <summary>Closed: read-only. Wire name <c>CLOSED</c>.</summary>
    [JsonStringEnumMemberName("CLOSED")]
    Closed,
}
