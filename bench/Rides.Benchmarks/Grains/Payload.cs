namespace Rides.Benchmarks.Grains;

/// <summary>What the echo benchmarks carry: about the size of a driver's location report.</summary>
[GenerateSerializer, Alias("bench.Payload")]
public sealed record Payload(string RideId, double Latitude, double Longitude, int Sequence);
