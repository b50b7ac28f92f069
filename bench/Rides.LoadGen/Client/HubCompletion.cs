using System.Text.Json;

namespace Rides.LoadGen.Client;

/// <summary>The answer to an invocation, with the client's stopwatch stamps of the send and of the answer's arrival.</summary>
/// <param name="Result">The completion's result (a clone; undefined when the server sent an error).</param>
/// <param name="Error">The protocol-level error, if the server sent one instead of a result.</param>
/// <param name="SentAt"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> just before the invocation went to the socket.</param>
/// <param name="ReceivedAt">The stamp of the WebSocket message that carried the completion.</param>
public readonly record struct HubCompletion(JsonElement Result, string? Error, long SentAt, long ReceivedAt);
