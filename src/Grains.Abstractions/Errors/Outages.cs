using System.Data.Common;
using System.Net.Sockets;

namespace Rides.Grains.Errors;

/// <summary>
/// Tells an outage (the database or a silo cannot be reached) from a bug: the first is
/// <see cref="ErrorCodes.ServiceUnavailable"/> to a client and safe to retry, the second is an internal error.
/// Silos and edges ask the same question here.
/// </summary>
public static class Outages
{
    /// <summary>What a client is told during an outage.</summary>
    public const string Message = "The platform cannot serve this right now; nothing was changed. Please try again shortly.";

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says that storage or a silo is unreachable.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RidesException refusal:
                    return refusal.Code == ErrorCodes.ServiceUnavailable;
                case DbException or SocketException or OrleansMessageRejectionException or GatewayTooBusyException or ClientNotAvailableException:
                    return true;
            }

            if (current is AggregateException { InnerExceptions.Count: > 1 } aggregate)
            {
                return aggregate.InnerExceptions.Any(IsOutage);
            }

            // Orleans' own connection failure type is internal to its core; its name is stable.
            if (current.GetType().Name == "ConnectionFailedException")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The refusal a caller receives in place of <paramref name="exception"/>.</summary>
    public static RidesException ToRefusal(Exception exception) =>
        exception as RidesException is { Code: ErrorCodes.ServiceUnavailable } known
            ? known
            : new RidesException(ErrorCodes.ServiceUnavailable, Message);
}
