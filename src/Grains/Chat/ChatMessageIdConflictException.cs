namespace Rides.Grains.Chat;

/// <summary>Another writer stored a message with the same id in the same room first.</summary>
public sealed class ChatMessageIdConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChatMessageIdConflictException(string message)
        : base(message)
    {
    }
}
