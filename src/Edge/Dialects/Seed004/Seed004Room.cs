using Rides.Grains;
using Rides.Grains.Errors;

namespace Rides.Edge.Dialects.Seed004;

/// <summary>A seed 004 room: <c>booking:ID</c> (a ride), <c>user:ID</c> (a user's notifications) or <c>support:ID</c> (a support conversation).</summary>
/// <param name="Kind">booking, user or support.</param>
/// <param name="Id">The ride, user or conversation id.</param>
public sealed record Seed004Room(string Kind, string Id)
{
    /// <summary>The booking prefix.</summary>
    public const string Booking = "booking";

    /// <summary>The user prefix.</summary>
    public const string User = "user";

    /// <summary>The support prefix.</summary>
    public const string Support = "support";

    /// <summary>The room's name, e.g. <c>booking:ride_1</c>.</summary>
    public string Name => Kind + ":" + Id;

    /// <summary>Reads a room name; VALIDATION_FAILED when it is none of the three forms.</summary>
    public static Seed004Room Parse(string? room)
    {
        var colon = room?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (room is null || colon <= 0)
        {
            throw Invalid();
        }

        var kind = room[..colon];
        var id = room[(colon + 1)..];
        if (kind is not (Booking or User or Support))
        {
            throw Invalid();
        }

        Protocol.PayloadReader.CheckId("room", id);
        return new Seed004Room(kind, id);
    }

    private static RidesException Invalid() =>
        new(ErrorCodes.ValidationFailed, "The request is not valid.", "room must be booking:ID, user:ID or support:ID");
}
