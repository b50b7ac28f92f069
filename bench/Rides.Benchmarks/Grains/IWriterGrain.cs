namespace Rides.Benchmarks.Grains;

/// <summary>Changes its state and persists it on every call, as a ride transition does.</summary>
[Alias("bench.IWriterGrain")]
public interface IWriterGrain : IGrainWithStringKey
{
    /// <summary>Sets the state's version to <paramref name="version"/> and awaits the write.</summary>
    Task Write(int version);
}
