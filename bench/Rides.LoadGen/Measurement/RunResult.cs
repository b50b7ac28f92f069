namespace Rides.LoadGen.Measurement;

/// <summary>The phases of one run: ours and the baseline's, for location fan-out and for ping, and ride status events.</summary>
/// <param name="FanOut"><c>update_location</c> → the rider's <c>driver_location_update</c>, through grains and topics.</param>
/// <param name="Relay">The echo hub's <c>relay</c> → <c>driver_location_update</c> on the paired connection.</param>
/// <param name="Ping">The rides hub's <c>ping</c> round trip.</param>
/// <param name="EchoPing">The echo hub's <c>ping</c> round trip.</param>
/// <param name="Status">The driver's <c>driver_arrived</c> / <c>start_ride</c> → the rider's <c>ride_status_update</c>.</param>
public sealed record RunResult(LatencySummary FanOut, LatencySummary Relay, LatencySummary Ping, LatencySummary EchoPing, LatencySummary Status);
