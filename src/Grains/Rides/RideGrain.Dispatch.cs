using Rides.Grains.Authorization;
using Rides.Grains.Dispatch;
using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;

namespace Rides.Grains.Rides;

/// <summary>Dispatch: batches of offers with a time-to-live, widening the radius, then <c>no_driver_found</c>.</summary>
public sealed partial class RideGrain
{
    /// <inheritdoc />
    public async Task Decline(Caller caller)
    {
        Authorize(caller, PlatformAction.DeclineRide);
        if (S.Status != RideStatus.FindingDriver || !S.Offered.Contains(caller.UserId))
        {
            throw new RidesException(ErrorCodes.RideNotOffered, "This ride is not offered to you.");
        }

        S.Offered.Remove(caller.UserId);
        S.Declined.Add(caller.UserId);
        await PersistAsync();
        await BestEffortAsync("withdraw a declined offer", () => DriverGrain(caller.UserId).WithdrawOffer(RideId, OfferWithdrawalReasons.Declined));
        if (S.Offered.Count == 0)
        {
            // Everyone in the batch said no: do not wait for the time-to-live.
            await AdvanceRoundAsync();
        }
    }

    /// <summary>
    /// Runs batch <paramref name="round"/>: offers the ride to the nearest eligible drivers. A batch
    /// that reaches nobody widens at once to the next; the last batch always waits its time-to-live.
    /// With <paramref name="created"/> (the ride's creation, not yet stored) the first batch is persisted
    /// whatever it holds, and <paramref name="created"/> runs once it is, before any offer goes out.
    /// </summary>
    private async Task StartRoundAsync(int round, Func<Task>? created = null)
    {
        for (var r = round; ; r++)
        {
            var last = r >= _dispatch.MaxBatches;
            var now = time.GetUtcNow();
            var candidates = await FindCandidatesAsync(r, now);
            var ids = candidates.Select(c => c.DriverId).ToList();
            S.Round = r;
            S.RoundExpiresAt = now + _dispatch.OfferTtl;
            S.Offered = ids;
            S.EverOffered.AddRange(ids);
            if (ids.Count > 0 || last || created is not null)
            {
                // Persist the batch before anyone sees an offer, so any acceptance finds it.
                await PersistAsync();
                if (created is not null)
                {
                    await created();
                    created = null;
                }
            }

            var delivered = ids.Count == 0 ? [] : await OfferAsync(candidates, r, S.RoundExpiresAt.Value);
            S.Offered = delivered;
            LogRound(logger, RideId, r, _dispatch.RadiusForRound(r), delivered.Count);
            if (delivered.Count > 0 || last)
            {
                ArmRoundTimer();
                return;
            }
        }
    }

    private async Task<IReadOnlyList<DispatchCandidate>> FindCandidatesAsync(int round, DateTimeOffset now)
    {
        // Each cell answers with at most a batch of its nearest matches; the batch is the nearest of those.
        var request = S.Request!;
        var search = planner.SearchForRound(request.Pickup.Point, request.VehicleType, round, S.EverOffered.Concat(S.Declined), now);
        var cells = planner.CellsForRound(request.Pickup.Point, round);
        var lists = await Task.WhenAll(cells.Select(c => GrainFactory.Get<IGeoCellGrain>(c.Key).FindNearest(search)));
        return planner.SelectBatch(request.Pickup.Point, request.VehicleType, round, lists.SelectMany(l => l), search.Excluded, now);
    }

    private async Task<List<string>> OfferAsync(IReadOnlyList<DispatchCandidate> candidates, int round, DateTimeOffset expiresAt)
    {
        var request = S.Request!;
        var results = await Task.WhenAll(candidates.Select(async c =>
        {
            var offer = new RideOffer(RideId, request.Pickup, request.Destination, request.VehicleType, S.Estimate!.Fare, S.Estimate.Currency, S.Rider!, Math.Round(c.DistanceMeters, 1), round, expiresAt);
            try
            {
                return (c.DriverId, Delivered: await DriverGrain(c.DriverId).Offer(offer));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogSideEffectFailed(logger, ex, RideId, "offer the ride to " + c.DriverId);
                return (c.DriverId, Delivered: false);
            }
        }));
        return results.Where(r => r.Delivered).Select(r => r.DriverId).ToList();
    }

    private void ArmRoundTimer()
    {
        _roundTimer?.Dispose();
        var due = S.RoundExpiresAt is { } expires ? expires - time.GetUtcNow() : TimeSpan.Zero;
        _roundTimer = this.RegisterGrainTimer(_ => OnRoundExpiredAsync(), due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void StopRoundTimer()
    {
        _roundTimer?.Dispose();
        _roundTimer = null;
    }

    private async Task OnRoundExpiredAsync()
    {
        _roundTimer = null;
        if (!state.RecordExists || S.Status != RideStatus.FindingDriver)
        {
            return;
        }

        if (S.RoundExpiresAt is { } expires && time.GetUtcNow() < expires)
        {
            ArmRoundTimer();
            return;
        }

        await WithdrawAsync(S.Offered.ToList(), OfferWithdrawalReasons.Expired);
        await AdvanceRoundAsync();
    }

    private async Task AdvanceRoundAsync()
    {
        StopRoundTimer();
        if (S.Round >= _dispatch.MaxBatches)
        {
            S.Offered = [];
            await CancelAsync(Caller.System, CancelReasons.NoDriverFound, withdrawReason: null);
        }
        else
        {
            await StartRoundAsync(S.Round + 1);
        }
    }

    private Task WithdrawAsync(IReadOnlyList<string> driverIds, string reason) =>
        Task.WhenAll(driverIds.Select(id => BestEffortAsync("withdraw the offer to " + id, () => DriverGrain(id).WithdrawOffer(RideId, reason))));

    private async Task StopDispatchReminderAsync()
    {
        // Another activation (before a restart or a move) may have registered it: then ask the table.
        var reminder = _dispatchReminder ?? await this.GetReminder(DispatchReminder);
        _dispatchReminder = null;
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
