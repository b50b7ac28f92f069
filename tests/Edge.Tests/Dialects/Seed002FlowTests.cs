using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Seed 002's three channels through a whole booking: the offer, acceptance with the OTP, the trip, completion; and a reconnecting rider.</summary>
public sealed class Seed002FlowTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private const string Bookings = "/ws/bookings/";
    private const string DriverBookings = "/ws/driver/bookings/";
    private const string Available = "/ws/driver/available_bookings/";

    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_whole_booking_reaches_the_rider_and_the_driver_in_seed_002s_words_with_the_otp()
    {
        var area = TestArea.Next();
        var riderId = TestIds.New("rider");
        var riderToken = EdgeTestServer.Token(riderId, "rider", "Rita");
        var driverId = TestIds.New("driver");
        var driverToken = EdgeTestServer.Token(driverId, "driver", "Dev Driver");

        // The driver app's two channels, then availability over the hub (seed 002's app does that over its own API).
        await using var available = await Server.Seed002Async(Available, driverToken);
        await using var assigned = await Server.Seed002Async(DriverBookings, driverToken);
        await available.ReadyAsync();
        await assigned.ReadyAsync();
        await using var driverApi = await Server.ConnectAsync(driverToken);
        Envelope.Success(await driverApi.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
        Envelope.Success(await driverApi.InvokeAsync("update_location", area.Location(200)).DefaultTimeout());

        // The rider's channel is open before the booking is made over REST: it hears of the booking from the platform.
        await using var rider = await Server.Seed002Async(Bookings, riderToken);
        await rider.ReadyAsync();
        var created = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", riderToken, area.RideRequest());
        Assert.Equal(201, created.Status);
        var bookingId = created.Json.Str("ride_id")!;
        var pending = await rider.WaitForAsync(string.Empty, e => e.Is("status", "pending"));
        Assert.Equal(bookingId, pending.Str("booking_id"));
        Assert.Equal("Your booking is waiting for a driver.", pending.Str("message"));
        Assert.Equal($"ride-status/{bookingId}/1", pending.Str("event_id"));

        // The offer arrives on the available bookings channel in seed 002's shape.
        var offer = await available.WaitForAsync(string.Empty, e => e.Is("booking_id", bookingId));
        Assert.Equal("1 Test Street", offer.Str("pickup_location"));
        Assert.Equal("99 Test Avenue", offer.Str("dropoff_location"));
        Assert.True(offer.At("estimated_cost").GetDecimal() > 0);
        Assert.Equal(created.Json.At("estimated_fare").GetDecimal(), offer.At("estimated_cost").GetDecimal());
        Assert.Equal("A new booking is available.", offer.Str("message"));
        Assert.StartsWith($"driver-offers/{driverId}/", offer.Str("event_id"), StringComparison.Ordinal);

        // Acceptance (over the hub): the rider gets "accepted" and the OTP, the driver's bookings channel joins the booking.
        Envelope.Success(await driverApi.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = bookingId }).DefaultTimeout());
        var accepted = await rider.WaitForAsync(string.Empty, e => e.Is("status", "accepted"));
        Assert.Equal("Your booking has been accepted by the driver.", accepted.Str("message"));
        var otp = await rider.WaitForAsync(string.Empty, e => e.Has("otp"));
        Assert.Matches("^[0-9]{4}$", otp.Str("otp"));
        Assert.Equal("Your booking has been accepted. Here is your OTP to start the trip.", otp.Str("message"));
        Assert.Equal(bookingId, otp.Str("booking_id"));
        var driverAccepted = await assigned.WaitForAsync(string.Empty, e => e.Is("status", "accepted"));
        Assert.Equal(bookingId, driverAccepted.Str("booking_id"));
        Assert.Equal($"ride-status/{bookingId}/2", driverAccepted.Str("event_id"));

        // The trip, started with the rider's OTP.
        Envelope.Success(await driverApi.InvokeAsync("driver_arrived", new JsonObject { ["ride_id"] = bookingId }).DefaultTimeout());
        await rider.WaitForAsync(string.Empty, e => e.Is("status", "arrived"));
        Envelope.Success(await driverApi.InvokeAsync("start_ride", new JsonObject { ["ride_id"] = bookingId, ["pin"] = otp.Str("otp") }).DefaultTimeout());
        var onTrip = await assigned.WaitForAsync(string.Empty, e => e.Is("status", "on_trip"));
        Assert.Equal("The trip has started. Please proceed to the destination.", onTrip.Str("message"));
        Assert.Equal("The trip has started.", (await rider.WaitForAsync(string.Empty, e => e.Is("status", "on_trip"))).Str("message"));
        Envelope.Success(await driverApi.InvokeAsync("update_location", area.Location(3000)).DefaultTimeout());
        Envelope.Success(await driverApi.InvokeAsync("complete_ride", new JsonObject { ["ride_id"] = bookingId }).DefaultTimeout());
        var completed = await rider.WaitForAsync(string.Empty, e => e.Is("status", "completed"));
        Assert.True(completed.At("fare").GetDecimal() > 0);
        await assigned.WaitForAsync(string.Empty, e => e.Is("status", "completed"));

        Assert.Equal(["pending", "accepted", "arrived", "on_trip", "completed"], Statuses(rider));
        Assert.Equal(["accepted", "arrived", "on_trip", "completed"], Statuses(assigned));
        Assert.Single(rider.Frames.Of(string.Empty), e => e.Has("otp"));
        Assert.DoesNotContain(assigned.Frames.Of(string.Empty), e => e.Has("otp"));
        Assert.DoesNotContain(available.Frames.Of(string.Empty), e => e.Has("status"));
        Assert.True(rider.IsOpen && assigned.IsOpen && available.IsOpen);
    }

    [Fact]
    public async Task A_reconnecting_rider_gets_its_booking_replayed_and_the_otp_again_or_only_what_followed_its_last_event_id()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var bookingId = scenario.RideId;
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("driver_arrived", scenario.RidePayload()).DefaultTimeout());

        await using var rider = await Server.Seed002Async(Bookings, scenario.Rider.Token);
        var otp = await rider.WaitForAsync(string.Empty, e => e.Has("otp"));
        Assert.Equal(bookingId, otp.Str("booking_id"));
        Assert.Equal(["pending", "accepted", "arrived"], Statuses(rider));

        await using var resumed = await Server.Seed002Async(Bookings + "?last_event_id=" + Uri.EscapeDataString($"ride-status/{bookingId}/2"), scenario.Rider.Token);
        await resumed.WaitForAsync(string.Empty, e => e.Has("otp"));
        Assert.Equal(["arrived"], Statuses(resumed));
        Assert.Equal([$"ride-status/{bookingId}/3"], resumed.Frames.Of(string.Empty).Where(e => e.Has("status")).Select(e => e.Str("event_id")));

        // The driver's bookings channel, opened after the acceptance, joins the current booking.
        await using var driver = await Server.Seed002Async(DriverBookings, scenario.Driver.Token);
        await driver.WaitForAsync(string.Empty, e => e.Is("status", "arrived"));
        Assert.Equal(["accepted", "arrived"], Statuses(driver));
    }

    [Fact]
    public async Task An_offer_taken_by_another_driver_is_withdrawn_on_the_available_bookings_channel()
    {
        var area = TestArea.Next();
        var first = await Server.ConnectNewAsync("driver", "First");
        var second = await Server.ConnectNewAsync("driver", "Second");
        await using (first)
        await using (second)
        {
            await using var available = await Server.Seed002Async(Available, first.Token);
            await available.ReadyAsync();
            foreach (var driver in new[] { first, second })
            {
                Envelope.Success(await driver.Hub.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
                Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(100)).DefaultTimeout());
            }

            var riderToken = EdgeTestServer.Token(TestIds.New("rider"), "rider");
            var created = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", riderToken, area.RideRequest());
            var bookingId = created.Json.Str("ride_id")!;
            await available.WaitForAsync(string.Empty, e => e.Is("booking_id", bookingId) && e.Has("pickup_location"));
            await second.Hub.Events.WaitForAsync("new_ride_request", e => e.Is("ride_id", bookingId));
            Envelope.Success(await second.Hub.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = bookingId }).DefaultTimeout());

            var gone = await available.WaitForAsync(string.Empty, e => e.Is("status", "unavailable"));
            Assert.Equal(bookingId, gone.Str("booking_id"));
            Assert.Equal("accepted_by_another_driver", gone.Str("reason"));
            Assert.Equal("The booking is no longer available.", gone.Str("message"));
        }
    }

    private static List<string?> Statuses(Client.SocketTestClient socket) =>
        [.. socket.Frames.Of(string.Empty).Where(e => e.Has("status") && e.Has("booking_id")).Select(e => e.Str("status"))];
}
