using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;
using Rides.Edge.Tests.Dialects;

namespace Rides.Edge.Tests.Fuzz;

/// <summary>The fuzz suites share one server and one world; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzWorld>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "fuzz";
}

/// <summary>
/// What the fuzzers attack and watch: bystanders in an accepted ride (its rider on the hub and on a seed 001 socket,
/// its driver, a staff observer in the room), a support conversation of the bystander driver that the observer joined,
/// and one attacker of each role, a stranger to all of it. <see cref="SnapshotAsync"/> reads the state no malformed
/// input may change; <see cref="ProbeAsync"/> checks that the bystanders still get their events.
/// </summary>
public sealed class FuzzWorld : IAsyncLifetime
{
    private readonly Dictionary<string, TestUser> _attackers = new(StringComparer.Ordinal);
    private EdgeTestServer? _server;
    private RideScenario? _ride;
    private TestUser? _observer;
    private SocketTestClient? _riderSocket;
    private int _probe;

    /// <summary>The attacker roles.</summary>
    public static IReadOnlyList<string> AttackerRoles { get; } = ["rider", "driver", "staff", "admin"];

    /// <summary>The server.</summary>
    public EdgeTestServer Server => _server ?? throw new InvalidOperationException("The fuzz world has not started.");

    /// <summary>The bystanders' ride (accepted).</summary>
    public RideScenario Ride => _ride ?? throw new InvalidOperationException("The fuzz world has not started.");

    /// <summary>The bystander driver's support conversation.</summary>
    public string ConversationId { get; private set; } = string.Empty;

    /// <summary>A message id that exists in the ride's chat and in the conversation.</summary>
    public string MessageId => "1";

    /// <summary>Ids of other users' resources and of none, well-formed: what the rules (not the syntax) refuse a stranger.</summary>
    public IReadOnlyList<string> ForeignRides => [Ride.RideId, "ride_" + "0123456789abcdef"];

    /// <summary>The same for conversations.</summary>
    public IReadOnlyList<string> ForeignConversations => [ConversationId, "conv_missing_0123456789"];

    /// <summary>The attacker of <paramref name="role"/>: a user with no ride, no conversation, no rooms.</summary>
    public TestUser Attacker(string role) => _attackers[role];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await EdgeTestServer.StartAsync().ConfigureAwait(false);
        _ride = await RideScenario.AcceptedAsync(Server).ConfigureAwait(false);
        _observer = await Server.ConnectNewAsync("staff", "Olga Observer").ConfigureAwait(false);
        Envelope.Success(await _observer.Hub.InvokeAsync("join_ride_room", Ride.RidePayload()).DefaultTimeout().ConfigureAwait(false));

        var chat = Envelope.Success(await Ride.Rider.Hub.InvokeAsync("send_chat_message", new JsonObject { ["ride_id"] = Ride.RideId, ["message"] = "On my way down" }).DefaultTimeout().ConfigureAwait(false));
        Assert.Equal(1, chat.Long("chat_id"));
        var created = Envelope.Success(await Ride.Driver.Hub.InvokeAsync("create_support_conversation", new JsonObject { ["title"] = "Flat tyre", ["content"] = "Need help" }).DefaultTimeout().ConfigureAwait(false));
        ConversationId = created.Str("conversation_id")!;
        Envelope.Success(await _observer.Hub.InvokeAsync("join_conversation", new JsonObject { ["conversation_id"] = ConversationId }).DefaultTimeout().ConfigureAwait(false));

        _riderSocket = await Server.Seed001Async(Ride.Rider.Token).ConfigureAwait(false);
        await _riderSocket.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = Ride.RideId }, "ride_joined").ConfigureAwait(false);

        foreach (var role in AttackerRoles)
        {
            _attackers[role] = await Server.ConnectNewAsync(role, "Attacker " + role).ConfigureAwait(false);
        }

        // The attacker driver is a driver with a profile, offline; the attacker rider has a profile and no ride.
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Put, "/api/v1/drivers/me", Attacker("driver").Token, new JsonObject { ["name"] = "Attacker Driver", ["vehicle_make"] = "Lada" }).ConfigureAwait(false)).Status);
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Put, "/api/v1/riders/me", Attacker("rider").Token, new JsonObject { ["name"] = "Attacker Rider" }).ConfigureAwait(false)).Status);
    }

    /// <summary>
    /// The state no malformed input may change, as text: the ride (as its rider sees it), the bystander driver's and
    /// the attackers' profiles, the conversation's messages and everyone's active conversations.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        text.AppendLine(Stable((await Server.SendAsync(HttpMethod.Get, $"/api/v1/rides/{Ride.RideId}", Ride.Rider.Token).ConfigureAwait(false)).Text));
        text.AppendLine(Stable((await Server.SendAsync(HttpMethod.Get, "/api/v1/drivers/me", Ride.Driver.Token).ConfigureAwait(false)).Text));
        text.AppendLine(Stable((await Server.SendAsync(HttpMethod.Get, "/api/v1/drivers/me", Attacker("driver").Token).ConfigureAwait(false)).Text));
        text.AppendLine(Stable((await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/me", Attacker("rider").Token).ConfigureAwait(false)).Text));
        text.AppendLine(Stable((await Ride.Driver.Hub.InvokeAsync("get_conversation_messages", new JsonObject { ["conversation_id"] = ConversationId }).DefaultTimeout().ConfigureAwait(false)).GetRawText()));
        text.AppendLine(Stable((await Ride.Rider.Hub.InvokeAsync("get_ride_chats", Ride.RidePayload()).DefaultTimeout().ConfigureAwait(false)).GetRawText()));
        foreach (var user in new[] { Ride.Driver, Attacker("rider"), Attacker("driver") })
        {
            text.AppendLine(Stable((await user.Hub.InvokeAsync("get_active_conversations", new JsonObject()).DefaultTimeout().ConfigureAwait(false)).GetRawText()));
        }

        return text.ToString();
    }

    /// <summary>
    /// The bystanders still get their events: the ride's driver reports a location, and the rider (hub and seed 001
    /// socket) and the observer receive it; the driver types in the conversation and the observer hears it.
    /// </summary>
    public async Task ProbeAsync()
    {
        var n = Interlocked.Increment(ref _probe);
        var location = Ride.Area.Location(200 + n);
        var latitude = location["latitude"]!.GetValue<double>();
        var riderSkip = Ride.Rider.Hub.Events.Count;
        var observerSkip = _observer!.Hub.Events.Count;
        var socketSkip = _riderSocket!.Frames.Count;
        Envelope.Success(await Ride.Driver.Hub.InvokeAsync("update_location", location).DefaultTimeout().ConfigureAwait(false));
        bool Here(JsonElement e) => Math.Abs(e.Dbl("latitude") - latitude) < 1e-9;
        await Ride.Rider.Hub.Events.WaitForAsync("driver_location_update", Here, skip: riderSkip).ConfigureAwait(false);
        await _observer.Hub.Events.WaitForAsync("driver_location_update", Here, skip: observerSkip).ConfigureAwait(false);
        await _riderSocket.Frames.WaitForAsync("driver_location_update", e => Math.Abs(e.Dbl("data.latitude") - latitude) < 1e-9, skip: socketSkip).ConfigureAwait(false);

        observerSkip = _observer.Hub.Events.Count;
        var typing = n % 2 == 0;
        Envelope.Success(await Ride.Driver.Hub.InvokeAsync("typing_indicator", new JsonObject { ["conversation_id"] = ConversationId, ["is_typing"] = typing }).DefaultTimeout().ConfigureAwait(false));
        await _observer.Hub.Events.WaitForAsync("typing_status", e => e.Str("conversation_id") == ConversationId && e.At("is_typing").GetBoolean() == typing, skip: observerSkip).ConfigureAwait(false);
    }

    /// <summary>Runs every case of <paramref name="target"/>: snapshot, the case, the state again, the probe; a failure names the case.</summary>
    public async Task RunAsync<T>(string target, CsCheck.Gen<T> cases, Func<T, Task> attack, Func<T, string> describe)
    {
        ArgumentNullException.ThrowIfNull(attack);
        ArgumentNullException.ThrowIfNull(describe);
        var ran = 0;
        foreach (var (index, value) in FuzzSettings.Cases(cases, target))
        {
            var where = FuzzSettings.Describe(target, index) + ": " + describe(value);
            try
            {
                var before = await SnapshotAsync().ConfigureAwait(false);
                await attack(value).ConfigureAwait(false);
                var after = await SnapshotAsync().ConfigureAwait(false);
                Assert.True(before == after, $"the state changed.\nbefore:\n{before}\nafter:\n{after}");
                await ProbeAsync().ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                throw new Xunit.Sdk.XunitException($"{where}\n{failure.GetType().Name}: {failure.Message}");
            }

            ran++;
        }

        Assert.Equal(FuzzSettings.Iterations, ran);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var attacker in _attackers.Values)
        {
            await attacker.DisposeAsync().ConfigureAwait(false);
        }

        if (_riderSocket is not null)
        {
            await _riderSocket.DisposeAsync().ConfigureAwait(false);
        }

        if (_observer is not null)
        {
            await _observer.DisposeAsync().ConfigureAwait(false);
        }

        if (_ride is not null)
        {
            await _ride.DisposeAsync().ConfigureAwait(false);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Drops what changes by itself between two reads (server timestamps), keeping everything the fuzz may not change.
    private static string Stable(string json)
    {
        var node = JsonNode.Parse(json);
        Strip(node);
        return node?.ToJsonString() ?? string.Empty;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("timestamp");
                foreach (var (_, child) in obj.ToList())
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }

    /// <summary>Formats a number for a path or query.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
