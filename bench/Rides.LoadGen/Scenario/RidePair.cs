using Microsoft.AspNetCore.SignalR.Client;

namespace Rides.LoadGen.Scenario;

/// <summary>A ride accepted by its driver, with the rider's connection in its room.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="DriverId">The driver's user id.</param>
/// <param name="Area">The ride's map patch.</param>
/// <param name="Driver">The driver's hub connection (online, assigned).</param>
/// <param name="Rider">The rider's hub connection (joined to the ride's room).</param>
/// <param name="LastLocationAt">When the driver's last location was acknowledged (the rate limit counts from it).</param>
public sealed record RidePair(string RideId, string DriverId, RideArea Area, HubConnection Driver, HubConnection Rider, long LastLocationAt);
