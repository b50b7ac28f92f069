namespace Rides.Grains.Support;

/// <summary>Keeps a list of conversation views ordered by latest activity.</summary>
internal static class SupportLists
{
    /// <summary>Replaces or adds <paramref name="view"/>; returns whether it was new.</summary>
    public static bool Upsert(List<SupportConversationView> list, SupportConversationView view, int keep)
    {
        var index = list.FindIndex(c => c.ConversationId == view.ConversationId);
        if (index >= 0)
        {
            list.RemoveAt(index);
        }

        list.Add(view);
        list.Sort((a, b) => Activity(b).CompareTo(Activity(a)));
        if (list.Count > keep)
        {
            list.RemoveRange(keep, list.Count - keep);
        }

        return index < 0;
    }

    private static DateTimeOffset Activity(SupportConversationView view) => view.LastMessageAt ?? view.CreatedAt;
}
