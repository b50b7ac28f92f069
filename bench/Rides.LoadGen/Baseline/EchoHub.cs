using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;

namespace Rides.LoadGen.Baseline;

/// <summary>
/// The baseline: a bare hub on the edge's own Kestrel and SignalR options that hands a location from one
/// connection straight to another (<c>Clients.Client(id)</c>: no grain, no stream, no authorization) and
/// answers ping. It takes the same payload as <c>update_location</c> and sends and answers the same wire
/// types as the rides hub, so both move the same bytes. Mapped only by the load generator.
/// </summary>
public sealed class EchoHub : Hub<IEchoClient>
{
    /// <summary>Where the load generator maps it.</summary>
    public const string Path = "/bench/echo";

    /// <summary>The pairing method's wire name.</summary>
    public const string PairMethod = "pair";

    /// <summary>The relay method's wire name.</summary>
    public const string RelayMethod = "relay";

    private const string PairItem = "bench.pair";
    private static readonly HubResponse Paired = HubResponse.Success("Paired");
    private static readonly HubResponse Relayed = HubResponse.Success("Location updated");
    private static long _sequence;

    /// <summary>Says which connection this one's locations go to (once, before relaying).</summary>
    [HubMethodName(PairMethod)]
    public HubResponse Pair(EchoPairPayload payload)
    {
        Context.Items[PairItem] = payload ?? throw new ArgumentNullException(nameof(payload));
        return Paired;
    }

    /// <summary>Sends the location to the paired connection and answers as <c>update_location</c> does.</summary>
    [HubMethodName(RelayMethod)]
    public async Task<HubResponse> Relay(LocationPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var pair = (EchoPairPayload)Context.Items[PairItem]!;
        var seq = Interlocked.Increment(ref _sequence);
        await Clients.Client(pair.To).DriverLocationUpdate(new DriverLocationUpdate
        {
            RideId = pair.RideId,
            DriverId = pair.DriverId,
            Latitude = payload.Latitude,
            Longitude = payload.Longitude,
            Heading = payload.Heading,
            Speed = payload.Speed,
            Timestamp = DateTimeOffset.UtcNow,
            Seq = seq,
            EventId = string.Create(CultureInfo.InvariantCulture, $"ride-location/{pair.RideId}/{seq}"),
        }).ConfigureAwait(false);
        return Relayed;
    }

    /// <summary>Answers pong with the server's time, as the rides hub's <c>ping</c> does.</summary>
    [HubMethodName(HubMethodNames.Ping)]
    public HubResponse Ping(JsonElement payload) => new PongResponse { Message = "pong", Timestamp = DateTimeOffset.UtcNow };
}
