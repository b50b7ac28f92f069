namespace Rides.Edge.Dialects.Seed003;

/// <summary><c>{"success": true}</c>: the answer to <c>typing_indicator</c> and <c>mark_message_read</c>.</summary>
/// <param name="Success">Always true.</param>
public sealed record Seed003Ack(bool Success);
