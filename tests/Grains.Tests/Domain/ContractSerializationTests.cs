using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Rides.Grains.Chat;
using Rides.Grains.Dispatch;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Events;
using Rides.Grains.Riders;
using Rides.Grains.Rides;
using Rides.Grains.Storage;
using Rides.Grains.Support;

namespace Rides.Grains.Tests.Domain;

public sealed class ContractSerializationTests
{
    private static readonly JsonGrainStateSerializer StateSerializer = new();
    private static readonly Serializer Wire = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void Ride_statuses_are_stored_with_seed_000_wire_names()
    {
        foreach (var status in Enum.GetValues<RideStatus>())
        {
            Assert.Equal($"\"{status.ToWire()}\"", StateSerializer.Serialize(status).ToString());
            Assert.True(RideStatusNames.TryParse(status.ToWire(), out var parsed));
            Assert.Equal(status, parsed);
        }
    }

    [Fact]
    public void Vehicle_types_roles_and_room_types_are_stored_with_their_wire_names()
    {
        Assert.Equal("\"xl\"", StateSerializer.Serialize(VehicleType.Xl).ToString());
        Assert.Equal("\"operator\"", StateSerializer.Serialize(UserRole.Operator).ToString());
        Assert.Equal("\"emergency_support\"", StateSerializer.Serialize(SupportRoomType.Emergency).ToString());
        Assert.Equal("DRIVER", UserRoleNames.ToUserType(UserRole.Driver));
    }

    [Fact]
    public void The_regulator_role_is_added_last_with_its_wire_name_so_stored_roles_keep_their_numbers()
    {
        Assert.Equal("\"regulator\"", StateSerializer.Serialize(UserRole.Regulator).ToString());
        Assert.Equal("REGULATOR", UserRoleNames.ToUserType(UserRole.Regulator));
        Assert.True(UserRoleNames.TryParse("Regulator", out var parsed));
        Assert.Equal(UserRole.Regulator, parsed);
        Assert.Equal((5, 6), ((int)UserRole.System, (int)UserRole.Regulator));
        Assert.Equal(UserRole.Regulator, Wire.Deserialize<UserRole>(Wire.SerializeToArray(UserRole.Regulator)));
    }

    [Fact]
    public void A_ride_view_round_trips_through_the_orleans_serializer()
    {
        var view = SampleView();
        Assert.Equal(view, Wire.Deserialize<RideView>(Wire.SerializeToArray(view)));
    }

    [Fact]
    public void A_driver_search_round_trips_through_the_orleans_serializer()
    {
        // Geo cells are placed at random, so in a cluster a round's search crosses silos.
        var search = new DriverSearch(new GeoPoint(37.7749, -122.4194), 1500, VehicleType.Xl, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(30), ["d1", "d2"], 5);
        var copy = Wire.Deserialize<DriverSearch>(Wire.SerializeToArray(search))!;
        Assert.Equal((search.Pickup, search.RadiusMeters, search.VehicleType, search.FreshSince, search.Now, search.Limit), (copy.Pickup, copy.RadiusMeters, copy.VehicleType, copy.FreshSince, copy.Now, copy.Limit));
        Assert.Equal(search.Excluded, copy.Excluded);
    }

    [Fact]
    public void Events_round_trip_through_the_orleans_serializer_as_topic_payloads()
    {
        var at = DateTimeOffset.UnixEpoch;
        var chat = new ChatEvent(ChatEventKind.Message, "ride_1", "r1", UserRole.Rider, at, new ChatMessage(1, "ride_1", "r1", UserRole.Rider, "hi", at));
        var offer = new DriverOfferEvent(DriverOfferEventKind.Withdrawn, "ride_1", null, OfferWithdrawalReasons.Expired, at);
        foreach (object payload in new object[] { chat, offer })
        {
            var e = new TopicEvent(Topics.RideChat("ride_1"), 3, payload);
            var copy = Wire.Deserialize<TopicEvent>(Wire.SerializeToArray(e));
            Assert.Equal((e.Topic, e.Seq, payload), (copy!.Topic, copy.Seq, copy.Payload));
        }
    }

    [Fact]
    public void A_rides_exception_keeps_its_code_message_and_detail_across_the_wire()
    {
        var ex = new RidesException(ErrorCodes.RateLimited, "Too many", "retry_after_ms: 5");
        var copy = Wire.Deserialize<Exception>(Wire.SerializeToArray<Exception>(ex));
        var rides = Assert.IsType<RidesException>(copy);
        Assert.Equal(("RATE_LIMITED", "Too many", "retry_after_ms: 5"), (rides.Code, rides.Message, rides.Detail));
    }

    [Fact]
    public void Every_contract_type_has_a_generated_serializer_and_a_stable_alias()
    {
        var contracts = typeof(Caller).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsInterface && !(t.IsAbstract && t.IsSealed) && t.Namespace?.StartsWith("Rides.Grains", StringComparison.Ordinal) == true)
            // The authorization table is read on both sides of a call and never crosses one.
            .Where(t => t.Namespace != "Rides.Grains.Authorization")
            .ToList();
        Assert.NotEmpty(contracts);
        foreach (var type in contracts)
        {
            Assert.True(type.GetCustomAttribute<GenerateSerializerAttribute>() is not null, $"{type} has no [GenerateSerializer]");
            Assert.Equal("rides." + type.Name, type.GetCustomAttribute<AliasAttribute>()?.Alias);
        }

        foreach (var grainInterface in typeof(Caller).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t)))
        {
            Assert.Equal("rides." + grainInterface.Name, grainInterface.GetCustomAttribute<AliasAttribute>()?.Alias);
        }
    }

    [Fact]
    public void Stored_ride_state_names_no_clr_type_so_a_renamed_state_class_reads_it()
    {
        var state = new RideState { Status = RideStatus.Completed, Seq = 3, Rider = new RiderInfo("r1", "Ann", 4.9) };
        state.Events.Add(new RideStatusEvent("ride_1", 3, RideStatus.Completed, RideStatus.DrivingToDestination, "done", DateTimeOffset.UnixEpoch));
        var stored = StateSerializer.Serialize(state);
        var json = Encoding.UTF8.GetString(stored.ToArray());

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(RideState), json, StringComparison.Ordinal);
        Assert.DoesNotContain("Rides.Grains", json, StringComparison.Ordinal);
        var renamed = StateSerializer.Deserialize<Renamed.RideStateV2>(stored)!;
        Assert.Equal((RideStatus.Completed, 3L, "r1", 1), (renamed.Status, renamed.Seq, renamed.Rider!.RiderId, renamed.Events.Count));
    }

    private static RideView SampleView()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new RideView(
            "ride_1", RideStatus.Completed, new RiderInfo("r1", "Ann", 4.9), new DriverInfo("d1", "Bob", 4.8, "Toyota Camry", VehicleType.Standard, "ABC", "blue"),
            new Place(1, 2, "A"), new Place(3, 4), VehicleType.Standard, "note", new FareEstimate(10.5m, "USD", 3.2, 7), 5, "0427", true,
            at, at, at, at, at, new CancellationInfo(UserRole.System, "system", CancelReasons.NoDriverFound, RideStatus.FindingDriver),
            new RideReceipt(12.34m, "USD", 4.5, 600), true, false, new PaymentReceipt("p1", "ride_1", "k", 12.34m, "USD", "card", at), 2, 7);
    }
}
