namespace Rides.Runtime;

/// <summary>A call that could not be delivered because the grain's activation failed or is unknown.</summary>
public class GrainActivationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public GrainActivationException(string message)
        : base(message)
    {
    }
}
