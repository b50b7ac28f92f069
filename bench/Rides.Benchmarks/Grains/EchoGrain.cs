namespace Rides.Benchmarks.Grains;

/// <summary>The grain behind <see cref="IEchoGrain"/>.</summary>
public sealed class EchoGrain : Grain, IEchoGrain
{
    /// <inheritdoc />
    public Task<Payload> Echo(Payload payload) => Task.FromResult(payload);
}
