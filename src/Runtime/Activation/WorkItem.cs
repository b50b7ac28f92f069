namespace Rides.Runtime.Activation;

/// <summary>Something an activation runs as a turn: a request, a timer tick, a stream delivery, or a lifecycle step.</summary>
internal abstract class WorkItem
{
    /// <summary>Activation and deactivation: run alone, before or after everything else.</summary>
    public virtual bool IsLifecycle => false;

    public virtual bool AlwaysInterleave => false;

    public virtual bool ReadOnly => false;

    /// <summary>Whether running this item counts as activity for idle collection.</summary>
    public virtual bool KeepsAlive => true;

    /// <summary>Runs on the activation's scheduler. Must not throw: results and errors go to the item's caller.</summary>
    public abstract Task ExecuteAsync(ActivationData activation);

    /// <summary>The activation could not run this item (its activation failed).</summary>
    public abstract void Reject(Exception exception);

    /// <summary>The activation went away before running this item: send it to the grain's next activation, or drop it.</summary>
    public abstract void Forward(IWorkItemRouter router, GrainId target);
}

/// <summary>Sends a work item to the current activation of a grain.</summary>
internal interface IWorkItemRouter
{
    void Dispatch(GrainId target, WorkItem item);
}
