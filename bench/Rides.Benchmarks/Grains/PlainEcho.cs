namespace Rides.Benchmarks.Grains;

/// <summary>The baseline: the same method on a plain object, awaited.</summary>
public sealed class PlainEcho
{
    /// <summary>Returns <paramref name="payload"/>.</summary>
    public Task<Payload> Echo(Payload payload) => Task.FromResult(payload);
}
