using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol.Payloads;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Measurement;

/// <summary>One sender of locations and the connection that should receive them.</summary>
/// <param name="Sender">Sends <paramref name="Method"/>.</param>
/// <param name="Receiver">Receives <c>driver_location_update</c>.</param>
/// <param name="Area">Where the sender's positions come from.</param>
/// <param name="Method">The hub method that carries a position.</param>
/// <param name="Payload">The method's payload for a latitude and longitude.</param>
/// <param name="LastAnswerAt">When the sender's previous location was acknowledged (0 when never).</param>
public sealed record LocationLane(HubConnection Sender, HubConnection Receiver, RideArea Area, string Method, Func<double, double, LocationPayload> Payload, long LastAnswerAt);
