using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Rides.Edge.Authentication;
using Rides.Edge.Operations;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;

namespace Rides.Edge.Hubs;

/// <summary>
/// The rides hub at <c>/hubs/rides</c>. Every method takes exactly one argument, the event's payload object
/// (<c>{}</c> when empty), validates it, calls the grains as the authenticated caller, and answers seed 000's
/// envelope. Refusals come back as envelopes with a code (see <see cref="RidesHubFilter"/>); the
/// connection stays usable. Methods are grouped by feature in the partial files.
/// </summary>
public sealed partial class RidesHub(
    IClusterClient cluster,
    ConnectionStreams streams,
    ConnectionSubscriptionRegistry registry,
    IHubContext<RidesHub, IRideClient> hubContext,
    RideOperations rides,
    DriverOperations drivers,
    SupportOperations support,
    AccessTokenValidator tokens,
    TimeProvider time,
    ILogger<RidesHub> logger) : Hub<IRideClient>
{
    private Caller Caller => registry.CallerOf(Context.ConnectionId)
        ?? throw new RidesException(ErrorCodes.Forbidden, "The connection has no authenticated user.");

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        var caller = Context.User.ToCaller();
        if (caller is null)
        {
            // The hub's authorization policy already refuses such tokens; this guards a misconfiguration.
            Context.Abort();
            return;
        }

        registry.Open(Context.ConnectionId, hubContext.Clients.Client(Context.ConnectionId), caller);
        LogConnected(logger, Context.ConnectionId, caller.UserId, UserRoleNames.ToWire(caller.Role));
        await streams.JoinUserAsync(Context.ConnectionId, caller.UserId).ConfigureAwait(false);
        await drivers.OpenedAsync(Context.ConnectionId, caller).ConfigureAwait(false);
        await Clients.Caller.ServerMessage(new ServerMessage($"Welcome to the ride-sharing service, {caller.Name ?? caller.UserId}!")).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // The driver hears of it first, so once this node no longer counts the connection the driver does not either.
        await drivers.ClosedAsync(Context.ConnectionId, registry.CallerOf(Context.ConnectionId)).ConfigureAwait(false);
        await registry.CloseAsync(Context.ConnectionId).ConfigureAwait(false);
        LogDisconnected(logger, Context.ConnectionId);
    }

    /// <summary><c>authenticate {token}</c>: checks a token and confirms who the connection is (seed 000).</summary>
    [HubMethodName(HubMethodNames.Authenticate)]
    public async Task<HubResponse> Authenticate(JsonElement payload)
    {
        var request = AuthenticatePayload.Read(payload);
        var caller = Caller;
        var presented = await tokens.ValidateAsync(request.Token).ConfigureAwait(false)
            ?? throw new RidesException(EdgeErrorCodes.Unauthenticated, "The token is not valid.");
        if (presented.UserId != caller.UserId || presented.Role != caller.Role)
        {
            throw new RidesException(ErrorCodes.Forbidden, "The token belongs to another user than this connection.");
        }

        return new AuthenticateResponse
        {
            Message = "Authenticated successfully",
            UserType = UserRoleNames.ToUserType(caller.Role),
            UserId = caller.UserId,
        };
    }

    /// <summary><c>ping {timestamp?}</c>: answers pong with the server's time (seed 001).</summary>
    [HubMethodName(HubMethodNames.Ping)]
    public Task<HubResponse> Ping(JsonElement payload)
    {
        var request = PingPayload.Read(payload);
        return Task.FromResult<HubResponse>(new PongResponse { Message = "pong", Timestamp = time.GetUtcNow(), ClientTimestamp = request.Timestamp });
    }

    private Caller RequireRole(PlatformAction action, string method) => CallerRoles.Require(Caller, action, method);
}
