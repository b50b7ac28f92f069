namespace Rides.Grains.Support;

/// <summary>Support conversation ids, the key of <see cref="ISupportConversationGrain"/>.</summary>
public static class SupportConversationIds
{
    /// <summary>A new unique conversation id (<c>conv_</c> + 32 hex digits).</summary>
    public static string New() => "conv_" + Guid.NewGuid().ToString("N");
}
