using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rides.Edge.Tests;

/// <summary>
/// A driver online near a pickup in its own <see cref="TestArea"/>, a rider who requested a ride there over
/// REST and joined its room, and the offer that reached the driver. <see cref="AcceptAsync"/> goes one step on.
/// </summary>
public sealed class RideScenario : IAsyncDisposable
{
    private RideScenario(EdgeTestServer server, TestArea area, TestUser rider, TestUser driver, string rideId, JsonElement offer)
    {
        Server = server;
        Area = area;
        Rider = rider;
        Driver = driver;
        RideId = rideId;
        Offer = offer;
    }

    /// <summary>The server.</summary>
    public EdgeTestServer Server { get; }

    /// <summary>The scenario's own map area.</summary>
    public TestArea Area { get; }

    /// <summary>The rider, joined to the ride's room.</summary>
    public TestUser Rider { get; }

    /// <summary>The driver, online, offered the ride.</summary>
    public TestUser Driver { get; }

    /// <summary>The ride.</summary>
    public string RideId { get; }

    /// <summary>The <c>new_ride_request</c> the driver received.</summary>
    public JsonElement Offer { get; }

    /// <summary>Sets up the scenario up to the offer.</summary>
    public static async Task<RideScenario> OfferedAsync(EdgeTestServer server)
    {
        var area = TestArea.Next();
        var driver = await server.ConnectNewAsync("driver", "Dana Driver").ConfigureAwait(false);
        Envelope.Success(await driver.Hub.InvokeAsync("go_online", new JsonObject()).DefaultTimeout().ConfigureAwait(false));
        Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(150)).DefaultTimeout().ConfigureAwait(false));

        var rider = await server.ConnectNewAsync("rider", "Rita Rider").ConfigureAwait(false);
        var created = await server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", rider.Token, area.RideRequest()).ConfigureAwait(false);
        Assert.True(created.Status == 201, "Ride creation failed: " + created.Text);
        var rideId = created.Json.Str("ride_id")!;
        Envelope.Success(await rider.Hub.InvokeAsync("join_ride_room", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout().ConfigureAwait(false));

        var offer = await driver.Hub.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == rideId).ConfigureAwait(false);
        return new RideScenario(server, area, rider, driver, rideId, offer);
    }

    /// <summary>Sets up the scenario with the ride accepted by the driver.</summary>
    public static async Task<RideScenario> AcceptedAsync(EdgeTestServer server)
    {
        var scenario = await OfferedAsync(server).ConfigureAwait(false);
        Envelope.Success(await scenario.AcceptAsync().ConfigureAwait(false));
        return scenario;
    }

    /// <summary>The driver accepts the ride.</summary>
    public Task<JsonElement> AcceptAsync() => Driver.Hub.InvokeAsync("accept_ride", RidePayload()).DefaultTimeout();

    /// <summary><c>{ride_id}</c> of this ride.</summary>
    public JsonObject RidePayload() => new() { ["ride_id"] = RideId };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Rider.DisposeAsync().ConfigureAwait(false);
        await Driver.DisposeAsync().ConfigureAwait(false);
    }
}
