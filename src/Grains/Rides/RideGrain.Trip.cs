using Rides.Grains.Authorization;
using Rides.Grains.Events;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Domain.Lifecycle;
using Rides.Grains.Domain.Trips;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Riders;
using Rides.Grains.Users;

namespace Rides.Grains.Rides;

/// <summary>The trip: acceptance, arrival, start (with the PIN), completion, cancellation, settling up.</summary>
public sealed partial class RideGrain
{
    private const int MaxReasonLength = 200;

    /// <inheritdoc />
    public async Task<RideView> Accept(Caller caller)
    {
        var party = Authorize(caller, PlatformAction.AcceptRide);
        if (party == RideParty.AssignedDriver && S.Status.HasActiveDriver())
        {
            return View(party);
        }

        var next = RideLifecycle.Next(S.Status, RideAction.Accept, party);
        if (!S.Offered.Contains(caller.UserId))
        {
            throw S.EverOffered.Contains(caller.UserId) && !S.Declined.Contains(caller.UserId)
                ? new RidesException(ErrorCodes.OfferExpired, "The offer has expired.")
                : new RidesException(ErrorCodes.RideNotOffered, "This ride is not offered to you.");
        }

        var now = time.GetUtcNow();
        if (S.RoundExpiresAt is { } expires && now >= expires)
        {
            throw new RidesException(ErrorCodes.OfferExpired, "The offer has expired.");
        }

        // DRIVER_OFFLINE / DRIVER_BUSY come from here; the driver grain never calls a ride, so no cycle.
        var assignment = await DriverGrain(caller.UserId).Assign(RideId);
        var previous = S.Status;
        var others = S.Offered.Where(id => id != caller.UserId).ToList();
        S.Status = next;
        S.Driver = assignment.Driver;
        S.AcceptedAt = now;
        S.Pin = TripPin.Generate();
        S.EtaMinutes = assignment.Location is { } at
            ? fares.EtaMinutes(GeoMath.DistanceMeters(new GeoPoint(at.Latitude, at.Longitude), S.Request!.Pickup.Point))
            : null;
        S.Offered = [];
        S.RoundExpiresAt = null;
        var evt = AppendEvent(next, previous, $"Driver {assignment.Driver.Name} is on the way!", S.EtaMinutes);
        try
        {
            await PersistAsync();
        }
        catch (RidesException)
        {
            await BestEffortAsync("release the driver after a failed acceptance", () => DriverGrain(caller.UserId).Release(RideId));
            throw;
        }

        LogAccepted(logger, RideId, caller.UserId);
        StopRoundTimer();
        await PublishAsync(evt);
        await BestEffortAsync("send the trip PIN", () => PublishPinAsync(now));
        await BestEffortAsync("tell the driver of the assignment", () => this.PublishAsync(Topics.User(caller.UserId), new UserNotification(UserNotificationKind.RideAssigned, caller.UserId, "The booking is assigned to you.", now, RideId)));
        await WithdrawAsync(others, OfferWithdrawalReasons.AcceptedByAnotherDriver);
        await BestEffortAsync("stop the dispatch reminder", StopDispatchReminderAsync);
        return View(RideParty.AssignedDriver);
    }

    /// <inheritdoc />
    public async Task<RideView> MarkDriverArrived(Caller caller)
    {
        var party = Authorize(caller, PlatformAction.MarkArrived);
        if (party == RideParty.AssignedDriver && S.Status == RideStatus.DriverArrived)
        {
            return View(party);
        }

        var next = RideLifecycle.Next(S.Status, RideAction.MarkArrived, party);
        var previous = S.Status;
        S.Status = next;
        S.ArrivedAt = time.GetUtcNow();
        var evt = AppendEvent(next, previous, $"Driver {S.Driver!.Name} has arrived.");
        await PersistAsync();
        await PublishAsync(evt);
        return View(party);
    }

    /// <inheritdoc />
    public async Task<RideView> Start(Caller caller, string? pin = null)
    {
        var party = Authorize(caller, PlatformAction.StartRide);
        if (party == RideParty.AssignedDriver && S.Status == RideStatus.DrivingToDestination)
        {
            return View(party);
        }

        var next = RideLifecycle.Next(S.Status, RideAction.Start, party);
        if (_trip.RequirePin && party != RideParty.System)
        {
            await CheckPinAsync(pin);
        }

        await DriverGrain(S.Driver!.DriverId).StartTrip(RideId);
        var previous = S.Status;
        S.Status = next;
        S.StartedAt = time.GetUtcNow();
        var evt = AppendEvent(next, previous, "The trip has started.");
        await PersistAsync();
        await PublishAsync(evt);
        return View(party);
    }

    /// <inheritdoc />
    public async Task<RideView> Complete(Caller caller)
    {
        var party = Authorize(caller, PlatformAction.CompleteRide);
        if (party == RideParty.AssignedDriver && S.Status == RideStatus.Completed)
        {
            return View(party);
        }

        var next = RideLifecycle.Next(S.Status, RideAction.Complete, party);
        var meter = await DriverGrain(S.Driver!.DriverId).ReadTripMeter(RideId);

        // With no tracked movement (an app that sent no location during the trip) the estimate's distance stands in.
        var km = meter.Updates >= 2 ? meter.DistanceMeters / 1000 : S.Estimate!.DistanceKm;
        var now = time.GetUtcNow();
        var previous = S.Status;
        S.Status = next;
        S.EndedAt = now;
        S.Receipt = fares.Final(S.Request!.VehicleType, km, now - (S.StartedAt ?? now));
        var evt = AppendEvent(next, previous, "The trip is complete.");
        await PersistAsync();

        // Settle before publishing, so an app that reacts to the event finds the driver and rider free.
        await SettleAsync();
        await PublishAsync(evt);
        return View(party);
    }

    /// <inheritdoc />
    public Task<RideView> Cancel(Caller caller, string? reason = null)
    {
        var text = caller?.Role == UserRole.System
            ? reason ?? CancelReasons.Unspecified
            : Validate.OptionalText(reason, "reason", MaxReasonLength) ?? CancelReasons.Unspecified;
        return CancelAsync(caller!, text, OfferWithdrawalReasons.RideCanceled);
    }

    private async Task<RideView> CancelAsync(Caller caller, string reason, string? withdrawReason)
    {
        var party = Authorize(caller, PlatformAction.CancelRide);
        var next = RideLifecycle.Next(S.Status, RideAction.Cancel, party);
        var previous = S.Status;
        var offered = S.Offered.ToList();
        S.Status = next;
        S.EndedAt = time.GetUtcNow();
        S.Offered = [];
        S.RoundExpiresAt = null;
        S.Cancellation = new CancellationInfo(caller.Role, caller.UserId, reason, previous);
        var message = reason == CancelReasons.NoDriverFound
            ? "No driver was found for your ride."
            : $"The ride was canceled by the {UserRoleNames.ToWire(caller.Role)}.";
        var evt = AppendEvent(next, previous, message);
        await PersistAsync();
        LogCanceled(logger, RideId, caller.Role, reason);
        StopRoundTimer();
        await SettleAsync();
        await PublishAsync(evt);
        if (withdrawReason is not null)
        {
            await WithdrawAsync(offered, withdrawReason);
        }

        if (previous == RideStatus.FindingDriver)
        {
            await BestEffortAsync("stop the dispatch reminder", StopDispatchReminderAsync);
        }

        return View(party);
    }

    private async Task CheckPinAsync(string? pin)
    {
        switch (TripPin.Check(S.Pin ?? string.Empty, pin, S.PinFailures, _trip.MaxPinAttempts))
        {
            case PinCheckResult.Valid:
                return;
            case PinCheckResult.Wrong:
                S.PinFailures++;
                await PersistAsync();
                throw new RidesException(ErrorCodes.InvalidPin, "The trip PIN is wrong.", $"attempts_left: {_trip.MaxPinAttempts - S.PinFailures}");
            case PinCheckResult.WrongNowLocked:
                S.PinFailures++;
                await PersistAsync();
                throw PinLocked();
            default:
                throw PinLocked();
        }
    }

    private static RidesException PinLocked() =>
        new(ErrorCodes.PinAttemptsExceeded, "Too many wrong trip PINs; the ride cannot be started and must be canceled.");

    private Task PublishPinAsync(DateTimeOffset now) =>
        this.PublishAsync(Topics.User(S.Rider!.RiderId), new UserNotification(UserNotificationKind.TripPin, S.Rider.RiderId, "Your ride has been accepted. Here is your PIN to start the trip.", now, RideId, S.Pin));

    /// <summary>Tells the driver, the rider and the counters that the ride is over; retried until it succeeds.</summary>
    private async Task SettleAsync()
    {
        if (S.Settled)
        {
            return;
        }

        try
        {
            var request = S.Request!;
            var entry = new RideHistoryEntry(
                RideId,
                S.Status,
                S.Driver?.DriverId,
                request.Pickup,
                request.Destination,
                S.Receipt?.Fare,
                S.RequestedAt,
                S.EndedAt ?? time.GetUtcNow(),
                S.Rider!.RiderId,
                S.Receipt?.DistanceKm,
                S.Receipt?.Currency);
            if (S.Driver is { } driver)
            {
                await DriverGrain(driver.DriverId).EndRide(entry);
            }

            await RiderGrain(S.Rider.RiderId).EndRide(entry);
            await Stats.ReportRide(RideId, active: false);

            // Stored with the ride's next write (a rating, a payment) or when the activation leaves, not on its own:
            // every step above is idempotent, so a crash before then costs only settling again on the next activation.
            S.Settled = true;
            _settledUnsaved = true;
            ArmEndedTimer();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSideEffectFailed(logger, ex, RideId, "settle the ended ride (will retry)");
            ArmSettleTimer(SettleRetryDelay);
        }
    }

    // An ended, settled ride has nothing left to do on its own: its activation leaves memory after
    // TripOptions.EndedRideIdle instead of Orleans' collection age (15 minutes), so memory follows the live rides.
    // A later call (a rating, a payment, a history read) activates it again from its stored state.
    private void ArmEndedTimer()
    {
        _endedTimer?.Dispose();
        _endedTimer = this.RegisterGrainTimer(
            _ =>
            {
                _endedTimer = null;
                DeactivateOnIdle();
                return Task.CompletedTask;
            },
            _trip.EndedRideIdle,
            Timeout.InfiniteTimeSpan);
    }

    private void ArmSettleTimer(TimeSpan due)
    {
        _settleTimer?.Dispose();
        _settleTimer = this.RegisterGrainTimer(
            async _ =>
            {
                _settleTimer = null;
                await SettleAsync();
            },
            due,
            Timeout.InfiniteTimeSpan);
    }
}
