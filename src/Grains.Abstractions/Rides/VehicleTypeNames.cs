namespace Rides.Grains.Rides;

/// <summary>Wire names of <see cref="VehicleType"/>: standard, premium, xl, moto.</summary>
public static class VehicleTypeNames
{
    /// <summary>The wire name of a vehicle type.</summary>
    public static string ToWire(this VehicleType type) => type switch
    {
        VehicleType.Standard => "standard",
        VehicleType.Premium => "premium",
        VehicleType.Xl => "xl",
        VehicleType.Moto => "moto",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Parses a wire name, exactly as documented: no other case, no surrounding spaces, no alias
    /// (what the protocol does not name is refused, never guessed).
    /// </summary>
    public static bool TryParse(string? value, out VehicleType type)
    {
        switch (value)
        {
            case "standard": type = VehicleType.Standard; return true;
            case "premium": type = VehicleType.Premium; return true;
            case "xl": type = VehicleType.Xl; return true;
            case "moto": type = VehicleType.Moto; return true;
            default: type = default; return false;
        }
    }
}
