namespace Rides.Grains.Riders;

/// <summary>A rider's profile.</summary>
/// <param name="Name">Display name (1–100 characters).</param>
[GenerateSerializer, Alias("rides.RiderProfile")]
public sealed record RiderProfile(string Name);
