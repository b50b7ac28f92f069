namespace Rides.Runtime;

/// <summary>A grain call got no answer within the response timeout. The message names grain and method.</summary>
public class GrainCallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a message.</summary>
    public GrainCallTimeoutException(string message)
        : base(message)
    {
    }
}
