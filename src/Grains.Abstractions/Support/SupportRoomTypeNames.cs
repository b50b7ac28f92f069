namespace Rides.Grains.Support;

/// <summary>Wire names of <see cref="SupportRoomType"/> and room ids (<c>support:general_support</c>).</summary>
public static class SupportRoomTypeNames
{
    /// <summary>The wire name: general_support, emergency_support, driver_support, regulator_support.</summary>
    public static string ToWire(SupportRoomType type) => type switch
    {
        SupportRoomType.General => "general_support",
        SupportRoomType.Emergency => "emergency_support",
        SupportRoomType.Driver => "driver_support",
        SupportRoomType.Regulator => "regulator_support",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Seed 003's room id: <c>support:</c> + wire name.</summary>
    public static string ToRoomId(SupportRoomType type) => "support:" + ToWire(type);

    /// <summary>Parses a wire name (also without the <c>_support</c> suffix), case-insensitively.</summary>
    public static bool TryParse(string? value, out SupportRoomType type)
    {
        var v = value?.Trim().ToLowerInvariant();
        if (v is not null && v.EndsWith("_support", StringComparison.Ordinal))
        {
            v = v[..^"_support".Length];
        }

        switch (v)
        {
            case "general": type = SupportRoomType.General; return true;
            case "emergency": type = SupportRoomType.Emergency; return true;
            case "driver": type = SupportRoomType.Driver; return true;
            case "regulator": type = SupportRoomType.Regulator; return true;
            default: type = default; return false;
        }
    }
}
