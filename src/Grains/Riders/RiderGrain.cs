using Orleans.Placement;
using Orleans.Storage;
using Rides.Grains.Domain.History;
using Rides.Grains.Domain.Ratings;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Grains.Riders;

/// <summary>A rider: profile, the one active ride, history, rating. Calls no other grain.</summary>
[GrainType("rider")]
[RandomPlacement]
public sealed class RiderGrain([PersistentState("rider")] IPersistentState<RiderState> state) : Grain, IRiderGrain
{
    private const int MaxNameLength = 100;

    private RiderState S => state.State;

    private string RiderId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task<RiderView> Get(Caller caller)
    {
        EnsureSelfOrPrivileged(caller);
        return Task.FromResult(View());
    }

    /// <inheritdoc />
    public async Task<RiderView> UpdateProfile(Caller caller, RiderProfile profile)
    {
        if (caller is null || caller.Role != UserRole.Rider || caller.UserId != RiderId)
        {
            throw DomainErrors.Forbidden("change this rider's profile");
        }

        if (profile is null)
        {
            throw DomainErrors.Validation("profile", "is required");
        }

        var name = Validate.RequiredText(profile.Name, "name", MaxNameLength);
        var phone = Validate.OptionalPhone(profile.Phone, "phone");
        S.Name = name;
        S.Phone = phone;
        await PersistAsync();
        return View();
    }

    /// <inheritdoc />
    public Task<RideHistoryPage> GetHistory(Caller caller, int limit = RideHistoryLimits.DefaultPage, int skip = 0)
    {
        EnsureSelfOrPrivileged(caller);
        return Task.FromResult(RideHistory.Page(S.History, limit, skip));
    }

    /// <inheritdoc />
    public async Task<RiderInfo> BeginRide(string rideId, string? defaultName)
    {
        if (S.ActiveRideId is { } active && active != rideId)
        {
            throw new RidesException(ErrorCodes.RiderHasActiveRide, "You already have an active ride.", $"ride_id: {active}");
        }

        if (S.ActiveRideId is null || S.Name is null)
        {
            S.ActiveRideId = rideId;
            S.Name ??= string.IsNullOrWhiteSpace(defaultName) ? RiderId : defaultName.Trim();
            await PersistAsync();
        }

        return Info();
    }

    /// <inheritdoc />
    public async Task EndRide(RideHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var changed = false;
        if (S.ActiveRideId == entry.RideId)
        {
            S.ActiveRideId = null;
            changed = true;
        }

        if (RideHistory.Record(S.History, entry))
        {
            S.RideCount++;
            changed = true;
        }

        if (changed)
        {
            await PersistAsync();
        }
    }

    /// <inheritdoc />
    public async Task<RatingResult> AddRating(string rideId, int stars)
    {
        if (RatingRules.Record(S, rideId, stars))
        {
            await PersistAsync();
        }

        return new RatingResult(rideId, RiderId, stars, RatingRules.Average(S.RatingSum, S.RatingCount), S.RatingCount);
    }

    private RiderInfo Info() => new(RiderId, S.Name ?? RiderId, RatingRules.Average(S.RatingSum, S.RatingCount));

    private RiderView View() =>
        new(RiderId, S.Name ?? RiderId, RatingRules.Average(S.RatingSum, S.RatingCount), S.RatingCount, S.ActiveRideId, S.RideCount, S.Phone);

    private void EnsureSelfOrPrivileged(Caller caller)
    {
        var self = caller is not null && caller.Role == UserRole.Rider && caller.UserId == RiderId;
        if (!self && caller?.IsPrivileged != true)
        {
            throw DomainErrors.Forbidden("view this rider");
        }
    }

    private async Task PersistAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle();
            throw new RidesException(ErrorCodes.Conflict, "The rider changed concurrently; try again.");
        }
    }
}
