using Rides.Grains;

namespace Rides.Edge.Dialects.Seed003;

/// <summary>
/// Seed 003's role names for the platform's roles: BUS_DRIVER (driver), QUEUE_REGULATOR (regulator), CONTROL_STAFF (staff),
/// CONTROL_ADMIN (admin); the roles seed 003 does not know keep the platform's upper-case name (RIDER, OPERATOR).
/// </summary>
public static class Seed003Roles
{
    /// <summary>The seed 003 name of <paramref name="role"/>.</summary>
    public static string Of(UserRole role) => role switch
    {
        UserRole.Driver => "BUS_DRIVER",
        UserRole.Regulator => "QUEUE_REGULATOR",
        UserRole.Staff => "CONTROL_STAFF",
        UserRole.Admin => "CONTROL_ADMIN",
        _ => UserRoleNames.ToUserType(role),
    };
}
