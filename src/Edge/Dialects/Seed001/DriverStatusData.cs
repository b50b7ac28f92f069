namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>driver_status</c>: the answer to driver_online and driver_offline.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="IsOnline">Whether offers now reach this socket.</param>
public sealed record DriverStatusData(string DriverId, bool IsOnline);
