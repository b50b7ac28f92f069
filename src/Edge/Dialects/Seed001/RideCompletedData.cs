namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>ride_completed</c>: the trip ended.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="FinalFare">The fare.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Distance">Kilometres driven.</param>
/// <param name="Duration">Trip seconds.</param>
/// <param name="CompletedAt">When.</param>
public sealed record RideCompletedData(string RideId, decimal? FinalFare, string? Currency, double? Distance, int? Duration, DateTimeOffset CompletedAt);
