using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;
using Rides.Edge.Tests.Dialects;

namespace Rides.Edge.Tests.Security.Matrix;

/// <summary>
/// The matrix's world, set up once on one server: a completed ride of the rider and driver columns (theirs), a completed
/// ride of two other users (foreign), one hub connection and one socket per dialect for every role, and another rider who
/// opens the foreign conversations. Completed rides keep every relation fixed: what an allowed call may still change
/// (a rating, going online) never changes who is whose.
/// </summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    private readonly Dictionary<string, TestUser> _users = [];
    private readonly Dictionary<string, SocketTestClient> _seed001 = [];
    private readonly Dictionary<string, SocketTestClient> _seed003 = [];
    private readonly Dictionary<string, SocketTestClient> _seed004 = [];
    private EdgeTestServer? _server;
    private RideScenario? _own;
    private RideScenario? _foreign;

    /// <summary>The server.</summary>
    public EdgeTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>The completed ride of the rider and driver columns.</summary>
    public string OwnRideId => _own!.RideId;

    /// <summary>The completed ride of two other users.</summary>
    public string ForeignRideId => _foreign!.RideId;

    /// <summary>The other rider: owner of the foreign ride and of the foreign conversations and user room.</summary>
    public TestUser Other => _foreign!.Rider;

    /// <summary>Where allowed ride requests go: far from every driver.</summary>
    public TestArea RequestArea { get; } = TestArea.Next();

    /// <summary>The user of a role column.</summary>
    public TestUser User(string role) => _users[role];

    /// <summary>The role's seed 001 socket.</summary>
    public SocketTestClient Seed001(string role) => _seed001[role];

    /// <summary>The role's seed 003 socket.</summary>
    public SocketTestClient Seed003(string role) => _seed003[role];

    /// <summary>The role's seed 004 socket.</summary>
    public SocketTestClient Seed004(string role) => _seed004[role];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await EdgeTestServer.StartAsync(new Dictionary<string, string?> { ["Rides:Edge:Events:EndedRideLinger"] = "00:00:00.100" }).ConfigureAwait(false);
        _own = await CompletedRideAsync().ConfigureAwait(false);
        _foreign = await CompletedRideAsync().ConfigureAwait(false);
        _users["rider"] = _own.Rider;
        _users["driver"] = _own.Driver;
        foreach (var role in new[] { "staff", "admin", "operator", "regulator" })
        {
            _users[role] = await Server.ConnectNewAsync(role).ConfigureAwait(false);
        }

        foreach (var role in MatrixRoles.All.Skip(1))
        {
            var token = _users[role].Token;
            _seed001[role] = await Server.Seed001Async(token).ConfigureAwait(false);
            await _seed001[role].WaitForAsync("connected").ConfigureAwait(false);
            _seed003[role] = await Server.Seed003Async(token).ConfigureAwait(false);
            Assert.True((await _seed003[role].AnswerAsync("get_active_conversations", new JsonObject()).ConfigureAwait(false)).At("success").GetBoolean());
            _seed004[role] = await Server.Seed004Async(token).ConfigureAwait(false);
            await _seed004[role].WaitForAsync("connected").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A new conversation for a cell: opened by the role's user (own; staff and admins join one the other rider opened, so
    /// they are participants), by the other rider (foreign), or an id nothing exists under (missing).
    /// </summary>
    public async Task<string> ConversationAsync(string role, MatrixTarget target)
    {
        if (target == MatrixTarget.Missing)
        {
            return TestIds.New("conv_missing");
        }

        var staff = role is "staff" or "admin";
        var opener = target == MatrixTarget.Own && !staff ? User(role) : Other;
        var created = Envelope.Success(await opener.Hub.InvokeAsync("create_support_conversation", new JsonObject { ["title"] = "Matrix", ["content"] = "Hello" }).DefaultTimeout().ConfigureAwait(false));
        var id = created.Str("conversation_id")!;
        if (target == MatrixTarget.Own && staff)
        {
            Envelope.Success(await User(role).Hub.InvokeAsync("join_conversation", new JsonObject { ["conversation_id"] = id }).DefaultTimeout().ConfigureAwait(false));
        }

        return id;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var socket in _seed001.Values.Concat(_seed003.Values).Concat(_seed004.Values))
        {
            await socket.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var (role, user) in _users)
        {
            if (role is not ("rider" or "driver"))
            {
                await user.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (_own is not null)
        {
            await _own.DisposeAsync().ConfigureAwait(false);
        }

        if (_foreign is not null)
        {
            await _foreign.DisposeAsync().ConfigureAwait(false);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<RideScenario> CompletedRideAsync()
    {
        var scenario = await RideScenario.AcceptedAsync(Server).ConfigureAwait(false);
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("start_ride", scenario.RidePayload()).DefaultTimeout().ConfigureAwait(false));
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("complete_ride", scenario.RidePayload()).DefaultTimeout().ConfigureAwait(false));

        // The edge releases an ended ride's subscriptions shortly after its final status; the cells start from there.
        await Server.Subscriptions.UntilAsync(
            r => !r.TopicsOf(scenario.Rider.Hub.ConnectionId).Concat(r.TopicsOf(scenario.Driver.Hub.ConnectionId)).Any(t => t.Key == scenario.RideId),
            TestTimeouts.Event).ConfigureAwait(false);
        return scenario;
    }
}
