using System.Reflection;
using Rides.Runtime.Activation;

namespace Rides.Runtime.Messaging;

/// <summary>
/// A grain reference: a generated implementation of a grain interface whose every method becomes
/// a message to the grain. A small value (id + interface) that is serialized as its id.
/// </summary>
public class GrainReferenceProxy : DispatchProxy, IGrainReference
{
    private GrainId _grainId;
    private Type _interfaceType = typeof(IAddressable);
    private IGrainCallInvoker? _invoker;
    private GrainTypeRegistry? _registry;

    /// <inheritdoc />
    public GrainId GrainId => _grainId;

    /// <inheritdoc />
    public Type InterfaceType => _interfaceType;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IGrainReference other && other.GrainId == _grainId;

    /// <inheritdoc />
    public override int GetHashCode() => _grainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"{_interfaceType.Name}:{_grainId}";

    internal void Initialize(GrainId grainId, Type interfaceType, IGrainCallInvoker invoker, GrainTypeRegistry registry)
    {
        _grainId = grainId;
        _interfaceType = interfaceType;
        _invoker = invoker;
        _registry = registry;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = _registry!.GetMethod(targetMethod);
        return method.AdaptResult(_invoker!.InvokeAsync(_grainId, method, args ?? []));
    }
}
