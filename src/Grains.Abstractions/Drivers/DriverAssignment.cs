namespace Rides.Grains.Drivers;

/// <summary>The answer of a driver to being assigned a ride.</summary>
/// <param name="Driver">What the rider sees of the driver.</param>
/// <param name="Location">The driver's last location, for the ETA.</param>
[GenerateSerializer, Alias("rides.DriverAssignment")]
public sealed record DriverAssignment(DriverInfo Driver, DriverLocation? Location);
