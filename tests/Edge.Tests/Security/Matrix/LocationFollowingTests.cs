using System.Text.Json.Nodes;
using Rides.Grains.Authorization;
using Rides.Grains.Events;

namespace Rides.Edge.Tests.Security.Matrix;

/// <summary>
/// Joining a live ride subscribes the connection to its driver's locations exactly when the documented table
/// lets the role follow them (FollowDriverLocation), and the driver's next location reaches exactly those.
/// </summary>
public sealed class LocationFollowingTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Theory]
    [InlineData("rider", MatrixTarget.Own)]
    [InlineData("driver", MatrixTarget.Own)]
    [InlineData("staff", MatrixTarget.Foreign)]
    [InlineData("admin", MatrixTarget.Foreign)]
    [InlineData("operator", MatrixTarget.Foreign)]
    public async Task Joining_a_live_ride_follows_the_driver_exactly_when_the_policy_allows(string role, MatrixTarget target)
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var user = role switch
        {
            "rider" => scenario.Rider,
            "driver" => scenario.Driver,
            _ => await Server.ConnectNewAsync(role),
        };
        try
        {
            Envelope.Success(await user.Hub.InvokeAsync("join_ride_room", scenario.RidePayload()).DefaultTimeout());
            var userRole = MatrixRoles.Parse(role);
            var follows = DocumentedPolicy.Decide(PlatformAction.FollowDriverLocation, userRole, MatrixExpectation.RelationOf(ResourceKind.Ride, userRole, target, null)).IsAllowed;
            var subscribed = Server.Subscriptions.TopicsOf(user.Hub.ConnectionId).Any(t => t.Namespace == Topics.RideLocationNamespace && t.Key == scenario.RideId);
            Assert.Equal(follows, subscribed);
            Assert.Equal(role is "rider" or "staff" or "admin" or "operator", follows);

            // What is subscribed is what arrives: the driver's next location, against a later ping as the fence.
            Envelope.Success(await scenario.Driver.Hub.InvokeAsync("update_location", scenario.Area.Location(120)).DefaultTimeout());
            if (follows)
            {
                var moved = await user.Hub.Events.WaitForAsync("driver_location_update", e => e.Str("ride_id") == scenario.RideId);
                Assert.Equal(scenario.Driver.Id, moved.Str("driver_id"));
            }
            else
            {
                Envelope.Success(await scenario.Rider.Hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
                await scenario.Rider.Hub.Events.WaitForAsync("driver_location_update", e => e.Str("ride_id") == scenario.RideId);
                Envelope.Success(await user.Hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
                Assert.DoesNotContain(user.Hub.Events.Of("driver_location_update"), e => e.Str("ride_id") == scenario.RideId);
            }
        }
        finally
        {
            if (role is not ("rider" or "driver"))
            {
                await user.DisposeAsync();
            }
        }
    }
}
