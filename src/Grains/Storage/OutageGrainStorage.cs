using Orleans.Storage;
using Rides.Grains.Errors;

namespace Rides.Grains.Storage;

/// <summary>
/// Wraps a grain storage provider so that an unreachable database reaches callers as
/// <see cref="ErrorCodes.ServiceUnavailable"/>: the provider's own exception (Npgsql's) cannot cross to another
/// silo or to an edge node, and a state read that fails while a grain activates never passes through a grain
/// call filter. What the provider reports otherwise (a stale ETag) passes unchanged.
/// </summary>
public sealed class OutageGrainStorage(IGrainStorage inner) : IGrainStorage
{
    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.ReadStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.WriteStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.ClearStateAsync(stateName, grainId, grainState));

    private static async Task TranslateAsync(Task operation)
    {
        try
        {
            await operation;
        }
        catch (Exception exception) when (exception is not RidesException && Outages.IsOutage(exception))
        {
            throw Outages.ToRefusal(exception);
        }
    }
}
