using Rides.Grains.Authorization;
using Rides.Grains.Chat;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Riders;
using Rides.Grains.Rides;
using Rides.Grains.Support;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Authorization;

/// <summary>
/// One cluster for the grain matrix: a completed ride of r1 driven by d1 (completed, so every allowed status change ends
/// in a status refusal and no relation ever changes), the driver and rider grains "dx" and "rx".
/// </summary>
public sealed class GrainMatrixWorld : IAsyncLifetime
{
    private RidesTestCluster? _rides;

    /// <summary>The cluster.</summary>
    public RidesTestCluster Rides => _rides ?? throw new InvalidOperationException("Not started.");

    /// <summary>The completed ride.</summary>
    public string RideId { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _rides = await RidesTestCluster.StartAsync();
        await Rides.OnlineDriverAsync("d1");
        RideId = (await Rides.RequestRideAsync("r1")).RideId;
        var driver = Caller.Driver("d1");
        await Rides.Ride(RideId).Accept(driver).DefaultTimeout();
        await Rides.Ride(RideId).Start(driver).DefaultTimeout();
        await Rides.Ride(RideId).Complete(driver).DefaultTimeout();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_rides is not null)
        {
            await _rides.DisposeAsync();
        }
    }
}

/// <summary>
/// Every cell of <see cref="AccessPolicy"/> that a grain decides, over real grains: each role (system included) in each
/// relation it can have to the resource calls the grain method of the action, and the answer must be the cell's — no
/// FORBIDDEN or NOT_A_PARTICIPANT when allowed, exactly the cell's code when refused. This holds the grains to consulting
/// the table with the right relation; the edge's matrix (tests/Edge.Tests/Security/Matrix) holds the table to the
/// document and covers the edge-only actions.
/// </summary>
public sealed class GrainAuthorizationMatrixTests(GrainMatrixWorld world) : IClassFixture<GrainMatrixWorld>
{
    private static readonly PlatformAction[] EdgeOnly =
    [
        PlatformAction.FollowDriverLocation, PlatformAction.JoinUserRoom, PlatformAction.ViewPlatformStats,
        PlatformAction.FollowRiderBookings, PlatformAction.FollowDriverBookings, PlatformAction.FollowDriverOffers,
    ];

    private RidesTestCluster Rides => world.Rides;

    public static TheoryData<PlatformAction, UserRole, Relation> GrainCells()
    {
        var data = new TheoryData<PlatformAction, UserRole, Relation>();
        foreach (var action in Enum.GetValues<PlatformAction>().Except(EdgeOnly))
        {
            foreach (var role in Enum.GetValues<UserRole>())
            {
                foreach (var relation in AccessPolicy.RelationsOf(AccessPolicy.ResourceOf(action), role))
                {
                    data.Add(action, role, relation);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GrainCells))]
    public async Task Every_grain_cell_is_decided_by_the_table(PlatformAction action, UserRole role, Relation relation)
    {
        var expected = AccessPolicy.Decide(action, role, relation);
        var caller = CallerFor(AccessPolicy.ResourceOf(action), role, relation);
        var call = await PrepareAsync(action, caller, relation);

        RidesException? refusal = null;
        try
        {
            await call().DefaultTimeout();
        }
        catch (RidesException ex)
        {
            refusal = ex;
        }

        if (expected.IsAllowed)
        {
            Assert.True(
                refusal is null || refusal.Code is not (ErrorCodes.Forbidden or ErrorCodes.NotAParticipant),
                $"{action} by {role} ({relation}) is allowed by the table but was refused: {refusal?.Code} {refusal?.Message}");
        }
        else
        {
            Assert.True(refusal?.Code == expected.Code, $"{action} by {role} ({relation}): the table says {expected.Code}, the grain answered {refusal?.Code ?? "success"}");
        }
    }

    [Fact]
    public void Every_action_the_grains_decide_is_walked()
    {
        var walked = GrainCells().Select(row => (PlatformAction)row[0]).Distinct().Count();
        Assert.Equal(Enum.GetValues<PlatformAction>().Length - EdgeOnly.Length, walked);
    }

    // Whose user id a caller of the role in the relation has (the ride's r1/d1, the grains "dx"/"rx", or someone else).
    private static Caller CallerFor(ResourceKind kind, UserRole role, Relation relation)
    {
        var id = (kind, role, relation) switch
        {
            (_, UserRole.System, _) => Caller.System.UserId,
            (ResourceKind.Ride, UserRole.Rider, Relation.Own) => "r1",
            (ResourceKind.Ride, UserRole.Driver, Relation.Assigned) => "d1",
            (ResourceKind.Driver, UserRole.Driver, Relation.Own) => "dx",
            (ResourceKind.Rider, UserRole.Rider, Relation.Own) => "rx",
            (ResourceKind.Platform or ResourceKind.SupportConversation or ResourceKind.User, _, _) => $"{role}_{Guid.NewGuid():N}",
            _ => $"{role}_other",
        };
        return new Caller(id, role, "Matrix " + role);
    }

    private async Task<Func<Task>> PrepareAsync(PlatformAction action, Caller caller, Relation relation)
    {
        var ride = Rides.Ride(world.RideId);
        var chat = Rides.Grains.GetGrain<IChatRoomGrain>(world.RideId);
        var driver = Rides.Driver("dx");
        var rider = Rides.Grains.GetGrain<IRiderGrain>("rx");
        return action switch
        {
            PlatformAction.RequestRide => () => Rides.Ride(RideIds.New()).Create(caller, FarRequest()),
            PlatformAction.ViewRide => () => ride.Get(caller),
            PlatformAction.AcceptRide => () => ride.Accept(caller),
            PlatformAction.DeclineRide => () => ride.Decline(caller),
            PlatformAction.MarkArrived => () => ride.MarkDriverArrived(caller),
            PlatformAction.StartRide => () => ride.Start(caller),
            PlatformAction.CompleteRide => () => ride.Complete(caller),
            PlatformAction.CancelRide => () => ride.Cancel(caller),
            PlatformAction.RateDriver => () => ride.RateDriver(caller, new RatingRequest(5)),
            PlatformAction.RateRider => () => ride.RateRider(caller, new RatingRequest(5)),
            PlatformAction.PayRide => () => ride.Pay(caller, new PaymentRequest("matrix", 0.01m)),
            PlatformAction.ReadRideChat => () => chat.GetMessages(caller, new ChatPageRequest()),
            PlatformAction.WriteRideChat => () => chat.Send(caller, "hi"),
            PlatformAction.MarkRideChatRead => () => chat.MarkRead(caller, 1),
            PlatformAction.GoOnline => () => driver.GoOnline(caller),
            PlatformAction.GoOffline => () => driver.GoOffline(caller),
            PlatformAction.UpdateLocation => () => driver.UpdateLocation(caller, new LocationUpdate(1, 1)),
            PlatformAction.ViewDriver => () => driver.Get(caller),
            PlatformAction.ViewDriverHistory => () => driver.GetHistory(caller),
            PlatformAction.UpdateDriverProfile => () => driver.UpdateProfile(caller, new DriverProfile("Matrix Driver")),
            PlatformAction.ViewRider => () => rider.Get(caller),
            PlatformAction.ViewRiderHistory => () => rider.GetHistory(caller),
            PlatformAction.UpdateRiderProfile => () => rider.UpdateProfile(caller, new RiderProfile("Matrix Rider")),
            PlatformAction.OpenSupportConversation => () => Conversation(SupportConversationIds.New()).Create(caller, Opening()),
            PlatformAction.ReadSupportConversation => Bind(await ConversationAsync(caller, relation), c => c.GetMessages(caller, new ChatPageRequest())),
            PlatformAction.JoinSupportConversation => Bind(await ConversationAsync(caller, relation), c => c.Join(caller)),
            PlatformAction.WriteSupportConversation => Bind(await ConversationAsync(caller, relation), c => c.Send(caller, "hi")),
            PlatformAction.MarkSupportRead => Bind(await ConversationAsync(caller, relation), c => c.MarkRead(caller, 1)),
            PlatformAction.CloseSupportConversation => Bind(await ConversationAsync(caller, relation), c => c.Close(caller)),
            PlatformAction.JoinSupportRoom => () => Rides.Grains.GetGrain<ISupportRoomGrain>("general_support").Join(caller),
            PlatformAction.ListSupportConversations => () => Rides.Grains.GetGrain<ISupportInboxGrain>(relation == Relation.Own ? caller.UserId : "someone_else").GetActive(caller),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a grain action"),
        };
    }

    private static Func<Task> Bind<T>(ISupportConversationGrain conversation, Func<ISupportConversationGrain, Task<T>> call) => () => call(conversation);

    private static Func<Task> Bind(ISupportConversationGrain conversation, Func<ISupportConversationGrain, Task> call) => () => call(conversation);

    // A fresh conversation in which the caller has the relation: opened by it (own), opened by another rider and joined
    // by it (participant), or opened by another rider (foreign).
    private async Task<ISupportConversationGrain> ConversationAsync(Caller caller, Relation relation)
    {
        var conversation = Conversation(SupportConversationIds.New());
        await conversation.Create(relation == Relation.Own ? caller : Caller.Rider($"opener_{Guid.NewGuid():N}"), Opening()).DefaultTimeout();
        if (relation == Relation.Participant)
        {
            await conversation.Join(caller).DefaultTimeout();
        }

        return conversation;
    }

    private ISupportConversationGrain Conversation(string id) => Rides.Grains.GetGrain<ISupportConversationGrain>(id);

    private static CreateSupportConversation Opening() => new("Matrix", "Hello");

    // Far from d1, so an allowed request is offered to nobody.
    private static RideRequest FarRequest()
    {
        var pickup = GeoMath.Offset(RidesTestCluster.Center, 50_000, 0);
        var destination = GeoMath.Offset(RidesTestCluster.Center, 53_000, 0);
        return new RideRequest(new Place(pickup.Latitude, pickup.Longitude), new Place(destination.Latitude, destination.Longitude));
    }
}
