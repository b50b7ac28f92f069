using Orleans.Placement;
using Orleans.Storage;
using Rides.Grains.Authorization;
using Rides.Grains.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Domain.Fares;
using Rides.Grains.Domain.Lifecycle;
using Rides.Grains.Domain.Requests;
using Rides.Grains.Domain.Trips;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Riders;
using Rides.Grains.Stats;
using Rides.Grains.Users;

namespace Rides.Grains.Rides;

/// <summary>
/// A ride: lifecycle, dispatch, trip, rating and payment. Calls go one way only — to the rider,
/// driver, geo-cell and stats grains, none of which calls a ride — so there is no call cycle.
/// Every change is persisted before it is answered and published after.
/// </summary>
[GrainType("ride")]
[RandomPlacement]
public sealed partial class RideGrain(
    [PersistentState("ride")] IPersistentState<RideState> state,
    IOptions<DispatchOptions> dispatchOptions,
    IOptions<TripOptions> tripOptions,
    FareCalculator fares,
    DispatchPlanner planner,
    TimeProvider time,
    ILogger<RideGrain> logger) : Grain, IRideGrain, IRemindable
{
    private const string DispatchReminder = "dispatch";
    private static readonly TimeSpan SettleRetryDelay = TimeSpan.FromSeconds(10);

    private readonly DispatchOptions _dispatch = dispatchOptions.Value;
    private readonly TripOptions _trip = tripOptions.Value;
    private IGrainTimer? _roundTimer;
    private IGrainTimer? _settleTimer;
    private IGrainTimer? _endedTimer;

    // Settled in memory but not yet stored (SettleAsync); PersistAsync and OnDeactivateAsync store it.
    private bool _settledUnsaved;

    // The dispatch reminder this activation registered: unregistering it needs no read of the reminder table.
    private IGrainReminder? _dispatchReminder;

    private RideState S => state.State;

    private string RideId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
        {
            if (S.Status == RideStatus.FindingDriver)
            {
                ArmRoundTimer();
            }
            else if (S.Status.IsTerminal() && !S.Settled)
            {
                ArmSettleTimer(TimeSpan.Zero);
            }
            else if (S.Status.IsTerminal())
            {
                ArmEndedTimer();
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_settledUnsaved)
        {
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The next activation settles again (idempotent) and stores it then.
                LogSideEffectFailed(logger, ex, RideId, "store that the ride is settled");
            }
        }
    }

    /// <inheritdoc />
    public async Task<RideView> Create(Caller caller, RideRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Demand(PlatformAction.RequestRide, caller.Role, Relation.None);

        var normalized = RideRequestRules.Normalize(request);
        if (state.RecordExists)
        {
            if (S.Rider?.RiderId == caller.UserId && S.Request == normalized)
            {
                return View(RideParty.Rider);
            }

            throw new RidesException(ErrorCodes.RideAlreadyExists, "A ride with this id already exists.", $"ride_id: {RideId}");
        }

        if (RideId.Length > RideIds.MaxLength)
        {
            throw DomainErrors.Validation("ride_id", $"must be at most {RideIds.MaxLength} characters");
        }

        var rider = await RiderGrain(caller.UserId).BeginRide(RideId, caller.Name);
        var now = time.GetUtcNow();
        S.Rider = rider;
        S.Request = normalized;
        S.Estimate = fares.Estimate(normalized.Pickup.Point, normalized.Destination.Point, normalized.VehicleType);
        S.Status = RideStatus.FindingDriver;
        S.RequestedAt = now;
        var requested = AppendEvent(RideStatus.FindingDriver, null, "Looking for a driver.");

        // The ride and its first batch are one write: the first round persists before it offers, and only then is the
        // request announced. The reminder, the rider's notice and the counters follow the offers, off their path.
        try
        {
            await StartRoundAsync(1, async () =>
            {
                LogRequested(logger, RideId, caller.UserId, normalized.VehicleType);
                await PublishAsync(requested);
            });
        }
        catch when (!state.RecordExists)
        {
            // Not stored, so not requested: a retry starts from nothing (and offers the same drivers again).
            state.State = new RideState();
            throw;
        }
        await BestEffortAsync("tell the rider of the booking", () => this.PublishAsync(Topics.User(rider.RiderId), new UserNotification(UserNotificationKind.RideRequested, rider.RiderId, "Your booking has been received.", now, RideId)));
        await BestEffortAsync("report the ride to the stats", () => Stats.ReportRide(RideId, active: true));
        if (S.Status == RideStatus.FindingDriver)
        {
            await BestEffortAsync("register the dispatch reminder", async () => _dispatchReminder = await this.RegisterOrUpdateReminder(DispatchReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        }

        return View(RideParty.Rider);
    }

    /// <inheritdoc />
    public Task<RideView> Get(Caller caller)
    {
        var party = Authorize(caller, PlatformAction.ViewRide);
        return Task.FromResult(View(party));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RideStatusEvent>> GetEventsAfter(Caller caller, long afterSeq)
    {
        Authorize(caller, PlatformAction.ViewRide);
        IReadOnlyList<RideStatusEvent> events = S.Events.Where(e => e.Seq > afterSeq).ToList();
        return Task.FromResult(events);
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DispatchReminder)
        {
            return;
        }

        if (!state.RecordExists || S.Status != RideStatus.FindingDriver)
        {
            await StopDispatchReminderAsync();
        }
        else if (S.RoundExpiresAt is not { } expires || time.GetUtcNow() >= expires)
        {
            // The activation that ran dispatch was lost with its timer: resume from the stored round now.
            StopRoundTimer();
            await OnRoundExpiredAsync();
        }
        else
        {
            ArmRoundTimer();
        }
    }

    private RideParty PartyOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!state.RecordExists)
        {
            throw DomainErrors.RideNotFound(RideId);
        }

        return RideLifecycle.PartyOf(caller, S.Rider!.RiderId, S.Driver?.DriverId);
    }

    /// <summary>
    /// RIDE_NOT_FOUND for a ride never created; then the <see cref="AccessPolicy"/>'s cell for the caller's role and relation
    /// to this ride (FORBIDDEN or NOT_A_PARTICIPANT when refused). Returns the caller's party, which shapes its view.
    /// </summary>
    private RideParty Authorize(Caller caller, PlatformAction action)
    {
        var party = PartyOf(caller);
        AccessPolicy.Demand(action, caller.Role, AccessPolicy.RelationToRide(caller, S.Rider!.RiderId, S.Driver?.DriverId));
        return party;
    }

    private RideStatusEvent AppendEvent(RideStatus status, RideStatus? previous, string message, int? eta = null)
    {
        var evt = new RideStatusEvent(
            RideId,
            ++S.Seq,
            status,
            previous,
            message,
            time.GetUtcNow(),
            status == RideStatus.FindingDriver ? null : S.Driver,
            eta,
            status == RideStatus.Canceled ? S.Cancellation : null,
            status == RideStatus.Completed ? S.Receipt : null);
        S.Events.Add(evt);
        return evt;
    }

    private async Task PersistAsync()
    {
        try
        {
            await state.WriteStateAsync();
            _settledUnsaved = false;
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote first: drop this one so the next call reads the newer state.
            LogConflict(logger, ex, RideId);
            DeactivateOnIdle();
            throw new RidesException(ErrorCodes.Conflict, "The ride changed concurrently; try again.");
        }
    }

    private Task PublishAsync(RideStatusEvent evt) => this.PublishAsync(Topics.RideStatus(RideId), evt);

    private async Task BestEffortAsync(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSideEffectFailed(logger, ex, RideId, what);
        }
    }

    private IDriverGrain DriverGrain(string driverId) => GrainFactory.Get<IDriverGrain>(driverId);

    private IRiderGrain RiderGrain(string riderId) => GrainFactory.Get<IRiderGrain>(riderId);

    private IPlatformStatsGrain Stats => GrainFactory.Get<IPlatformStatsGrain>(IPlatformStatsGrain.Key);
}
