using System.Collections.Concurrent;
using System.Reflection;

namespace Rides.Runtime.Activation;

/// <summary>
/// Knows the grain classes of this process: which class implements a grain interface, the grain
/// type name of each class, and the metadata of every interface method.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClassInfo> _byInterface = new();
    private readonly Dictionary<string, GrainClassInfo> _byGrainType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MethodInfo, GrainMethodInfo> _methods = new();
    private readonly HashSet<Type> _ambiguous = [];

    public GrainTypeRegistry(IEnumerable<GrainAssembly> assemblies, IEnumerable<GrainClassRegistration> classes)
    {
        var types = assemblies.SelectMany(a => a.Assembly.GetTypes()).Concat(classes.Select(c => c.GrainClass)).Distinct();
        foreach (var type in types)
        {
            if (type.IsAbstract || !type.IsClass || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }

            var info = new GrainClassInfo(type);
            if (_byGrainType.TryGetValue(info.GrainType, out var existing) && existing.ClassType != type)
            {
                throw new InvalidOperationException($"Grain classes {existing.ClassType} and {type} both have grain type '{info.GrainType}'.");
            }

            _byGrainType[info.GrainType] = info;

            // A subclass answers for the interfaces it adds, not for those its base grain class already implements.
            foreach (var grainInterface in info.GrainInterfaces.Where(i => type.BaseType is null || !i.IsAssignableFrom(type.BaseType)))
            {
                if (_byInterface.TryGetValue(grainInterface, out var other) && other.ClassType != type)
                {
                    _ambiguous.Add(grainInterface);
                }

                _byInterface[grainInterface] = info;
            }
        }
    }

    public IEnumerable<GrainClassInfo> Classes => _byGrainType.Values;

    public GrainClassInfo GetByInterface(Type grainInterface) =>
        _ambiguous.Contains(grainInterface)
            ? throw new ArgumentException($"More than one grain class implements {grainInterface}; give each class its own interface.")
            : _byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new ArgumentException($"No grain class implementing {grainInterface} is registered. Add its assembly with AddGrains().");

    public GrainClassInfo GetByGrainType(string grainType) =>
        _byGrainType.TryGetValue(grainType, out var info)
            ? info
            : throw new GrainActivationException($"No grain class has grain type '{grainType}'.");

    public GrainMethodInfo GetMethod(MethodInfo interfaceMethod) => _methods.GetOrAdd(interfaceMethod, static m => new GrainMethodInfo(m));
}

/// <summary>An assembly whose grain classes the silo hosts.</summary>
internal sealed record GrainAssembly(Assembly Assembly);

/// <summary>One grain class added by type.</summary>
internal sealed record GrainClassRegistration(Type GrainClass);
