using System.Text;
using Rides.Grains.Chat;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Riders;
using Rides.Grains.Rides;
using Rides.Grains.Support;
using Rides.Runtime.Serialization;

namespace Rides.Grains.Tests.Domain;

public sealed class ContractSerializationTests
{
    private static readonly JsonWireSerializer Serializer = new();

    [Fact]
    public void Ride_statuses_are_written_with_seed_000_wire_names()
    {
        foreach (var status in Enum.GetValues<RideStatus>())
        {
            Assert.Equal($"\"{status.ToWire()}\"", Encoding.UTF8.GetString(Serializer.Serialize(status)));
            Assert.True(RideStatusNames.TryParse(status.ToWire(), out var parsed));
            Assert.Equal(status, parsed);
        }
    }

    [Fact]
    public void Vehicle_types_roles_and_room_types_are_written_with_their_wire_names()
    {
        Assert.Equal("\"xl\"", Encoding.UTF8.GetString(Serializer.Serialize(VehicleType.Xl)));
        Assert.Equal("\"operator\"", Encoding.UTF8.GetString(Serializer.Serialize(UserRole.Operator)));
        Assert.Equal("\"emergency_support\"", Encoding.UTF8.GetString(Serializer.Serialize(SupportRoomType.Emergency)));
        Assert.Equal("DRIVER", UserRoleNames.ToUserType(UserRole.Driver));
    }

    [Fact]
    public void A_ride_view_round_trips_through_the_wire_serializer()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var view = new RideView(
            "ride_1", RideStatus.Completed, new RiderInfo("r1", "Ann", 4.9), new DriverInfo("d1", "Bob", 4.8, "Toyota Camry", VehicleType.Standard, "ABC", "blue"),
            new Place(1, 2, "A"), new Place(3, 4), VehicleType.Standard, "note", new FareEstimate(10.5m, "USD", 3.2, 7), 5, "0427", true,
            at, at, at, at, at, new CancellationInfo(UserRole.System, "system", CancelReasons.NoDriverFound, RideStatus.FindingDriver),
            new RideReceipt(12.34m, "USD", 4.5, 600), true, false, new PaymentReceipt("p1", "ride_1", "k", 12.34m, "USD", "card", at), 2, 7);
        var copy = Serializer.DeepCopy(view);
        Assert.Equal(view, copy);
    }

    [Fact]
    public void Events_round_trip_through_the_wire_serializer()
    {
        var at = DateTimeOffset.UnixEpoch;
        var chat = new ChatEvent(ChatEventKind.Message, "ride_1", "r1", UserRole.Rider, at, new ChatMessage(1, "ride_1", "r1", UserRole.Rider, "hi", at));
        Assert.Equal(chat, Serializer.DeepCopy(chat));
        var offer = new DriverOfferEvent(DriverOfferEventKind.Withdrawn, "ride_1", null, OfferWithdrawalReasons.Expired, at);
        Assert.Equal(offer, Serializer.DeepCopy(offer));
    }

    [Fact]
    public void A_rides_exception_has_the_constructor_the_runtime_rebuilds_it_with()
    {
        var ctor = typeof(RidesException).GetConstructors().Single();
        Assert.Equal(["code", "message", "detail"], ctor.GetParameters().Select(p => p.Name));
        var ex = new RidesException(ErrorCodes.RateLimited, "Too many", "retry_after_ms: 5");
        Assert.Equal(("RATE_LIMITED", "Too many", "retry_after_ms: 5"), (ex.Code, ex.Message, ex.Detail));
    }
}
