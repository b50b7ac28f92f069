using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol;

namespace Rides.LoadGen.Client;

/// <summary>Timed invocations of the hubs' methods, which all take one JSON object and answer an envelope.</summary>
public static class HubInvocations
{
    /// <summary>
    /// Invokes <paramref name="method"/> (a wire name) with <paramref name="payload"/> as its one argument.
    /// The round trip runs from just before the call to just after it returned, so it includes the client's
    /// JSON serialization of the call and deserialization of the answer (the hand-written client this replaced
    /// stamped the bytes at the socket); both hubs pay the same.
    /// </summary>
    public static async Task<HubAnswer> InvokeTimedAsync(this HubConnection connection, string method, object payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            var response = await connection.InvokeAsync<HubResponse>(method, payload, cancellationToken).ConfigureAwait(false);
            return new HubAnswer(response, null, sentAt, Stopwatch.GetTimestamp());
        }
        catch (HubException exception)
        {
            return new HubAnswer(null, exception.Message, sentAt, Stopwatch.GetTimestamp());
        }
    }
}
