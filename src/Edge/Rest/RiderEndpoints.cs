using Rides.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rides.Edge.Authentication;
using Rides.Edge.Hubs;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;
using Rides.Grains.Riders;
using Rides.Grains.Rides;

namespace Rides.Edge.Rest;

/// <summary>The rider app's REST actions under <c>/api/v1/riders</c> beside seed 000's ride request, rating and payment.</summary>
internal static class RiderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var riders = api.MapGroup("/riders").RequireAuthorization(EdgePolicies.Rider).WithTags("Riders");

        riders.MapPost("/rides/{ride_id}/cancel", CancelAsync)
            .WithName("RiderCancelRide")
            .WithSummary("cancel_ride: the rider cancels the ride; body {\"reason\"} optional.")
            .Accepts<CancelRideBody>("application/json")
            .Produces<RideResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest)
            .Produces<HubResponse>(StatusCodes.Status403Forbidden)
            .Produces<HubResponse>(StatusCodes.Status404NotFound)
            .Produces<HubResponse>(StatusCodes.Status409Conflict);

        riders.MapGet("/rides", HistoryAsync)
            .WithName("RiderRideHistory")
            .WithSummary("The rider's ended rides, newest first; ?limit=1..100 (20) &skip=0..100 (0).")
            .Produces<RideHistoryResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest);

        riders.MapGet("/me", GetProfileAsync)
            .WithName("GetRiderProfile")
            .WithSummary("The rider's profile, rating and active ride.")
            .Produces<RiderProfileResponse>();

        riders.MapPut("/me", PutProfileAsync)
            .WithName("PutRiderProfile")
            .WithSummary("Sets the rider's name and phone.")
            .Accepts<RiderProfilePayload>("application/json")
            .Produces<RiderProfileResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CancelAsync([FromRoute(Name = "ride_id")] string rideId, HttpContext http, IClusterClient cluster)
    {
        var body = JsonBody.WithRideId(await JsonBody.ReadOptionalAsync(http.Request).ConfigureAwait(false), rideId);
        var request = CancelRidePayload.Read(body, "body");
        var view = await cluster.Get<IRideGrain>(request.RideId).Cancel(RestCaller.Of(http), request.Reason).ConfigureAwait(false);
        return Results.Json(RidesHub.RideAnswer("Ride canceled", view));
    }

    private static async Task<IResult> HistoryAsync(HttpContext http, IClusterClient cluster)
    {
        var (limit, skip) = HistoryQuery.Read(http.Request.Query);
        var caller = RestCaller.Of(http);
        var page = await cluster.Get<IRiderGrain>(caller.UserId).GetHistory(caller, limit, skip).ConfigureAwait(false);
        return Results.Json(RideHistoryResponse.From(page));
    }

    private static async Task<IResult> GetProfileAsync(HttpContext http, IClusterClient cluster)
    {
        var caller = RestCaller.Of(http);
        return Results.Json(RiderProfileResponse.From("Rider profile retrieved", await cluster.Get<IRiderGrain>(caller.UserId).Get(caller).ConfigureAwait(false)));
    }

    private static async Task<IResult> PutProfileAsync(HttpContext http, IClusterClient cluster)
    {
        var profile = RiderProfilePayload.Read(await JsonBody.ReadAsync(http.Request).ConfigureAwait(false)).ToProfile();
        var caller = RestCaller.Of(http);
        return Results.Json(RiderProfileResponse.From("Rider profile updated", await cluster.Get<IRiderGrain>(caller.UserId).UpdateProfile(caller, profile).ConfigureAwait(false)));
    }
}
