namespace Rides.Edge.Dialects.Seed003;

/// <summary>A conversation's newest message in <c>get_active_conversations</c>: <c>{id, content, sender_id, sent_at}</c>.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Content">The text.</param>
/// <param name="SenderId">The sender's user id.</param>
/// <param name="SentAt">When stored.</param>
public sealed record Seed003LastMessage(string Id, string Content, string SenderId, DateTimeOffset SentAt);
