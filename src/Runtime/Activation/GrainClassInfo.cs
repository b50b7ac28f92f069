using System.Reflection;

namespace Rides.Runtime.Activation;

/// <summary>What the runtime knows of a grain class.</summary>
internal sealed class GrainClassInfo
{
    private static readonly HashSet<Type> MarkerInterfaces =
        [typeof(IAddressable), typeof(IGrain), typeof(IGrainWithStringKey), typeof(IGrainWithGuidKey), typeof(IGrainWithIntegerKey)];

    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(classType);
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null;
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Age;
        GrainInterfaces = classType.GetInterfaces()
            .Where(i => typeof(IAddressable).IsAssignableFrom(i) && !MarkerInterfaces.Contains(i))
            .ToArray();
    }

    public Type ClassType { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public TimeSpan? CollectionAge { get; }

    public IReadOnlyList<Type> GrainInterfaces { get; }

    private static string DefaultName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
