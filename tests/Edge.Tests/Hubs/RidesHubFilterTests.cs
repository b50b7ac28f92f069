using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Rides.Edge.Hubs;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Tests.Hubs;

/// <summary>The filter that turns every failure into an envelope; the cases a live grain seldom produces.</summary>
public sealed class RidesHubFilterTests
{
    [Fact]
    public async Task An_unexpected_exception_becomes_a_generic_internal_error_and_is_logged_with_its_details()
    {
        var logs = new LogCapture();
        var filter = new RidesHubFilter(new LoggerFactory([logs]).CreateLogger<RidesHubFilter>());

        var result = await filter.InvokeMethodAsync(Context(), _ => throw new InvalidOperationException("secret internals at Rides.Grains.Foo"));

        var envelope = Assert.IsType<HubResponse>(result);
        Assert.Equal("error", envelope.Status);
        Assert.Equal("INTERNAL_ERROR", envelope.Code);
        Assert.Equal("Something went wrong on our side. Please try again.", envelope.Message);
        Assert.Null(envelope.Detail);
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("secret internals", logged.Exception!.Message, StringComparison.Ordinal);
        Assert.Contains("Hub method Ping failed on connection connection-1", logged.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_call_timeout_becomes_timeout()
    {
        var filter = new RidesHubFilter(new LoggerFactory().CreateLogger<RidesHubFilter>());
        var result = await filter.InvokeMethodAsync(Context(), _ => throw new TimeoutException("ride/r1.Get timed out"));
        var envelope = Assert.IsType<HubResponse>(result);
        Assert.Equal("TIMEOUT", envelope.Code);
        Assert.DoesNotContain("ride/r1", envelope.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_keeps_its_code_message_and_detail()
    {
        var filter = new RidesHubFilter(new LoggerFactory().CreateLogger<RidesHubFilter>());
        var result = await filter.InvokeMethodAsync(Context(), _ => throw new RidesException(ErrorCodes.InvalidTransition, "Not now.", "status is completed"));
        var envelope = Assert.IsType<HubResponse>(result);
        Assert.Equal(("error", "INVALID_TRANSITION", "Not now.", "status is completed"), (envelope.Status, envelope.Code, envelope.Message, envelope.Detail));
    }

    private static HubInvocationContext Context() =>
        new(new FakeCallerContext(), new EmptyServices(), new PingHub(), typeof(PingHub).GetMethod(nameof(PingHub.Ping))!, [null]);

    private sealed class PingHub : Hub
    {
        [HubMethodName("ping")]
        public static Task<HubResponse> Ping() => Task.FromResult(HubResponse.Success("pong"));
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class FakeCallerContext : HubCallerContext
    {
        public override string ConnectionId => "connection-1";

        public override string? UserIdentifier => "u1";

        public override ClaimsPrincipal? User => new();

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
