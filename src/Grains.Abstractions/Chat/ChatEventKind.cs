using System.Text.Json.Serialization;

namespace Rides.Grains.Chat;

/// <summary>What a <see cref="ChatEvent"/> carries.</summary>
[GenerateSerializer, Alias("rides.ChatEventKind")]
public enum ChatEventKind
{
    /// <summary>A new stored message (seed 000's <c>chat_message</c>).</summary>
    [JsonStringEnumMemberName("message")]
    Message,

    /// <summary>A user started or stopped typing (seed 003's <c>typing_status</c>); not stored.</summary>
    [JsonStringEnumMemberName("typing")]
    Typing,

    /// <summary>A user read up to a message (seed 003's <c>message_read</c>); not stored.</summary>
    [JsonStringEnumMemberName("read")]
    Read,
}
