using System.Globalization;
using System.Reflection;
using Rides.Runtime.Activation;
using Rides.Runtime.Streams;

namespace Rides.Runtime.Messaging;

/// <summary>Makes grain references bound to an invoker (a silo's router, or a client's).</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, IGrainCallInvoker invoker, Func<string, IStreamProvider> streams) : IClusterClient
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        return Create<TGrainInterface>(new GrainId(registry.GetByInterface(typeof(TGrainInterface)).GrainType, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(new GrainId(registry.GetByInterface(typeof(TGrainInterface)).GrainType, primaryKey.ToString("D")));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(new GrainId(registry.GetByInterface(typeof(TGrainInterface)).GrainType, primaryKey.ToString(CultureInfo.InvariantCulture)));

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable => Create<TGrainInterface>(grainId);

    public IStreamProvider GetStreamProvider(string name = Storage.ProviderConstants.DefaultStreamProviderName) => streams(name);

    private TGrainInterface Create<TGrainInterface>(GrainId grainId)
    {
        if (!typeof(TGrainInterface).IsInterface)
        {
            throw new ArgumentException($"{typeof(TGrainInterface)} is not a grain interface.");
        }

        var proxy = (GrainReferenceProxy)DispatchProxy.Create(typeof(TGrainInterface), typeof(GrainReferenceProxy));
        proxy.Initialize(grainId, typeof(TGrainInterface), invoker, registry);
        return (TGrainInterface)(object)proxy;
    }
}
