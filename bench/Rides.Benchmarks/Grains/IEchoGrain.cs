namespace Rides.Benchmarks.Grains;

/// <summary>Answers what it is sent: a grain call with nothing else in it.</summary>
[Alias("bench.IEchoGrain")]
public interface IEchoGrain : IGrainWithStringKey
{
    /// <summary>Returns <paramref name="payload"/>.</summary>
    Task<Payload> Echo(Payload payload);
}
