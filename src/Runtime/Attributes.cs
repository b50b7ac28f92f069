namespace Rides.Runtime;

/// <summary>Every request to this grain class may interleave with others at await points.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute
{
}

/// <summary>This interface method interleaves with any other request.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}

/// <summary>This interface method does not change state: it interleaves with other read-only requests.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute
{
}

/// <summary>Names the grain type of a grain class (default: the class name without a trailing "Grain", lower case).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name used in <see cref="GrainId"/>.</summary>
    public string Name { get; } = name;
}

/// <summary>Overrides the idle age after which activations of this class are collected.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    /// <summary>Minutes of idleness before collection.</summary>
    public double Minutes { get; init; }

    /// <summary>The age as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Age => TimeSpan.FromMinutes(Minutes);
}
