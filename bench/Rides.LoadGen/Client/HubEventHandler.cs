using System.Text.Json;

namespace Rides.LoadGen.Client;

/// <summary>
/// Called on the receive loop for every server-to-client invocation. <paramref name="payload"/> is only valid
/// during the call (clone it to keep it); <paramref name="receivedAt"/> is the stopwatch stamp of the
/// WebSocket message that carried it, taken before parsing.
/// </summary>
public delegate void HubEventHandler(string target, JsonElement payload, long receivedAt);
