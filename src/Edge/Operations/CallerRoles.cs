using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Errors;

namespace Rides.Edge.Operations;

/// <summary>
/// The edge's one role check before a grain call, read from the <see cref="AccessPolicy"/>: a role the table allows the
/// action in no relation is refused here with the clearer message (the grains check the whole cell again).
/// </summary>
public static class CallerRoles
{
    /// <summary>Returns <paramref name="caller"/> when its role may ever do <paramref name="action"/>; otherwise FORBIDDEN naming <paramref name="method"/>.</summary>
    public static Caller Require(Caller caller, PlatformAction action, string method)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayEver(action, caller.Role))
        {
            var roles = AccessPolicy.AllowedRoles(action).Where(r => r != UserRole.System).Select(UserRoleNames.ToWire);
            throw new RidesException(ErrorCodes.Forbidden, $"Only a {string.Join(" or ", roles)} may call {method}.", $"This connection's role is {UserRoleNames.ToWire(caller.Role)}.");
        }

        return caller;
    }
}
