using Rides.Grains.Events;
namespace Rides.Grains.Drivers;

/// <summary>An event on a driver's <see cref="Topics.DriverOffers"/> stream.</summary>
/// <param name="Kind">Offered or withdrawn.</param>
/// <param name="RideId">The ride concerned.</param>
/// <param name="Offer">The offer, when <see cref="DriverOfferEventKind.Offered"/>.</param>
/// <param name="Reason">Why withdrawn: one of <see cref="OfferWithdrawalReasons"/>.</param>
/// <param name="At">When.</param>
[GenerateSerializer, Immutable, Alias("rides.DriverOfferEvent")]
public sealed record DriverOfferEvent(DriverOfferEventKind Kind, string RideId, RideOffer? Offer, string? Reason, DateTimeOffset At);
