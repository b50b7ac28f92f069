using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Flows;

/// <summary>Seed 002's trip PIN: sent to the rider only at acceptance, checked by start_ride.</summary>
public sealed class TripPinTests(PinServerFixture fixture) : IClassFixture<PinServerFixture>
{
    [Fact]
    public async Task The_pin_reaches_only_the_rider_and_the_driver_needs_it_to_start()
    {
        await using var scenario = await RideScenario.AcceptedAsync(fixture.Server);
        var pinEvent = await scenario.Rider.Hub.Events.WaitForAsync("trip_pin", e => e.Str("ride_id") == scenario.RideId);
        var pin = pinEvent.Str("pin")!;
        Assert.Matches("^[0-9]{4}$", pin);

        var riderView = Envelope.Success(await scenario.Rider.Hub.InvokeAsync("get_ride_state", scenario.RidePayload()).DefaultTimeout());
        Assert.Equal(pin, riderView.Str("ride_data.pin"));
        Assert.True(riderView.At("ride_data.pin_required").GetBoolean());
        var driverView = Envelope.Success(await scenario.Driver.Hub.InvokeAsync("get_ride_state", scenario.RidePayload()).DefaultTimeout());
        Assert.False(driverView.Has("ride_data.pin"));

        Envelope.Error(await scenario.Driver.Hub.InvokeAsync("start_ride", scenario.RidePayload()).DefaultTimeout(), "INVALID_PIN");
        var wrong = pin == "0000" ? "1111" : "0000";
        Envelope.Error(await scenario.Driver.Hub.InvokeAsync("start_ride", new JsonObject { ["ride_id"] = scenario.RideId, ["pin"] = wrong }).DefaultTimeout(), "INVALID_PIN");
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("start_ride", new JsonObject { ["ride_id"] = scenario.RideId, ["pin"] = pin }).DefaultTimeout());

        // The driver never got a trip_pin, and no status update carries one.
        Assert.Empty(scenario.Driver.Hub.Events.Of("trip_pin"));
        Assert.DoesNotContain(scenario.Rider.Hub.Events.Of("ride_status_update"), e => e.Has("pin") || e.Has("data.pin"));
    }
}
