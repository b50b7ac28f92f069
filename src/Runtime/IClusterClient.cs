using Rides.Runtime.Streams;

namespace Rides.Runtime;

/// <summary>What a client of the cluster (an edge node, a test) uses: grain references and streams.</summary>
public interface IClusterClient : IGrainFactory
{
    /// <summary>The stream provider registered under <paramref name="name"/>.</summary>
    IStreamProvider GetStreamProvider(string name = Storage.ProviderConstants.DefaultStreamProviderName);
}
