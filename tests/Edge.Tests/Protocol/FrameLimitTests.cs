using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;
using Rides.Edge.Tests.Dialects;

namespace Rides.Edge.Tests.Protocol;

/// <summary>
/// Oversized and too-deep frames: the hub closes the connection with a SignalR Close message whose error carries the
/// code (PAYLOAD_TOO_LARGE, VALIDATION_FAILED) and logs it; every dialect answers its error frame with
/// PAYLOAD_TOO_LARGE before the 1009 close, and answers a too-deep frame VALIDATION_FAILED with the socket kept open.
/// </summary>
public sealed class FrameLimitTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private const byte RecordSeparator = 0x1e;

    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_hub_message_over_64_kb_gets_a_close_message_with_payload_too_large_and_a_log_line()
    {
        await using var bystander = await Server.ConnectNewAsync("rider");
        await using var client = await Server.ConnectAsync(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        var big = "{\"type\":1,\"invocationId\":\"1\",\"target\":\"ping\",\"arguments\":[{\"timestamp\":\"" + new string('x', 70 * 1024) + "\"}]}";
        await client.SendRawAsync([.. Encoding.UTF8.GetBytes(big), RecordSeparator]);

        var closed = await client.Closed.DefaultTimeout();
        Assert.NotNull(closed.Error);
        Assert.Contains("PAYLOAD_TOO_LARGE", closed.Error, StringComparison.Ordinal);
        Assert.Contains(Server.Logs.Entries, e => e.EventId.Id == 210 && e.Text.Contains("PAYLOAD_TOO_LARGE", StringComparison.Ordinal));
        Envelope.Success(await bystander.Hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
    }

    [Fact]
    public async Task A_hub_message_nested_deeper_than_64_levels_gets_a_close_message_with_validation_failed()
    {
        await using var client = await Server.ConnectAsync(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        var deep = Nested(70);
        var closing = client.InvokeRawAsync("get_ride_state", "[{\"ride_id\":" + deep + "}]");

        await Assert.ThrowsAsync<HubConnectionClosedException>(() => closing.DefaultTimeout());
        var closed = await client.Closed.DefaultTimeout();
        Assert.Contains("VALIDATION_FAILED", closed.Error ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("64 levels", closed.Error ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(Server.Logs.Entries, e => e.EventId.Id == 210 && e.Text.Contains("deeper than 64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hub_message_within_the_depth_is_answered_and_the_connection_stays_open()
    {
        await using var client = await Server.ConnectAsync(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        var answer = await client.InvokeRawAsync("get_ride_state", "[{\"ride_id\":" + Nested(60) + "}]").DefaultTimeout();
        Assert.Equal("ride_id must be a string", Envelope.Error(answer, "VALIDATION_FAILED").Str("detail"));
        Envelope.Success(await client.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
    }

    [Fact]
    public async Task A_hub_message_that_is_not_json_gets_a_close_message_with_validation_failed()
    {
        await using var client = await Server.ConnectAsync(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        await client.SendRawAsync([.. "{\"type\":1,\"target\":"u8.ToArray(), RecordSeparator]);
        var closed = await client.Closed.DefaultTimeout();
        Assert.Contains("VALIDATION_FAILED", closed.Error ?? string.Empty, StringComparison.Ordinal);
    }

    public static TheoryData<string> Dialects => ["seed001", "seed002", "seed003", "seed004"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_dialect_frame_over_64_kb_is_answered_payload_too_large_before_the_1009_close(string dialect)
    {
        await using var socket = await ConnectAsync(dialect);
        var before = socket.Frames.Count;
        var big = "{\"type\":\"ping\",\"timestamp\":\"" + new string('x', 70 * 1024) + "\"}";
        await socket.SendRawAsync(Encoding.UTF8.GetBytes(big), WebSocketMessageType.Text);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await socket.Closed.WaitAsync(TestTimeouts.Event));
        var error = await NextErrorAsync(dialect, socket, before);
        Assert.Equal("PAYLOAD_TOO_LARGE", error.code);
        Assert.Equal(before + 1, socket.Frames.Count);
        Assert.Contains("64 KB", error.message, StringComparison.Ordinal);
        Assert.Contains(Server.Logs.Entries, e => e.EventId.Id == 507);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_dialect_frame_nested_deeper_than_64_levels_is_answered_validation_failed_and_the_socket_stays_open(string dialect)
    {
        await using var socket = await ConnectAsync(dialect);
        var before = socket.Frames.Count;
        await socket.SendTextAsync("{\"type\":\"ping\",\"data\":" + Nested(70) + "}");
        Assert.Equal(("VALIDATION_FAILED", "The frame is nested too deeply."), await NextErrorAsync(dialect, socket, before));

        // Still open: the next frame is answered.
        before = socket.Frames.Count;
        await socket.SendTextAsync("{\"type\":\"unknown_type\"}");
        Assert.Equal("UNKNOWN_MESSAGE_TYPE", (await NextErrorAsync(dialect, socket, before)).code);
        Assert.True(socket.IsOpen);
    }

    internal static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private async Task<SocketTestClient> ConnectAsync(string dialect)
    {
        SocketTestClient socket;
        switch (dialect)
        {
            case "seed001":
                socket = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
                await socket.WaitForAsync("connected");
                break;
            case "seed002":
                socket = await Server.Seed002Async("/ws/bookings/", EdgeTestServer.Token(TestIds.New("rider"), "rider"));
                await socket.ReadyAsync();
                break;
            case "seed003":
                socket = await Server.Seed003Async(EdgeTestServer.Token(TestIds.New("driver"), "driver"));
                await socket.AnswerAsync("get_active_conversations", []);
                break;
            default:
                socket = await Server.Seed004Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
                await socket.WaitForAsync("connected");
                break;
        }

        return socket;
    }

    /// <summary>The first error frame of the dialect after the first <paramref name="skip"/> frames: its code and message.</summary>
    internal static async Task<(string code, string message)> NextErrorAsync(string dialect, SocketTestClient socket, int skip)
    {
        switch (dialect)
        {
            case "seed001":
                var e1 = await socket.Frames.WaitForAsync("error", skip: skip);
                return (e1.Str("data.code")!, e1.Str("data.message")!);
            case "seed004":
                var e4 = await socket.Frames.WaitForAsync("error", skip: skip);
                return (e4.Str("code")!, e4.Str("message")!);
            default:
                var e = await socket.Frames.WaitForAsync(string.Empty, f => f.Has("success") && !f.At("success").GetBoolean(), skip: skip);
                return (e.Str("code")!, e.Str(dialect == "seed002" ? "message" : "error")!);
        }
    }
}
