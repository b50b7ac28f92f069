using System.Reflection;
using Rides.Runtime.Activation;

namespace Rides.Runtime.Filters;

/// <summary>Walks the incoming filters, then calls the grain.</summary>
internal sealed class GrainCallContext(object grain, GrainId targetId, GrainMethodInfo method, object?[] arguments, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int _next;

    public object Grain => grain;

    public GrainId TargetId => targetId;

    public MethodInfo InterfaceMethod => method.Method;

    public object?[] Arguments => arguments;

    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (_next < filters.Length)
        {
            var filter = filters[_next++];
            await filter.Invoke(this);
            return;
        }

        Result = await method.InvokeAsync(grain, arguments);
    }
}
