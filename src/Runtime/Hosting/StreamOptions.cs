namespace Rides.Runtime.Hosting;

/// <summary>Options of the stream provider.</summary>
public sealed class StreamOptions
{
    /// <summary>How many recent events each stream keeps for replay (default 256).</summary>
    public int TailSize { get; set; } = 256;

    /// <summary>A stream with no subscriber and no event for this long is forgotten (default 1 hour).</summary>
    public TimeSpan IdleStreamAge { get; set; } = TimeSpan.FromHours(1);
}
