using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Rides;

namespace Rides.Edge.Operations;

/// <summary>
/// What a connection does with a ride beyond the bare grain call: joining its room (authorize, subscribe,
/// read again), requesting or accepting it (and joining), replaying its event log. The hub and every
/// plain-WebSocket dialect call these, so the order that keeps events from being missed lives once.
/// </summary>
public sealed class RideOperations(IClusterClient cluster, ConnectionStreams streams)
{
    /// <summary>The rider requests a ride (a new id unless <paramref name="rideId"/> is given) and the connection joins its room.</summary>
    public async Task<RideView> RequestAsync(string connectionId, Caller caller, RideRequest request, string? rideId)
    {
        var view = await Ride(rideId ?? RideIds.New()).Create(caller, request).ConfigureAwait(false);
        await streams.JoinRideAsync(connectionId, caller, view).ConfigureAwait(false);
        return view;
    }

    /// <summary>
    /// A participant joins the ride's room: the grain authorizes (NOT_A_PARTICIPANT for strangers) before
    /// anything is subscribed; the second read is at least as new as the subscription, so every event after
    /// the returned <see cref="RideView.LastSeq"/> arrives live.
    /// </summary>
    public async Task<RideView> JoinAsync(string connectionId, Caller caller, string rideId)
    {
        var ride = Ride(rideId);
        var authorized = await ride.Get(caller).ConfigureAwait(false);
        await streams.JoinRideAsync(connectionId, caller, authorized).ConfigureAwait(false);
        return await ride.Get(caller).ConfigureAwait(false);
    }

    /// <summary>Stops the ride's events on the connection.</summary>
    public Task LeaveAsync(string connectionId, string rideId) => streams.LeaveRideAsync(connectionId, rideId);

    /// <summary>The driver accepts an offered ride and the connection joins its room.</summary>
    public async Task<RideView> AcceptAsync(string connectionId, Caller caller, string rideId)
    {
        var view = await Ride(rideId).Accept(caller).ConfigureAwait(false);
        await streams.JoinRideAsync(connectionId, caller, view).ConfigureAwait(false);
        return view;
    }

    /// <summary>The ride's persisted status events after <paramref name="afterSeq"/>, in order, and the ride's last sequence number.</summary>
    public async Task<(IReadOnlyList<RideStatusEvent> Events, long LastSeq)> EventsAfterAsync(Caller caller, string rideId, long afterSeq)
    {
        var ride = Ride(rideId);
        var events = await ride.GetEventsAfter(caller, afterSeq).ConfigureAwait(false);
        var lastSeq = events.Count > 0 ? events[^1].Seq : (await ride.Get(caller).ConfigureAwait(false)).LastSeq;
        return (events, lastSeq);
    }

    /// <summary>The ride grain.</summary>
    public IRideGrain Ride(string rideId) => cluster.Get<IRideGrain>(rideId);
}
