using Rides.Grains;
using Rides.Grains.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rides.Edge.Authentication;
using Rides.Edge.Hubs;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Models;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;
using Rides.Edge.Subscriptions;
using Rides.Grains.Rides;
using Rides.Grains.Stats;

namespace Rides.Edge.Rest;

/// <summary>The REST API of seeds 000 and 001 under <c>/api/v1</c>.</summary>
internal static class RideEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(EdgePaths.RestBase).AddEndpointFilter<RestErrorFilter>().WithTags("Rides");

        api.MapPost("/riders/rides", CreateRideAsync)
            .RequireAuthorization(EdgePolicies.Rider)
            .WithName("CreateRide")
            .WithSummary("Request a ride (seed 000). Join its room on the hub with join_ride_room.")
            .Accepts<RequestRidePayload>("application/json")
            .Produces<RequestRideResponse>(StatusCodes.Status201Created)
            .Produces<HubResponse>(StatusCodes.Status400BadRequest)
            .Produces<HubResponse>(StatusCodes.Status409Conflict);

        api.MapGet("/rides/{id}", GetRideAsync)
            .RequireAuthorization(EdgePolicies.User)
            .WithName("GetRide")
            .WithSummary("A ride as the caller may see it (its rider, its driver, or back office).")
            .Produces<RideResponse>()
            .Produces<HubResponse>(StatusCodes.Status403Forbidden)
            .Produces<HubResponse>(StatusCodes.Status404NotFound);

        api.MapPost("/riders/rate/driver", RateDriverAsync)
            .RequireAuthorization(EdgePolicies.Rider)
            .WithName("RateDriver")
            .WithSummary("The rider rates the driver of a completed ride, once (seed 000).")
            .Accepts<RatingPayload>("application/json")
            .Produces<RatingResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest)
            .Produces<HubResponse>(StatusCodes.Status409Conflict);

        api.MapPost("/riders/payment", PayAsync)
            .RequireAuthorization(EdgePolicies.Rider)
            .WithName("PayRide")
            .WithSummary("The rider pays a completed ride; idempotent by idempotency_key (seed 000).")
            .Accepts<PaymentPayload>("application/json")
            .Produces<PaymentResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest)
            .Produces<HubResponse>(StatusCodes.Status409Conflict)
            .Produces<HubResponse>(StatusCodes.Status422UnprocessableEntity);

        DriverEndpoints.Map(api);
        RiderEndpoints.Map(api);

        api.MapGet("/ws/stats", GetStatsAsync)
            .RequireAuthorization(EdgePolicies.Operations)
            .WithName("GetConnectionStats")
            .WithSummary("Connections on this edge node, online drivers and active rides (seed 001).")
            .Produces<WsStats>();
    }

    private static async Task<IResult> CreateRideAsync(HttpContext http, IClusterClient cluster)
    {
        var request = RequestRidePayload.Read(await JsonBody.ReadAsync(http.Request).ConfigureAwait(false), "body");
        var caller = RestCaller.Of(http);
        var view = await cluster.Get<IRideGrain>(request.RideId ?? RideIds.New()).Create(caller, request.ToRequest()).ConfigureAwait(false);
        var body = new RequestRideResponse
        {
            Message = "Ride requested",
            RideId = view.RideId,
            EstimatedFare = view.Estimate.Fare,
            EstimatedDuration = view.Estimate.DurationMinutes,
            Currency = view.Estimate.Currency,
            RideData = RideData.From(view),
            EventId = EventIds.For(Topics.RideStatus(view.RideId), view.LastSeq),
        };
        return Results.Json(body, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetRideAsync(string id, HttpContext http, IClusterClient cluster)
    {
        PayloadReader.CheckId("id", id);
        var view = await cluster.Get<IRideGrain>(id).Get(RestCaller.Of(http)).ConfigureAwait(false);
        return Results.Json(new RideResponse
        {
            Message = "Ride state retrieved",
            RideData = RideData.From(view),
            LastSeq = view.LastSeq,
            EventId = EventIds.For(Topics.RideStatus(view.RideId), view.LastSeq),
        });
    }

    private static async Task<IResult> RateDriverAsync(HttpContext http, IClusterClient cluster)
    {
        var request = RatingPayload.Read(await JsonBody.ReadAsync(http.Request).ConfigureAwait(false), "body");
        var result = await cluster.Get<IRideGrain>(request.RideId).RateDriver(RestCaller.Of(http), request.ToRequest()).ConfigureAwait(false);
        return Results.Json(RidesHub.RatingAnswer("Driver rated", result));
    }

    private static async Task<IResult> PayAsync(HttpContext http, IClusterClient cluster)
    {
        var request = PaymentPayload.Read(await JsonBody.ReadAsync(http.Request).ConfigureAwait(false));
        var receipt = await cluster.Get<IRideGrain>(request.RideId).Pay(RestCaller.Of(http), request.ToRequest()).ConfigureAwait(false);
        return Results.Json(new PaymentResponse
        {
            Message = "Payment recorded",
            PaymentId = receipt.PaymentId,
            RideId = receipt.RideId,
            Amount = receipt.Amount,
            Currency = receipt.Currency,
            Method = receipt.Method,
            IdempotencyKey = receipt.IdempotencyKey,
            PaidAt = receipt.PaidAt,
        });
    }

    private static async Task<IResult> GetStatsAsync(IClusterClient cluster, ConnectionSubscriptionRegistry registry)
    {
        var stats = await cluster.Get<IPlatformStatsGrain>(IPlatformStatsGrain.Key).Get().ConfigureAwait(false);
        return Results.Json(new WsStats(registry.ConnectionCount, stats.OnlineDrivers, stats.ActiveRides, registry.SubscriptionCount));
    }
}
