namespace Rides.Edge.Dialects.Seed004;

/// <summary>A position.</summary>
/// <param name="Latitude">Degrees.</param>
/// <param name="Longitude">Degrees.</param>
public sealed record Seed004Location(double Latitude, double Longitude);
