namespace Rides.Grains.Events;

/// <summary>
/// One source of events: a namespace (what kind of event) and a key (whose), e.g. <c>ride-status</c> /
/// <c>ride_1a2b</c>. Its text form <c>{namespace}/{key}</c> is the key of the source's
/// <see cref="ITopicGrain"/> and the prefix of the event ids clients see.
/// </summary>
/// <param name="Namespace">The kind of event; one of the <see cref="Topics"/> constants.</param>
/// <param name="Key">Whose events: a ride, driver, conversation, room or user id.</param>
[GenerateSerializer, Immutable, Alias("rides.TopicId")]
public readonly record struct TopicId(string Namespace, string Key)
{
    /// <summary>The topic grain key and event id prefix: <c>{namespace}/{key}</c>.</summary>
    public override string ToString() => $"{Namespace}/{Key}";

    /// <summary>Reads a topic grain key back (the namespace never contains '/'; the key may).</summary>
    public static TopicId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{text}' is not a topic id ({{namespace}}/{{key}}).");
        }

        return new TopicId(text[..slash], text[(slash + 1)..]);
    }
}
