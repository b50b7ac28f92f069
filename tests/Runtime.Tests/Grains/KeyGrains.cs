using Rides.Runtime.Storage;

namespace Rides.Runtime.Tests.Grains;

public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> Key();
}

public sealed class GuidKeyGrain : Grain, IGuidKeyGrain
{
    public Task<Guid> Key() => Task.FromResult(GetPrimaryKey());
}

public interface IIntegerKeyGrain : IGrainWithIntegerKey
{
    Task<long> Key();
}

public sealed class IntegerKeyGrain : Grain, IIntegerKeyGrain
{
    public Task<long> Key() => Task.FromResult(GetPrimaryKeyLong());
}

public interface ITwoStoresGrain : IGrainWithStringKey
{
    Task Set(int value);
}

public sealed class TwoStoresGrain(
    [PersistentState("fast", "memory")] IPersistentState<CounterState> fast,
    [PersistentState("durable", "postgres")] IPersistentState<CounterState> durable) : Grain, ITwoStoresGrain
{
    public async Task Set(int value)
    {
        fast.State.Value = value;
        durable.State.Value = value * 10;
        await fast.WriteStateAsync();
        await durable.WriteStateAsync();
    }
}
