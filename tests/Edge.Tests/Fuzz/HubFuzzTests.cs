using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Rides.Edge.Protocol;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Fuzz;

/// <summary>
/// Property: every malformed payload of every hub method, from any role, is answered by an error envelope with a
/// documented code (never INTERNAL_ERROR), changes no ride, driver or conversation, leaves the connection usable (a
/// ping answers), and leaves the bystanders' connections and events alone. A call with another number of arguments
/// fails as a SignalR completion error, the connection open.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class HubFuzzTests(FuzzWorld world)
{
    /// <summary>Every hub method name, from <see cref="HubMethodNames"/>, and the conversation variants of the chat methods.</summary>
    public static TheoryData<string> Targets
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in typeof(HubMethodNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!))
            {
                data.Add(name);
            }

            data.Add("send_chat_message/conversation");
            data.Add("typing_indicator/conversation");
            data.Add("mark_message_read/conversation");
            return data;
        }
    }

    [Fact]
    public void Every_hub_method_has_a_fuzz_shape()
    {
        var shapes = FuzzShapes.Hub(world).Select(s => s.Target).ToHashSet(StringComparer.Ordinal);
        var missing = ((IEnumerable<object[]>)Targets).Select(row => (string)row[0]).Where(t => !shapes.Contains(t)).ToList();
        Assert.True(missing.Count == 0, "No fuzz shape for hub methods: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Malformed_payloads_are_refused_cleanly_and_change_nothing(string target)
    {
        var shape = FuzzShapes.Hub(world).Single(s => s.Target == target);
        var method = target.Split('/')[0];
        var cases = Gen.OneOf([.. shape.Roles]).SelectMany(role =>
            Gen.Frequency(
                (9, Defects.Payload(shape, foreignAllowed: role is "rider" or "driver").Select(p => (Role: role, Arguments: "[" + p.Payload + "]", p.What, Completion: false))),
                (1, Gen.OneOf("[]", "[{},{}]", $"[{shape.Valid()},1]", "[null,null]").Select(a => (Role: role, Arguments: a, What: "wrong argument count", Completion: true)))));

        await world.RunAsync(target, cases, async c =>
        {
            var attacker = world.Attacker(c.Role).Hub;
            if (c.Completion)
            {
                await Assert.ThrowsAsync<HubInvocationException>(() => attacker.InvokeRawAsync(method, c.Arguments).DefaultTimeout());
            }
            else
            {
                var answer = await attacker.InvokeRawAsync(method, c.Arguments).DefaultTimeout();
                AssertCleanRefusal(answer);
            }

            Envelope.Success(await attacker.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
        }, c => $"{c.Role} calls {method} {RawJson.Short(c.Arguments)} ({c.What})");
    }

    internal static void AssertCleanRefusal(JsonElement answer)
    {
        Assert.True(answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("status", out var status) && status.GetString() == "error", "expected an error envelope, got " + answer.GetRawText());
        var code = answer.Str("code");
        Assert.True(DocumentedCodes.IsCleanRefusal(code), $"code {code} is not a documented refusal: {answer.GetRawText()}");
        Assert.False(string.IsNullOrWhiteSpace(answer.Str("message")), "an error without a message: " + answer.GetRawText());
        Envelope.AssertNoInternals(answer);
    }
}
