using System.Text.Json;

namespace Rides.Edge.Tests.Client;

/// <summary>A server-to-client invocation: the client method's name and its one argument.</summary>
public sealed record HubEvent(string Target, JsonElement Payload);
