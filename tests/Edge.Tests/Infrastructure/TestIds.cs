namespace Rides.Edge.Tests;

/// <summary>Unique ids, so tests sharing a server never see each other's users or rides.</summary>
public static class TestIds
{
    /// <summary>A new id with a readable prefix, e.g. <c>rider_3f2a…</c>.</summary>
    public static string New(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..16];
}
