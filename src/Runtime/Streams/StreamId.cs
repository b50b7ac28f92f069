namespace Rides.Runtime.Streams;

/// <summary>The identity of a stream: a namespace (what kind of events) and a key (whose).</summary>
public readonly record struct StreamId(string Namespace, string Key)
{
    /// <summary>Creates a stream id.</summary>
    public static StreamId Create(string streamNamespace, string key) => new(streamNamespace, key);

    /// <summary>A stable hash, the same in every process (the stream's owner in the cluster).</summary>
    public uint GetUniformHashCode() => Hashing.StableHash.Compute("stream", Namespace, Key);

    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Key}";
}
