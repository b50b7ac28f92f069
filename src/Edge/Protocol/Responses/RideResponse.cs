using Rides.Edge.Protocol.Models;
using Rides.Grains.Drivers;

namespace Rides.Edge.Protocol.Responses;

/// <summary>
/// The answer of the ride calls (<c>accept_ride</c>, <c>driver_arrived</c>, <c>start_ride</c>,
/// <c>complete_ride</c>, <c>cancel_ride</c>, <c>join_ride_room</c>, <c>get_ride_state</c>):
/// seed 000's <c>ride_data</c>, <c>driver_info</c> on acceptance, and the ride's last sequence number.
/// </summary>
public sealed class RideResponse : HubResponse
{
    /// <summary>The ride as the caller may see it.</summary>
    public required RideData RideData { get; init; }

    /// <summary>The assigned driver (seed 000's <c>accept_ride</c> answer).</summary>
    public DriverInfo? DriverInfo { get; init; }

    /// <summary>The sequence number of the ride's last event.</summary>
    public required long LastSeq { get; init; }
}
