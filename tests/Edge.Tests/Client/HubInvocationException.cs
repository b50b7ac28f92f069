namespace Rides.Edge.Tests.Client;

/// <summary>The server answered an invocation with a protocol-level error instead of a result.</summary>
public sealed class HubInvocationException(string message) : Exception(message);
