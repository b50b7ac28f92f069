namespace Rides.LoadGen.Baseline;

/// <summary><c>pair {to, ride_id, driver_id}</c>: where this connection's relayed locations go, and the ids they carry.</summary>
public sealed record EchoPairPayload(string To, string RideId, string DriverId);
