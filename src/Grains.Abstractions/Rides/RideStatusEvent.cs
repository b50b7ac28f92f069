using Rides.Grains.Events;
using Rides.Grains.Drivers;

namespace Rides.Grains.Rides;

/// <summary>
/// A ride status change, published on <see cref="Topics.RideStatus"/> after it is persisted
/// (seed 000's <c>ride_status_update</c>). Never carries the trip PIN.
/// </summary>
/// <param name="RideId">The ride.</param>
/// <param name="Seq">The ride's own event sequence number: 1 for the request, then consecutive; persisted with the ride, so it survives restarts.</param>
/// <param name="Status">The new status.</param>
/// <param name="PreviousStatus">The status before, null for the first event.</param>
/// <param name="Message">A human message, e.g. "Driver John is on the way!".</param>
/// <param name="At">When the change happened.</param>
/// <param name="Driver">The assigned driver, from acceptance on.</param>
/// <param name="EtaMinutes">Minutes until pickup, on acceptance.</param>
/// <param name="Cancellation">Who canceled and why, on cancellation.</param>
/// <param name="Receipt">Final fare, distance and duration, on completion.</param>
[GenerateSerializer, Immutable, Alias("rides.RideStatusEvent")]
public sealed record RideStatusEvent(
    string RideId,
    long Seq,
    RideStatus Status,
    RideStatus? PreviousStatus,
    string Message,
    DateTimeOffset At,
    DriverInfo? Driver = null,
    int? EtaMinutes = null,
    CancellationInfo? Cancellation = null,
    RideReceipt? Receipt = null);
