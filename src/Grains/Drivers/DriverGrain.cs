using Orleans.Placement;
using Orleans.Storage;
using Rides.Grains.Authorization;
using Rides.Grains.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Grains.Dispatch;
using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Domain.History;
using Rides.Grains.History;
using Rides.Grains.Domain.Limits;
using Rides.Grains.Domain.Ratings;
using Rides.Grains.Domain.Trips;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Errors;
using Rides.Grains.Rides;
using Rides.Grains.Stats;

namespace Rides.Grains.Drivers;

/// <summary>
/// A driver: profile, availability, location, offers and the current ride. It calls only geo-cell
/// and stats grains (which call nobody) and never a ride, so rides may call it without a cycle.
/// Locations are kept in memory and written at most every <see cref="DriverOptions.LocationPersistInterval"/>.
/// </summary>
[GrainType("driver")]
[RandomPlacement]
public sealed partial class DriverGrain(
    [PersistentState("driver")] IPersistentState<DriverState> state,
    IOptions<DriverOptions> driverOptions,
    IOptions<DispatchOptions> dispatchOptions,
    IOptions<TripOptions> tripOptions,
    DispatchPlanner planner,
    TimeProvider time,
    IRideHistoryStore histories,
    ILogger<DriverGrain> logger) : Grain, IDriverGrain
{
    private const int MaxNameLength = 100;
    private const int MaxVehicleFieldLength = 50;

    private readonly DriverOptions _options = driverOptions.Value;
    private readonly DispatchOptions _dispatch = dispatchOptions.Value;
    private readonly TripOptions _trip = tripOptions.Value;
    private readonly Dictionary<string, DateTimeOffset> _pendingOffers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _connections = new(StringComparer.Ordinal);
    private bool _offlineWhenFree;
    private SlidingWindowLimiter? _locationLimiter;
    private DateTimeOffset _lastWrite;
    private bool _dirty;

    private DriverState S => state.State;

    private string DriverId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await RideHistory.MoveToStoreAsync(S.History, histories, RideHistoryOwners.Driver, DriverId, cancellationToken))
        {
            await PersistAsync();
        }
    }

    private SlidingWindowLimiter LocationLimiter => _locationLimiter ??= new SlidingWindowLimiter(1, _options.MinLocationInterval);

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<DriverView> UpdateProfile(Caller caller, DriverProfile profile)
    {
        Authorize(caller, PlatformAction.UpdateDriverProfile);

        if (profile is null)
        {
            throw DomainErrors.Validation("profile", "is required");
        }

        if (S.CurrentRideId is not null && S.Profile is not null && profile.VehicleType != S.Profile.VehicleType)
        {
            throw new RidesException(ErrorCodes.DriverBusy, "The vehicle type cannot change during a ride.");
        }

        S.Profile = new DriverProfile(
            Validate.RequiredText(profile.Name, "name", MaxNameLength),
            Validate.OptionalText(profile.VehicleMake, "vehicle_make", MaxVehicleFieldLength),
            Validate.OptionalText(profile.VehicleModel, "vehicle_model", MaxVehicleFieldLength),
            Validate.Enum(profile.VehicleType, "vehicle_type"),
            Validate.OptionalText(profile.Plate, "plate", MaxVehicleFieldLength),
            Validate.OptionalText(profile.Color, "color", MaxVehicleFieldLength),
            Validate.OptionalPhone(profile.Phone, "phone"));
        await PersistAsync();
        return View();
    }

    /// <inheritdoc />
    public Task<DriverView> Get(Caller caller)
    {
        Authorize(caller, PlatformAction.ViewDriver);

        return Task.FromResult(View());
    }

    /// <inheritdoc />
    public async Task<DriverView> GoOnline(Caller caller)
    {
        Authorize(caller, PlatformAction.GoOnline);
        S.Profile ??= new DriverProfile(string.IsNullOrWhiteSpace(caller.Name) ? DriverId : caller.Name.Trim());
        if (!S.IsOnline)
        {
            S.IsOnline = true;
            await PersistAsync();
            LogOnline(logger, DriverId, true);
            await BestEffortAsync("report online", () => Stats.ReportDriver(DriverId, online: true));
        }

        await IndexAsync();
        return View();
    }

    /// <inheritdoc />
    public async Task<DriverView> GoOffline(Caller caller)
    {
        Authorize(caller, PlatformAction.GoOffline);
        if (S.CurrentRideId is not null)
        {
            throw new RidesException(ErrorCodes.DriverBusy, "Finish or cancel the current ride before going offline.", $"ride_id: {S.CurrentRideId}");
        }

        await SetOfflineAsync();
        return View();
    }

    /// <inheritdoc />
    public Task<RideHistoryPage> GetHistory(Caller caller, int limit = RideHistoryLimits.DefaultPage, int skip = 0)
    {
        Authorize(caller, PlatformAction.ViewDriverHistory);
        return histories.ReadPageAsync(RideHistoryOwners.Driver, DriverId, limit, skip);
    }

    /// <inheritdoc />
    public async Task UpdateLocation(Caller caller, LocationUpdate update)
    {
        Authorize(caller, PlatformAction.UpdateLocation);
        if (update is null)
        {
            throw DomainErrors.Validation("location", "is required");
        }

        var point = Validate.Point(update.Latitude, update.Longitude, "location");
        var heading = Validate.OptionalRange(update.Heading, "heading", 0, 360);
        var speed = Validate.OptionalRange(update.SpeedMps, "speed", 0, 100);
        if (!S.IsOnline)
        {
            throw new RidesException(ErrorCodes.DriverOffline, "Go online before sending locations.");
        }

        var now = time.GetUtcNow();
        if (!LocationLimiter.TryAcquire(now, out var retryAfter))
        {
            throw DomainErrors.RateLimited("location updates", retryAfter);
        }

        S.Location = new DriverLocation(point.Latitude, point.Longitude, heading, speed, now);
        _dirty = true;
        if (S.CurrentRideId is { } rideId)
        {
            if (S.TripRideId == rideId)
            {
                S.TripMeter = (S.TripMeter ?? TripMeter.Zero).Add(point, now, _trip.MaxPlausibleSpeedMps);
            }

            // Only the active ride's stream, and only while a ride is assigned: the privacy rule.
            await this.PublishAsync(Topics.RideLocation(rideId), new RideLocationEvent(rideId, DriverId, point.Latitude, point.Longitude, heading, speed, now));
        }
        else
        {
            await IndexAsync();
        }

        if (now - _lastWrite >= _options.LocationPersistInterval)
        {
            await PersistAsync();
        }
    }

    private async Task SetOfflineAsync()
    {
        _offlineWhenFree = false;
        if (S.IsOnline)
        {
            S.IsOnline = false;
            _pendingOffers.Clear();
            await UnindexAsync();
            await PersistAsync();
            LogOnline(logger, DriverId, false);
            await BestEffortAsync("report offline", () => Stats.ReportDriver(DriverId, online: false));
        }
    }

    private bool IsAvailable(DateTimeOffset now) =>
        S.IsOnline && S.CurrentRideId is null && S.Profile is not null
        && S.Location is { } at && now - at.At <= _dispatch.LocationStaleAfter;

    /// <summary>Puts the driver in the geo cell of its location when it can take rides; moves it between cells.</summary>
    private async Task IndexAsync()
    {
        var now = time.GetUtcNow();
        if (!IsAvailable(now))
        {
            await UnindexAsync();
            return;
        }

        var at = S.Location!;
        var key = planner.Grid.CellOf(new GeoPoint(at.Latitude, at.Longitude)).Key;
        if (S.CellKey is { } old && old != key)
        {
            await GrainFactory.Get<IGeoCellGrain>(old).Remove(DriverId);
        }

        S.CellKey = key;
        await GrainFactory.Get<IGeoCellGrain>(key).Upsert(new GeoCellEntry(DriverId, at.Latitude, at.Longitude, S.Profile!.VehicleType, at.At));
    }

    private async Task UnindexAsync()
    {
        if (S.CellKey is { } key)
        {
            S.CellKey = null;
            _dirty = true;
            await GrainFactory.Get<IGeoCellGrain>(key).Remove(DriverId);
        }
    }

    private TripMeterReading Reading(string rideId) =>
        S.TripRideId == rideId && S.TripMeter is { } meter
            ? new TripMeterReading(rideId, Math.Round(meter.DistanceMeters, 1), meter.Updates)
            : new TripMeterReading(rideId, 0, 0);

    private DriverInfo Info()
    {
        var p = S.Profile ?? new DriverProfile(DriverId);
        var vehicle = string.Join(' ', new[] { p.VehicleMake, p.VehicleModel }.Where(s => !string.IsNullOrEmpty(s)));
        return new DriverInfo(DriverId, p.Name, RatingRules.Average(S.RatingSum, S.RatingCount), vehicle, p.VehicleType, p.Plate, p.Color);
    }

    private DriverView View()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _pendingOffers.Where(o => o.Value <= now).Select(o => o.Key).ToList())
        {
            _pendingOffers.Remove(expired);
        }

        return new DriverView(
            DriverId,
            S.Profile ?? new DriverProfile(DriverId),
            RatingRules.Average(S.RatingSum, S.RatingCount),
            S.RatingCount,
            S.IsOnline,
            S.CurrentRideId,
            S.Location,
            _pendingOffers.Keys.Order(StringComparer.Ordinal).ToList());
    }

    // The driver itself is own; the AccessPolicy decides.
    private void Authorize(Caller caller, PlatformAction action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Demand(action, caller.Role, AccessPolicy.RelationToAccount(caller, UserRole.Driver, DriverId));
    }

    private async Task PersistAsync()
    {
        try
        {
            await state.WriteStateAsync();
            _lastWrite = time.GetUtcNow();
            _dirty = false;
        }
        catch (InconsistentStateException ex)
        {
            LogConflict(logger, ex, DriverId);
            DeactivateOnIdle();
            throw new RidesException(ErrorCodes.Conflict, "The driver changed concurrently; try again.");
        }
    }

    private async Task BestEffortAsync(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSideEffectFailed(logger, ex, DriverId, what);
        }
    }

    private Task PublishOfferEventAsync(DriverOfferEvent e) => this.PublishAsync(Topics.DriverOffers(DriverId), e);

    private IPlatformStatsGrain Stats => GrainFactory.Get<IPlatformStatsGrain>(IPlatformStatsGrain.Key);
}
