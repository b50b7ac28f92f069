using System.Diagnostics;
using Rides.Runtime.Filters;

namespace Rides.Runtime.Activation;

/// <summary>A call to a grain interface method.</summary>
internal sealed class RequestWorkItem(GrainMethodInfo method, object?[] arguments) : WorkItem
{
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrainMethodInfo Method => method;

    public Task<object?> Completion => _completion.Task;

    public override bool AlwaysInterleave => method.AlwaysInterleave;

    public override bool ReadOnly => method.ReadOnly;

    public override async Task ExecuteAsync(ActivationData activation)
    {
        var started = Stopwatch.GetTimestamp();
        var runtime = activation.Runtime;
        try
        {
            object? result;
            var filters = runtime.Filters;
            if (filters.Length == 0)
            {
                result = await method.InvokeAsync(activation.Instance!, arguments);
            }
            else
            {
                var context = new GrainCallContext(activation.Instance!, activation.GrainId, method, arguments, filters);
                await context.Invoke();
                result = context.Result;
            }

            runtime.Metrics.RecordCall(activation.ClassInfo.GrainType, method.Name, Stopwatch.GetElapsedTime(started), failed: false);
            _completion.TrySetResult(result);
        }
        catch (Exception ex)
        {
            runtime.Metrics.RecordCall(activation.ClassInfo.GrainType, method.Name, Stopwatch.GetElapsedTime(started), failed: true);
            _completion.TrySetException(ex);
        }
    }

    public override void Reject(Exception exception) => _completion.TrySetException(exception);

    public override void Forward(IWorkItemRouter router, GrainId target) => router.Dispatch(target, this);
}
