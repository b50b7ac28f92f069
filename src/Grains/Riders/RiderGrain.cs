using Orleans.Placement;
using Orleans.Storage;
using Rides.Grains.Authorization;
using Rides.Grains.Domain.History;
using Rides.Grains.Domain.Ratings;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Errors;
using Rides.Grains.History;
using Rides.Grains.Rides;

namespace Rides.Grains.Riders;

/// <summary>A rider: profile, the one active ride, history, rating. Calls no other grain.</summary>
[GrainType("rider")]
[RandomPlacement]
public sealed class RiderGrain(
    [PersistentState("rider")] IPersistentState<RiderState> state,
    IRideHistoryStore histories) : Grain, IRiderGrain
{
    private const int MaxNameLength = 100;

    private RiderState S => state.State;

    private string RiderId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await RideHistory.MoveToStoreAsync(S.History, histories, RideHistoryOwners.Rider, RiderId, cancellationToken))
        {
            await PersistAsync();
        }
    }

    /// <inheritdoc />
    public Task<RiderView> Get(Caller caller)
    {
        Authorize(caller, PlatformAction.ViewRider);
        return Task.FromResult(View());
    }

    /// <inheritdoc />
    public async Task<RiderView> UpdateProfile(Caller caller, RiderProfile profile)
    {
        Authorize(caller, PlatformAction.UpdateRiderProfile);

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
        Authorize(caller, PlatformAction.ViewRiderHistory);
        return histories.ReadPageAsync(RideHistoryOwners.Rider, RiderId, limit, skip);
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

        if (await histories.RecordAsync(RideHistoryOwners.Rider, RiderId, entry))
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

    // The rider itself is own; the AccessPolicy decides.
    private void Authorize(Caller caller, PlatformAction action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Demand(action, caller.Role, AccessPolicy.RelationToAccount(caller, UserRole.Rider, RiderId));
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
