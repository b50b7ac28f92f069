using System.Reflection;

namespace Rides.Runtime.Filters;

/// <summary>Runs around every call that a grain receives, inside the grain's turn.</summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Calls <see cref="IIncomingGrainCallContext.Invoke"/> to go on to the next filter and the grain.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>One incoming call as a filter sees it.</summary>
public interface IIncomingGrainCallContext
{
    /// <summary>The grain instance.</summary>
    object Grain { get; }

    /// <summary>The grain's id.</summary>
    GrainId TargetId { get; }

    /// <summary>The interface method called.</summary>
    MethodInfo InterfaceMethod { get; }

    /// <summary>The arguments.</summary>
    object?[] Arguments { get; }

    /// <summary>The result, once <see cref="Invoke"/> has completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Invokes the next filter, or the grain method.</summary>
    Task Invoke();
}
