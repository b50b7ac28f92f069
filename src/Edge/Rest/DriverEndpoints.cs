using Rides.Grains;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rides.Edge.Authentication;
using Rides.Edge.Hubs;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;
using Rides.Grains.Drivers;
using Rides.Grains.Rides;

namespace Rides.Edge.Rest;

/// <summary>
/// The driver app's REST actions under <c>/api/v1/drivers</c> (seed 001's driver app works over REST). Each calls
/// the grain method of the hub method it mirrors, reads its body with that method's payload reader and answers
/// the same envelope; the events are the grains' own, so a rider on the hub sees the same either way.
/// </summary>
internal static class DriverEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var drivers = api.MapGroup("/drivers").RequireAuthorization(EdgePolicies.Driver).WithTags("Drivers");

        drivers.MapPost("/online", GoOnlineAsync)
            .WithName("DriverGoOnline")
            .WithSummary("go_online: the driver becomes available; its hub connections receive new_ride_request.")
            .Produces<DriverStatusResponse>();

        drivers.MapPost("/offline", GoOfflineAsync)
            .WithName("DriverGoOffline")
            .WithSummary("go_offline: the driver stops being offered rides (DRIVER_BUSY during a ride).")
            .Produces<DriverStatusResponse>()
            .Produces<HubResponse>(StatusCodes.Status409Conflict);

        drivers.MapPost("/location", UpdateLocationAsync)
            .WithName("DriverUpdateLocation")
            .WithSummary("update_location: at most one accepted a second (RATE_LIMITED); during a ride its rider sees it.")
            .Accepts<LocationPayload>("application/json")
            .Produces<HubResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest)
            .Produces<HubResponse>(StatusCodes.Status409Conflict)
            .Produces<HubResponse>(StatusCodes.Status429TooManyRequests);

        RideAction(drivers, "accept", "DriverAcceptRide", "accept_ride: the driver accepts the ride offered to it; the answer has driver_info.", AcceptAsync);
        RideAction(drivers, "decline", "DriverDeclineRide", "decline_ride: the driver declines its offer; it is not offered this ride again.", DeclineAsync, typeof(HubResponse));
        RideAction(drivers, "arrived", "DriverArrived", "driver_arrived: the driver is at the pickup.", ArrivedAsync);
        RideAction(drivers, "start", "DriverStartRide", "start_ride: the driver starts the trip; body {\"pin\"} where the deployment requires the rider's PIN.", StartAsync)
            .Accepts<StartRideBody>("application/json");
        RideAction(drivers, "complete", "DriverCompleteRide", "complete_ride: the driver completes the trip; ride_data has fare, distance and duration.", CompleteAsync);
        RideAction(drivers, "cancel", "DriverCancelRide", "cancel_ride: the assigned driver cancels; body {\"reason\"} optional.", CancelAsync)
            .Accepts<CancelRideBody>("application/json");

        drivers.MapGet("/rides", HistoryAsync)
            .WithName("DriverRideHistory")
            .WithSummary("The driver's ended rides, newest first; ?limit=1..100 (20) &skip=0..100 (0).")
            .Produces<RideHistoryResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest);

        drivers.MapGet("/me", GetProfileAsync)
            .WithName("GetDriverProfile")
            .WithSummary("The driver's profile, vehicle, rating and availability.")
            .Produces<DriverProfileResponse>();

        drivers.MapPut("/me", PutProfileAsync)
            .WithName("PutDriverProfile")
            .WithSummary("Sets the driver's profile and vehicle (the vehicle type cannot change during a ride: DRIVER_BUSY).")
            .Accepts<DriverProfilePayload>("application/json")
            .Produces<DriverProfileResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest)
            .Produces<HubResponse>(StatusCodes.Status409Conflict);
    }

    private static RouteHandlerBuilder RideAction(RouteGroupBuilder drivers, string action, string name, string summary, Delegate handler, Type? answer = null) =>
        drivers.MapPost($"/rides/{{ride_id}}/{action}", handler)
            .WithName(name)
            .WithSummary(summary)
            .Produces(StatusCodes.Status200OK, answer ?? typeof(RideResponse))
            .Produces<HubResponse>(StatusCodes.Status400BadRequest)
            .Produces<HubResponse>(StatusCodes.Status403Forbidden)
            .Produces<HubResponse>(StatusCodes.Status404NotFound)
            .Produces<HubResponse>(StatusCodes.Status409Conflict);

    private static async Task<IResult> GoOnlineAsync(HttpContext http, IClusterClient cluster)
    {
        EmptyPayload.Read(await JsonBody.ReadOptionalAsync(http.Request).ConfigureAwait(false), "body");
        var caller = RestCaller.Of(http);
        return Results.Json(RidesHub.DriverStatusAnswer(await cluster.Get<IDriverGrain>(caller.UserId).GoOnline(caller).ConfigureAwait(false)));
    }

    private static async Task<IResult> GoOfflineAsync(HttpContext http, IClusterClient cluster)
    {
        EmptyPayload.Read(await JsonBody.ReadOptionalAsync(http.Request).ConfigureAwait(false), "body");
        var caller = RestCaller.Of(http);
        return Results.Json(RidesHub.DriverStatusAnswer(await cluster.Get<IDriverGrain>(caller.UserId).GoOffline(caller).ConfigureAwait(false)));
    }

    private static async Task<IResult> UpdateLocationAsync(HttpContext http, IClusterClient cluster)
    {
        var location = LocationPayload.Read(await JsonBody.ReadAsync(http.Request).ConfigureAwait(false), "body");
        var caller = RestCaller.Of(http);
        await cluster.Get<IDriverGrain>(caller.UserId).UpdateLocation(caller, location.ToUpdate()).ConfigureAwait(false);
        return Results.Json(HubResponse.Success("Location updated"));
    }

    private static async Task<IResult> AcceptAsync([FromRoute(Name = "ride_id")] string rideId, HttpContext http, IClusterClient cluster)
    {
        var id = RideIdPayload.Read(await RideBodyAsync(http, rideId).ConfigureAwait(false), "body").RideId;
        var view = await cluster.Get<IRideGrain>(id).Accept(RestCaller.Of(http)).ConfigureAwait(false);
        return Results.Json(RidesHub.RideAnswer("Ride accepted", view, includeDriver: true));
    }

    private static async Task<IResult> DeclineAsync([FromRoute(Name = "ride_id")] string rideId, HttpContext http, IClusterClient cluster)
    {
        var id = RideIdPayload.Read(await RideBodyAsync(http, rideId).ConfigureAwait(false), "body").RideId;
        await cluster.Get<IRideGrain>(id).Decline(RestCaller.Of(http)).ConfigureAwait(false);
        return Results.Json(HubResponse.Success("Ride declined"));
    }

    private static async Task<IResult> ArrivedAsync([FromRoute(Name = "ride_id")] string rideId, HttpContext http, IClusterClient cluster)
    {
        var id = RideIdPayload.Read(await RideBodyAsync(http, rideId).ConfigureAwait(false), "body").RideId;
        var view = await cluster.Get<IRideGrain>(id).MarkDriverArrived(RestCaller.Of(http)).ConfigureAwait(false);
        return Results.Json(RidesHub.RideAnswer("Driver arrived", view));
    }

    private static async Task<IResult> StartAsync([FromRoute(Name = "ride_id")] string rideId, HttpContext http, IClusterClient cluster)
    {
        var request = StartRidePayload.Read(await RideBodyAsync(http, rideId).ConfigureAwait(false), "body");
        var view = await cluster.Get<IRideGrain>(request.RideId).Start(RestCaller.Of(http), request.Pin).ConfigureAwait(false);
        return Results.Json(RidesHub.RideAnswer("Ride started", view));
    }

    private static async Task<IResult> CompleteAsync([FromRoute(Name = "ride_id")] string rideId, HttpContext http, IClusterClient cluster)
    {
        var id = RideIdPayload.Read(await RideBodyAsync(http, rideId).ConfigureAwait(false), "body").RideId;
        var view = await cluster.Get<IRideGrain>(id).Complete(RestCaller.Of(http)).ConfigureAwait(false);
        return Results.Json(RidesHub.RideAnswer("Ride completed", view));
    }

    private static async Task<IResult> CancelAsync([FromRoute(Name = "ride_id")] string rideId, HttpContext http, IClusterClient cluster)
    {
        var request = CancelRidePayload.Read(await RideBodyAsync(http, rideId).ConfigureAwait(false), "body");
        var view = await cluster.Get<IRideGrain>(request.RideId).Cancel(RestCaller.Of(http), request.Reason).ConfigureAwait(false);
        return Results.Json(RidesHub.RideAnswer("Ride canceled", view));
    }

    private static async Task<IResult> HistoryAsync(HttpContext http, IClusterClient cluster)
    {
        var (limit, skip) = HistoryQuery.Read(http.Request.Query);
        var caller = RestCaller.Of(http);
        var page = await cluster.Get<IDriverGrain>(caller.UserId).GetHistory(caller, limit, skip).ConfigureAwait(false);
        return Results.Json(RideHistoryResponse.From(page));
    }

    private static async Task<IResult> GetProfileAsync(HttpContext http, IClusterClient cluster)
    {
        var caller = RestCaller.Of(http);
        return Results.Json(DriverProfileResponse.From("Driver profile retrieved", await cluster.Get<IDriverGrain>(caller.UserId).Get(caller).ConfigureAwait(false)));
    }

    private static async Task<IResult> PutProfileAsync(HttpContext http, IClusterClient cluster)
    {
        var profile = DriverProfilePayload.Read(await JsonBody.ReadAsync(http.Request).ConfigureAwait(false)).ToProfile();
        var caller = RestCaller.Of(http);
        return Results.Json(DriverProfileResponse.From("Driver profile updated", await cluster.Get<IDriverGrain>(caller.UserId).UpdateProfile(caller, profile).ConfigureAwait(false)));
    }

    private static async Task<JsonElement> RideBodyAsync(HttpContext http, string rideId) =>
        JsonBody.WithRideId(await JsonBody.ReadOptionalAsync(http.Request).ConfigureAwait(false), rideId);
}
