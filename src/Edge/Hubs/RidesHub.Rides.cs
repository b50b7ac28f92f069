using Rides.Grains.Events;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Protocol.Models;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Rides;

namespace Rides.Edge.Hubs;

/// <summary>A ride's lifecycle, its room and its events.</summary>
public sealed partial class RidesHub
{
    /// <summary><c>request_ride {pickup, destination, vehicle_type?, notes?, ride_id?}</c>: the rider requests a ride and joins its room.</summary>
    [HubMethodName(HubMethodNames.RequestRide)]
    public async Task<HubResponse> RequestRide(JsonElement payload)
    {
        var request = RequestRidePayload.Read(payload);
        var caller = RequireRole(PlatformAction.RequestRide, HubMethodNames.RequestRide);
        var view = await rides.RequestAsync(Context.ConnectionId, caller, request.ToRequest(), request.RideId).ConfigureAwait(false);
        return new RequestRideResponse
        {
            Message = "Ride requested",
            RideId = view.RideId,
            EstimatedFare = view.Estimate.Fare,
            EstimatedDuration = view.Estimate.DurationMinutes,
            Currency = view.Estimate.Currency,
            RideData = RideData.From(view),
            EventId = EventIds.For(Topics.RideStatus(view.RideId), view.LastSeq),
        };
    }

    /// <summary><c>join_ride_room {ride_id}</c>: a participant subscribes to the ride's events and gets its state.</summary>
    [HubMethodName(HubMethodNames.JoinRideRoom)]
    public async Task<HubResponse> JoinRideRoom(JsonElement payload)
    {
        var rideId = RideIdPayload.Read(payload).RideId;
        var view = await rides.JoinAsync(Context.ConnectionId, Caller, rideId).ConfigureAwait(false);
        return RideAnswer("Joined ride room", view);
    }

    /// <summary><c>leave_ride_room {ride_id}</c>: stops the ride's events on this connection.</summary>
    [HubMethodName(HubMethodNames.LeaveRideRoom)]
    public async Task<HubResponse> LeaveRideRoom(JsonElement payload)
    {
        var rideId = RideIdPayload.Read(payload).RideId;
        await rides.LeaveAsync(Context.ConnectionId, rideId).ConfigureAwait(false);
        return HubResponse.Success("Left ride room");
    }

    /// <summary><c>get_ride_state {ride_id}</c>: the ride's state and last sequence number (for reconnection).</summary>
    [HubMethodName(HubMethodNames.GetRideState)]
    public async Task<HubResponse> GetRideState(JsonElement payload)
    {
        var rideId = RideIdPayload.Read(payload).RideId;
        var view = await Ride(rideId).Get(Caller).ConfigureAwait(false);
        return RideAnswer("Ride state retrieved", view);
    }

    /// <summary><c>get_missed_events {ride_id, after_seq}</c>: the ride's status events after <c>after_seq</c>, in order.</summary>
    [HubMethodName(HubMethodNames.GetMissedEvents)]
    public async Task<HubResponse> GetMissedEvents(JsonElement payload)
    {
        var request = MissedEventsPayload.Read(payload);
        var (events, lastSeq) = await rides.EventsAfterAsync(Caller, request.RideId, request.AfterSeq).ConfigureAwait(false);
        return new MissedEventsResponse
        {
            Message = $"Retrieved {events.Count} missed events",
            RideId = request.RideId,
            Events = [.. events.Select(RideStatusUpdate.From)],
            LastSeq = lastSeq,
        };
    }

    /// <summary><c>accept_ride {ride_id}</c>: the driver accepts an offered ride and joins its room.</summary>
    [HubMethodName(HubMethodNames.AcceptRide)]
    public async Task<HubResponse> AcceptRide(JsonElement payload)
    {
        var rideId = RideIdPayload.Read(payload).RideId;
        var caller = RequireRole(PlatformAction.AcceptRide, HubMethodNames.AcceptRide);
        var view = await rides.AcceptAsync(Context.ConnectionId, caller, rideId).ConfigureAwait(false);
        return RideAnswer("Ride accepted", view, includeDriver: true);
    }

    /// <summary><c>decline_ride {ride_id}</c>: the driver declines an offer; it is not offered again.</summary>
    [HubMethodName(HubMethodNames.DeclineRide)]
    public async Task<HubResponse> DeclineRide(JsonElement payload)
    {
        var rideId = RideIdPayload.Read(payload).RideId;
        var caller = RequireRole(PlatformAction.DeclineRide, HubMethodNames.DeclineRide);
        await Ride(rideId).Decline(caller).ConfigureAwait(false);
        return HubResponse.Success("Ride declined");
    }

    /// <summary><c>driver_arrived {ride_id}</c>: the driver is at the pickup (seed 001).</summary>
    [HubMethodName(HubMethodNames.DriverArrived)]
    public async Task<HubResponse> DriverArrived(JsonElement payload)
    {
        var rideId = RideIdPayload.Read(payload).RideId;
        var caller = RequireRole(PlatformAction.MarkArrived, HubMethodNames.DriverArrived);
        var view = await Ride(rideId).MarkDriverArrived(caller).ConfigureAwait(false);
        return RideAnswer("Driver arrived", view);
    }

    /// <summary><c>start_ride {ride_id, pin?}</c>: the driver starts the trip.</summary>
    [HubMethodName(HubMethodNames.StartRide)]
    public async Task<HubResponse> StartRide(JsonElement payload)
    {
        var request = StartRidePayload.Read(payload);
        var caller = RequireRole(PlatformAction.StartRide, HubMethodNames.StartRide);
        var view = await Ride(request.RideId).Start(caller, request.Pin).ConfigureAwait(false);
        return RideAnswer("Ride started", view);
    }

    /// <summary><c>complete_ride {ride_id}</c>: the driver completes the trip; <c>ride_data</c> has fare, distance and duration.</summary>
    [HubMethodName(HubMethodNames.CompleteRide)]
    public async Task<HubResponse> CompleteRide(JsonElement payload)
    {
        var rideId = RideIdPayload.Read(payload).RideId;
        var caller = RequireRole(PlatformAction.CompleteRide, HubMethodNames.CompleteRide);
        var view = await Ride(rideId).Complete(caller).ConfigureAwait(false);
        return RideAnswer("Ride completed", view);
    }

    /// <summary><c>cancel_ride {ride_id, reason?}</c>: the rider, the assigned driver or staff cancels.</summary>
    [HubMethodName(HubMethodNames.CancelRide)]
    public async Task<HubResponse> CancelRide(JsonElement payload)
    {
        var request = CancelRidePayload.Read(payload);
        var view = await Ride(request.RideId).Cancel(Caller, request.Reason).ConfigureAwait(false);
        return RideAnswer("Ride canceled", view);
    }

    /// <summary><c>rate_driver {ride_id, rating, comment?}</c>: the rider rates the driver of a completed ride.</summary>
    [HubMethodName(HubMethodNames.RateDriver)]
    public async Task<HubResponse> RateDriver(JsonElement payload)
    {
        var request = RatingPayload.Read(payload);
        var caller = RequireRole(PlatformAction.RateDriver, HubMethodNames.RateDriver);
        var result = await Ride(request.RideId).RateDriver(caller, request.ToRequest()).ConfigureAwait(false);
        return RatingAnswer("Driver rated", result);
    }

    /// <summary><c>rate_rider {ride_id, rating, comment?}</c>: the driver rates the rider of a completed ride.</summary>
    [HubMethodName(HubMethodNames.RateRider)]
    public async Task<HubResponse> RateRider(JsonElement payload)
    {
        var request = RatingPayload.Read(payload);
        var caller = RequireRole(PlatformAction.RateRider, HubMethodNames.RateRider);
        var result = await Ride(request.RideId).RateRider(caller, request.ToRequest()).ConfigureAwait(false);
        return RatingAnswer("Rider rated", result);
    }

    internal static RatingResponse RatingAnswer(string message, RatingResult result) => new()
    {
        Message = message,
        RideId = result.RideId,
        RatedUserId = result.RatedUserId,
        Rating = result.Stars,
        NewAverage = result.NewAverage,
        RatingCount = result.RatingCount,
    };

    internal static RideResponse RideAnswer(string message, RideView view, bool includeDriver = false) => new()
    {
        Message = message,
        RideData = RideData.From(view),
        DriverInfo = includeDriver ? view.Driver : null,
        LastSeq = view.LastSeq,
        EventId = EventIds.For(Topics.RideStatus(view.RideId), view.LastSeq),
    };

    private IRideGrain Ride(string rideId) => rides.Ride(rideId);
}
