using Rides.Runtime.Activation;

namespace Rides.Runtime.Messaging;

/// <summary>Where grain references send their calls.</summary>
internal interface IGrainCallInvoker
{
    Task<object?> InvokeAsync(GrainId target, GrainMethodInfo method, object?[] arguments);
}
