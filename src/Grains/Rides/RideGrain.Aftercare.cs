using Rides.Grains.Authorization;
using Rides.Grains.Domain.Lifecycle;
using Rides.Grains.Domain.Ratings;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Errors;

namespace Rides.Grains.Rides;

/// <summary>After the trip: ratings both ways and the payment; and the caller's view of the ride.</summary>
public sealed partial class RideGrain
{
    private const int MaxKeyLength = 100;
    private const int MaxMethodLength = 50;

    /// <inheritdoc />
    public async Task<RatingResult> RateDriver(Caller caller, RatingRequest rating)
    {
        Authorize(caller, PlatformAction.RateDriver);
        EnsureCompleted();
        if (S.DriverRating is not null)
        {
            throw new RidesException(ErrorCodes.AlreadyRated, "You have already rated this ride.");
        }

        var normalized = RatingRules.Normalize(rating);

        // The driver counts each ride once, so a retry after a failed write below adds nothing twice.
        var result = await DriverGrain(S.Driver!.DriverId).AddRating(RideId, normalized.Stars);
        S.DriverRating = normalized.Stars;
        S.DriverRatingComment = normalized.Comment;
        await PersistAsync();
        return result;
    }

    /// <inheritdoc />
    public async Task<RatingResult> RateRider(Caller caller, RatingRequest rating)
    {
        Authorize(caller, PlatformAction.RateRider);
        EnsureCompleted();
        if (S.RiderRating is not null)
        {
            throw new RidesException(ErrorCodes.AlreadyRated, "You have already rated this ride.");
        }

        var normalized = RatingRules.Normalize(rating);
        var result = await RiderGrain(S.Rider!.RiderId).AddRating(RideId, normalized.Stars);
        S.RiderRating = normalized.Stars;
        await PersistAsync();
        return result;
    }

    /// <inheritdoc />
    public async Task<PaymentReceipt> Pay(Caller caller, PaymentRequest payment)
    {
        Authorize(caller, PlatformAction.PayRide);
        if (payment is null)
        {
            throw DomainErrors.Validation("payment", "is required");
        }

        var key = Validate.RequiredText(payment.IdempotencyKey, "idempotency_key", MaxKeyLength);
        if (payment.Amount <= 0)
        {
            throw DomainErrors.Validation("amount", "must be positive");
        }

        if (S.Payment is { } paid)
        {
            if (paid.IdempotencyKey != key)
            {
                throw new RidesException(ErrorCodes.AlreadyPaid, "This ride is already paid.", $"payment_id: {paid.PaymentId}");
            }

            return paid.Amount == payment.Amount ? paid : throw AmountMismatch(paid.Amount);
        }

        EnsureCompleted();
        var fare = S.Receipt!.Fare;
        if (payment.Amount != fare)
        {
            throw AmountMismatch(fare);
        }

        S.Payment = new PaymentReceipt(
            "pay_" + Guid.NewGuid().ToString("N"),
            RideId,
            key,
            fare,
            S.Receipt.Currency,
            Validate.OptionalText(payment.Method, "method", MaxMethodLength),
            time.GetUtcNow());
        await PersistAsync();
        return S.Payment;
    }

    private static RidesException AmountMismatch(decimal fare) =>
        new(ErrorCodes.PaymentAmountMismatch, "The amount does not match the ride's fare.", $"fare: {fare.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}");

    private void EnsureCompleted()
    {
        if (S.Status != RideStatus.Completed)
        {
            throw new RidesException(ErrorCodes.RideNotCompleted, "The ride is not completed.", $"status: {S.Status.ToWire()}");
        }
    }

    private RideView View(RideParty party)
    {
        var request = S.Request!;
        var pinVisible = party == RideParty.Rider && S.Status is RideStatus.ArrivingToPickup or RideStatus.DriverArrived;
        return new RideView(
            RideId,
            S.Status,
            S.Rider!,
            S.Driver,
            request.Pickup,
            request.Destination,
            request.VehicleType,
            request.Notes,
            S.Estimate!,
            S.Status == RideStatus.ArrivingToPickup ? S.EtaMinutes : null,
            pinVisible ? S.Pin : null,
            _trip.RequirePin,
            S.RequestedAt,
            S.AcceptedAt,
            S.ArrivedAt,
            S.StartedAt,
            S.EndedAt,
            S.Cancellation,
            S.Receipt,
            S.DriverRating is not null,
            S.RiderRating is not null,
            S.Payment,
            S.Round,
            S.Seq);
    }
}
