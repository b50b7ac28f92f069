namespace Rides.Grains.Support;

/// <summary>The persisted list of an inbox or a support room.</summary>
public sealed class SupportListState
{
    /// <summary>Latest view of each conversation, latest activity first.</summary>
    public List<SupportConversationView> Conversations { get; set; } = [];
}
