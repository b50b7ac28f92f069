namespace Rides.Grains.Riders;

/// <summary>A rider's profile.</summary>
/// <param name="Name">Display name (1–100 characters).</param>
/// <param name="Phone">Phone number: optional '+' and 7–15 digits; stored without spaces or '-'.</param>
[GenerateSerializer, Immutable, Alias("rides.RiderProfile")]
public sealed record RiderProfile(string Name, string? Phone = null);
