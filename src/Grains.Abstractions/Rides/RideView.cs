using Rides.Grains.Drivers;
using Rides.Grains.Riders;

namespace Rides.Grains.Rides;

/// <summary>
/// The state of a ride as the caller may see it (seed 000's <c>ride_data</c>; also what a
/// reconnecting client gets from <c>get_ride_state</c>). <see cref="Pin"/> is set only for the ride's rider.
/// </summary>
/// <param name="RideId">The ride id.</param>
/// <param name="Status">The current status.</param>
/// <param name="Rider">The rider.</param>
/// <param name="Driver">The assigned driver, once accepted.</param>
/// <param name="Pickup">Pickup place.</param>
/// <param name="Destination">Destination place.</param>
/// <param name="VehicleType">The vehicle class asked for.</param>
/// <param name="Notes">The rider's notes.</param>
/// <param name="Estimate">The fare estimate made at request.</param>
/// <param name="EtaMinutes">Minutes until the driver reaches the pickup, while arrivingToPickup.</param>
/// <param name="Pin">The 4-digit trip PIN, only in the rider's view and only while the trip has not started.</param>
/// <param name="PinRequired">Whether <c>start_ride</c> needs the PIN in this deployment.</param>
/// <param name="RequestedAt">When the ride was requested.</param>
/// <param name="AcceptedAt">When a driver accepted.</param>
/// <param name="ArrivedAt">When the driver reported arrival.</param>
/// <param name="StartedAt">When the trip started.</param>
/// <param name="EndedAt">When the ride completed or was canceled.</param>
/// <param name="Cancellation">Who canceled and why, when canceled.</param>
/// <param name="Receipt">Final fare, distance and duration, when completed.</param>
/// <param name="DriverRated">Whether the rider has rated the driver.</param>
/// <param name="RiderRated">Whether the driver has rated the rider.</param>
/// <param name="Payment">The recorded payment, if paid.</param>
/// <param name="DispatchRound">The dispatch batch number (1-based) while finding a driver; the last one used afterwards.</param>
/// <param name="LastSeq">The sequence number of the ride's last status event (see <see cref="RideStatusEvent.Seq"/>).</param>
[GenerateSerializer, Alias("rides.RideView")]
public sealed record RideView(
    string RideId,
    RideStatus Status,
    RiderInfo Rider,
    DriverInfo? Driver,
    Place Pickup,
    Place Destination,
    VehicleType VehicleType,
    string? Notes,
    FareEstimate Estimate,
    int? EtaMinutes,
    string? Pin,
    bool PinRequired,
    DateTimeOffset RequestedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    CancellationInfo? Cancellation,
    RideReceipt? Receipt,
    bool DriverRated,
    bool RiderRated,
    PaymentReceipt? Payment,
    int DispatchRound,
    long LastSeq);
