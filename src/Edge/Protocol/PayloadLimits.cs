namespace Rides.Edge.Protocol;

/// <summary>The limits the edge enforces on payload fields (documented in docs/protocol.md).</summary>
public static class PayloadLimits
{
    /// <summary>Longest id (ride, message, conversation, user).</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest chat message.</summary>
    public const int MaxChatMessageLength = 1000;

    /// <summary>Longest ride notes.</summary>
    public const int MaxNotesLength = 500;

    /// <summary>Longest address.</summary>
    public const int MaxAddressLength = 200;

    /// <summary>Longest cancellation reason.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>Longest rating comment.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>Longest display name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest support conversation title.</summary>
    public const int MaxTitleLength = 120;

    /// <summary>Longest token accepted by <c>authenticate</c>.</summary>
    public const int MaxTokenLength = 8192;

    /// <summary>Largest hub message (one SignalR record) the hub reads; a bigger one closes the connection with PAYLOAD_TOO_LARGE.</summary>
    public const int MaxHubMessageBytes = 64 * 1024;

    /// <summary>Most messages one history page returns.</summary>
    public const int MaxPageSize = 100;
}
