namespace Rides.Benchmarks.Grains;

/// <summary>The grain behind <see cref="IWriterGrain"/>; its state goes to the silo's default grain storage.</summary>
public sealed class WriterGrain([PersistentState("bench-ride")] IPersistentState<RideLikeState> state) : Grain, IWriterGrain
{
    /// <inheritdoc />
    public async Task Write(int version)
    {
        state.State.Version = version;
        state.State.Status = version % 2 == 0 ? "arrivingToPickup" : "findingDriver";
        await state.WriteStateAsync();
    }
}
