namespace Rides.Grains;

/// <summary>Wire names of <see cref="UserRole"/>: lower case (<c>rider</c>) and seed 000's upper case sender type (<c>RIDER</c>).</summary>
public static class UserRoleNames
{
    /// <summary>The lower-case wire name: rider, driver, staff, admin, operator, system, regulator.</summary>
    public static string ToWire(UserRole role) => role switch
    {
        UserRole.Rider => "rider",
        UserRole.Driver => "driver",
        UserRole.Staff => "staff",
        UserRole.Admin => "admin",
        UserRole.Operator => "operator",
        UserRole.System => "system",
        UserRole.Regulator => "regulator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Seed 000's <c>user_type</c>/<c>sender_type</c> form: RIDER, DRIVER, STAFF, ADMIN, OPERATOR, SYSTEM, REGULATOR.</summary>
    public static string ToUserType(UserRole role) => ToWire(role).ToUpperInvariant();

    /// <summary>Parses either form, case-insensitively.</summary>
    public static bool TryParse(string? value, out UserRole role)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "rider": role = UserRole.Rider; return true;
            case "driver": role = UserRole.Driver; return true;
            case "staff": role = UserRole.Staff; return true;
            case "admin": role = UserRole.Admin; return true;
            case "operator": role = UserRole.Operator; return true;
            case "system": role = UserRole.System; return true;
            case "regulator": role = UserRole.Regulator; return true;
            default: role = default; return false;
        }
    }
}
