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

    /// <summary>Parses a documented wire name, exactly as written (general_support, emergency_support, driver_support, regulator_support).</summary>
    public static bool TryParse(string? value, out SupportRoomType type)
    {
        // The documented wire names only, exactly: no case folding, no short aliases ("general").
        switch (value)
        {
            case "general_support": type = SupportRoomType.General; return true;
            case "emergency_support": type = SupportRoomType.Emergency; return true;
            case "driver_support": type = SupportRoomType.Driver; return true;
            case "regulator_support": type = SupportRoomType.Regulator; return true;
            default: type = default; return false;
        }
    }
}
