using System.Text.Json.Serialization;

namespace Rides.Runtime;

/// <summary>
/// The identity of a grain: its grain type and its key. Two references with equal ids address
/// the same grain from any silo or client.
/// </summary>
[JsonConverter(typeof(Serialization.GrainIdJsonConverter))]
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>Parses the form written by <see cref="ToString"/>: <c>type/key</c>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>A stable hash of the id, the same in every process (used for placement).</summary>
    public uint GetUniformHashCode() => Hashing.StableHash.Compute(Type, Key);

    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
