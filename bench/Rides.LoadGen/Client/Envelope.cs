using System.Text.Json;

namespace Rides.LoadGen.Client;

/// <summary>Reads the edge's answer envelope (<c>{status, message, code?, …}</c>) off a completion.</summary>
public static class Envelope
{
    /// <summary>Whether the call completed with <c>status: success</c>.</summary>
    public static bool IsSuccess(HubCompletion answer) =>
        answer.Error is null && answer.Result.ValueKind == JsonValueKind.Object
        && answer.Result.TryGetProperty("status", out var status) && status.GetString() == "success";

    /// <summary>The error code of a refused call, or the protocol error, for counting refusals.</summary>
    public static string Code(HubCompletion answer) =>
        answer.Error ?? (answer.Result.ValueKind == JsonValueKind.Object && answer.Result.TryGetProperty("code", out var code) ? code.GetString() ?? "?" : "?");

    /// <summary>Returns <paramref name="answer"/> when it is a success; throws with what failed otherwise.</summary>
    public static HubCompletion Expect(HubCompletion answer, string what) => IsSuccess(answer)
        ? answer
        : throw new InvalidOperationException($"{what} failed: {answer.Error ?? answer.Result.GetRawText()}");
}
