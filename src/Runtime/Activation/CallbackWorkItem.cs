namespace Rides.Runtime.Activation;

/// <summary>A timer tick or stream delivery: a callback run as a turn of the grain; dropped if the activation is gone.</summary>
internal sealed class CallbackWorkItem(Func<Task> callback, bool keepsAlive, Action<Exception> onError) : WorkItem
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _done.Task;

    public override bool KeepsAlive => keepsAlive;

    public override async Task ExecuteAsync(ActivationData activation)
    {
        try
        {
            await callback();
        }
        catch (Exception ex)
        {
            onError(ex);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    public override void Reject(Exception exception) => _done.TrySetResult();

    public override void Forward(IWorkItemRouter router, GrainId target) => _done.TrySetResult();
}
