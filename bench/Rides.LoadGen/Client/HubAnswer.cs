using Rides.Edge.Protocol;

namespace Rides.LoadGen.Client;

/// <summary>The answer to an invocation, with the client's stopwatch stamps of the call and of the answer.</summary>
/// <param name="Response">The envelope <c>{status, message, data?, code?, …}</c>; null when the hub raised an error instead.</param>
/// <param name="Error">The hub error's message (a <c>HubException</c> on the client), if the server sent one instead of a result.</param>
/// <param name="SentAt"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> just before the call, so before the client serialized it.</param>
/// <param name="ReceivedAt">The stamp taken when the call returned, after the client deserialized the answer.</param>
public readonly record struct HubAnswer(HubResponse? Response, string? Error, long SentAt, long ReceivedAt)
{
    /// <summary>Whether the call completed with <c>status: success</c>.</summary>
    public bool IsSuccess => Error is null && Response?.Status == HubResponse.SuccessStatus;

    /// <summary>The error code of a refused call, or the hub error, for counting refusals.</summary>
    public string Code => Error ?? Response?.Code ?? "?";

    /// <summary>Returns this answer when it is a success; throws with what failed otherwise.</summary>
    public HubAnswer Expect(string what) => IsSuccess
        ? this
        : throw new InvalidOperationException($"{what} failed: {Error ?? $"{Response?.Code}: {Response?.Message} {Response?.Detail}"}");
}
