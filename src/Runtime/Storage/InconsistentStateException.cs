namespace Rides.Runtime.Storage;

/// <summary>
/// A write or clear whose ETag no longer matches the stored record: another activation or
/// process wrote first. The stored record is unchanged.
/// </summary>
public class InconsistentStateException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception naming the ETags involved.</summary>
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The version the store holds, when known.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version the writer expected.</summary>
    public string? CurrentEtag { get; }
}
