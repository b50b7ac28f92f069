namespace Rides.Edge.Dialects.Seed001;

/// <summary>The data of a plain acknowledgement (<c>location_updated</c>).</summary>
/// <param name="Message">A human message.</param>
public sealed record MessageData(string Message);
