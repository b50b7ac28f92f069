namespace Rides.Runtime;

/// <summary>
/// An exception that crossed the serializer but whose type could not be rebuilt in this process:
/// it keeps the original type name and message.
/// </summary>
public class RemoteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteException(string originalType, string message)
        : base(message)
    {
        OriginalType = originalType;
    }

    /// <summary>The full name of the exception type thrown.</summary>
    public string OriginalType { get; }
}
