namespace Rides.Grains.Chat;

/// <summary>The chat limits grains enforce (the edge may check the same values early).</summary>
public static class ChatLimits
{
    /// <summary>The longest message text, in characters (after trimming).</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>Messages one user may send per room per <see cref="RateWindow"/> (seed 000: 5 per minute).</summary>
    public const int MessagesPerWindow = 5;

    /// <summary>The window of <see cref="MessagesPerWindow"/>.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    /// <summary>The default page size of history requests.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size of history requests.</summary>
    public const int MaxPageSize = 200;
}
