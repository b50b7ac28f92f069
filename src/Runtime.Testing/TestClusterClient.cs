using Rides.Runtime.Activation;
using Rides.Runtime.Messaging;
using Rides.Runtime.Streams;

namespace Rides.Runtime.Testing;

/// <summary>The test cluster's client: references made here call the cluster's current primary silo.</summary>
internal sealed class TestClusterClient : IClusterClient, IGrainCallInvoker
{
    private readonly TestCluster _cluster;

    public TestClusterClient(TestCluster cluster)
    {
        _cluster = cluster;
    }

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey => Factory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey => Factory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey => Factory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable => Factory.GetGrain<TGrainInterface>(grainId);

    public IStreamProvider GetStreamProvider(string name = Storage.ProviderConstants.DefaultStreamProviderName) =>
        _cluster.CurrentStreams.GetProvider(name);

    public Task<object?> InvokeAsync(GrainId target, GrainMethodInfo method, object?[] arguments) =>
        _cluster.CurrentRouter.InvokeAsync(target, method, arguments);

    private GrainFactory Factory => new(_cluster.CurrentRegistry, this, GetStreamProvider);
}
