using System.Text.Json.Serialization;

namespace Rides.Grains.Support;

/// <summary>What a <see cref="SupportRoomEvent"/> says.</summary>
[GenerateSerializer, Alias("rides.SupportRoomEventKind")]
public enum SupportRoomEventKind
{
    /// <summary>A field user opened a conversation.</summary>
    [JsonStringEnumMemberName("created")]
    Created,

    /// <summary>A conversation changed (new message, participant joined).</summary>
    [JsonStringEnumMemberName("updated")]
    Updated,

    /// <summary>A conversation was closed.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}
