namespace Rides.Runtime.Hashing;

/// <summary>
/// FNV-1a over UTF-16 code units: the same value in every process and on every machine,
/// unlike <see cref="string.GetHashCode()"/>, so that placement agrees across the cluster.
/// </summary>
public static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>Hashes the parts in order, with a separator between them.</summary>
    public static uint Compute(params ReadOnlySpan<string> parts)
    {
        var hash = OffsetBasis;
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                hash = (hash ^ (byte)c) * Prime;
                hash = (hash ^ (byte)(c >> 8)) * Prime;
            }

            hash = (hash ^ 0xFF) * Prime;
        }

        return Mix(hash);
    }

    /// <summary>Combines two hashes (rendezvous hashing of a grain over silos).</summary>
    public static uint Combine(uint a, uint b) => Mix(a ^ (b * 0x9E3779B1));

    // A murmur3 finaliser, so that ids that differ in one character spread over the whole range.
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
