namespace Rides.Grains.Riders;

/// <summary>A rider's profile.</summary>
/// <param name="Name">Display name (1–100 characters).</param>
public sealed record RiderProfile(string Name);
