namespace Rides.LoadGen.Measurement;

/// <summary>The four phases of one run: ours and the baseline's, for location fan-out and for ping.</summary>
/// <param name="FanOut"><c>update_location</c> → the rider's <c>driver_location_update</c>, through grains and streams.</param>
/// <param name="Relay">The echo hub's <c>relay</c> → <c>driver_location_update</c> on the paired connection.</param>
/// <param name="Ping">The rides hub's <c>ping</c> round trip.</param>
/// <param name="EchoPing">The echo hub's <c>ping</c> round trip.</param>
public sealed record RunResult(LatencySummary FanOut, LatencySummary Relay, LatencySummary Ping, LatencySummary EchoPing);
