using System.Text.Json;
using System.Text.Json.Serialization;
using Rides.Runtime.Membership;

namespace Rides.Runtime.Postgres.Membership;

/// <summary>The jsonb form of <see cref="MembershipEntry.SuspectTimes"/>: <c>[{"silo": ..., "time": ...}]</c>.</summary>
internal static class SuspectTimesJson
{
    public static string Write(IReadOnlyList<SuspectTime>? suspectTimes)
    {
        var rows = (suspectTimes ?? []).Select(s => new Row(s.SuspectingSilo, s.Time)).ToArray();
        return JsonSerializer.Serialize(rows, RowContext.Default.RowArray);
    }

    public static IReadOnlyList<SuspectTime> Read(string json)
    {
        var rows = JsonSerializer.Deserialize(json, RowContext.Default.RowArray) ?? [];
        return rows.Select(r => new SuspectTime(r.Silo, r.Time)).ToArray();
    }

    internal sealed record Row(
        [property: JsonPropertyName("silo")] string Silo,
        [property: JsonPropertyName("time")] DateTimeOffset Time);
}

/// <summary>Source-generated JSON metadata for the suspect-times column.</summary>
[JsonSerializable(typeof(SuspectTimesJson.Row[]))]
internal sealed partial class RowContext : JsonSerializerContext;
