using Rides.Runtime;
using Rides.Runtime.Storage;

namespace Rides.Benchmarks;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<Payload> Echo(Payload payload);
}

public sealed record Payload(string RideId, double Latitude, double Longitude, int Sequence);

public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<Payload> Echo(Payload payload) => Task.FromResult(payload);
}

/// <summary>The baseline: the same method on a plain object, awaited.</summary>
public sealed class PlainEcho
{
    public Task<Payload> Echo(Payload payload) => Task.FromResult(payload);
}

public sealed class RideLikeState
{
    public string Status { get; set; } = "findingDriver";

    public string? DriverId { get; set; }

    public int Version { get; set; }
}

public interface IWriterGrain : IGrainWithStringKey
{
    Task Write(int version);
}

public sealed class WriterGrain([PersistentState("ride")] IPersistentState<RideLikeState> state) : Grain, IWriterGrain
{
    public async Task Write(int version)
    {
        state.State.Version = version;
        state.State.Status = version % 2 == 0 ? "arrivingToPickup" : "findingDriver";
        await state.WriteStateAsync();
    }
}
