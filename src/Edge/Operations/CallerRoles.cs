using Rides.Grains;
using Rides.Grains.Errors;

namespace Rides.Edge.Operations;

/// <summary>The edge's one role check before a grain call (the grains check again; this gives the clearer message).</summary>
public static class CallerRoles
{
    /// <summary>Returns <paramref name="caller"/> when it acts as <paramref name="role"/>; otherwise FORBIDDEN naming <paramref name="action"/>.</summary>
    public static Caller Require(Caller caller, UserRole role, string action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != role)
        {
            throw new RidesException(ErrorCodes.Forbidden, $"Only a {UserRoleNames.ToWire(role)} may call {action}.", $"This connection's role is {UserRoleNames.ToWire(caller.Role)}.");
        }

        return caller;
    }
}
