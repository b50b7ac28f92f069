namespace Rides.Edge.Tests.Security.Matrix;

/// <summary>Which resource a matrix cell calls on.</summary>
public enum MatrixTarget
{
    /// <summary>The caller's own (its ride as rider, the ride it drives, the conversation it opened or joined as staff, its user room).</summary>
    Own,

    /// <summary>Someone else's (another rider's completed ride, another rider's conversation, another user's room).</summary>
    Foreign,

    /// <summary>An id nothing exists under.</summary>
    Missing,

    /// <summary>No resource: the action touches nothing of anyone's, or always the caller's own (its driver, rider or inbox).</summary>
    None,
}
