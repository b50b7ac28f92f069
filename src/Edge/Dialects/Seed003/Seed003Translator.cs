using System.Globalization;
using System.Text.Json;
using Rides.Edge.Operations;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Sockets;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Chat;
using Rides.Grains.Errors;
using Rides.Grains.Support;

namespace Rides.Edge.Dialects.Seed003;

/// <summary>
/// Seed 003's chat WebSocket at <c>/api/websocket/connect?token=…</c> between field staff (BUS_DRIVER, QUEUE_REGULATOR) and
/// the control centre (CONTROL_STAFF, CONTROL_ADMIN): requests <c>{type, data}</c> answered, in order, by
/// <c>{success: true, …}</c> or <c>{success: false, error}</c> (no <c>type</c>, as the seed shows them); broadcasts
/// <c>new_message</c>, <c>typing_status</c>, <c>message_read</c> and, to staff in a joined support room,
/// <c>new_support_conversation</c>. The same grains and operations as the hub's support methods decide who may do what.
/// </summary>
public sealed partial class Seed003Translator(
    SocketSession session,
    SupportOperations support,
    ConnectionStreams streams,
    IClusterClient cluster) : SocketTranslator(session)
{
    /// <summary>The path seed 003's apps connect to.</summary>
    public const string Path = "/api/websocket/connect";

    /// <summary>The request types this dialect reads.</summary>
    public static IReadOnlyList<string> ClientTypes { get; } =
    [
        "send_chat_message", "create_support_conversation", "get_active_conversations", "join_conversation",
        "join_support_room", "typing_indicator", "get_conversation_messages", "mark_message_read",
    ];

    /// <summary>The dialect's settings: snake_case frames, 401 before the upgrade for a bad token, in seed 003's error shape.</summary>
    public static SocketDialectOptions Dialect { get; } = new()
    {
        Name = "seed003",
        Json = CreateJson(),
        Unauthenticated = SocketUnauthenticated.RefuseUpgrade,
        RefusalBody = refusal => new Seed003ErrorFrame(false, refusal.Message, refusal.Code) { Detail = refusal.Detail },
    };

    private DateTimeOffset Now => Session.Time.GetUtcNow();

    /// <inheritdoc />
    public override Task OnFrameAsync(SocketFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var data = frame.Object("data");
        return frame.Type switch
        {
            "send_chat_message" => SendChatMessageAsync(data),
            "create_support_conversation" => CreateAsync(data),
            "get_active_conversations" => ActiveAsync(),
            "join_conversation" => JoinConversationAsync(data),
            "join_support_room" => JoinSupportRoomAsync(data),
            "typing_indicator" => TypingAsync(data),
            "get_conversation_messages" => MessagesAsync(data),
            "mark_message_read" => MarkReadAsync(data),
            _ => throw frame.UnknownType(ClientTypes),
        };
    }

    /// <inheritdoc />
    public override object ErrorFrame(SocketError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Seed003ErrorFrame(false, error.Message, error.Code) { Detail = error.Detail, RequestType = error.Frame?.Type };
    }

    /// <summary>A message id as seed 003 writes ids: a string.</summary>
    internal static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task SendChatMessageAsync(JsonElement data)
    {
        var reader = new PayloadReader(data, "data");
        var conversationId = reader.Id("conversation_id");
        var content = reader.Text("content", PayloadLimits.MaxChatMessageLength);
        reader.ThrowIfInvalid();
        var sent = await support.Conversation(conversationId).Send(Session.Caller, content).ConfigureAwait(false);
        Session.Send(new MessageSentResponse(true, "Message sent successfully", Id(sent.Id), conversationId, sent.SentAt));
    }

    private async Task CreateAsync(JsonElement data)
    {
        var request = CreateConversationPayload.Read(data);
        var view = await support.CreateAsync(Session.ConnectionId, Session.Caller, request.ToRequest(), request.ConversationId).ConfigureAwait(false);
        Session.Send(new ConversationCreatedResponse(
            true, "Support conversation created successfully", view.ConversationId, view.Title, [.. view.Participants.Select(p => p.UserId)], Now));
    }

    private async Task ActiveAsync()
    {
        var caller = Session.Caller;
        var conversations = await cluster.Get<ISupportInboxGrain>(caller.UserId).GetActive(caller).ConfigureAwait(false);
        Session.Send(new ActiveConversationsResponse(true, [.. conversations.Select(Seed003Conversation.From)], conversations.Count, Now));
    }

    private async Task JoinConversationAsync(JsonElement data)
    {
        var id = ConversationPayload.Read(data).ConversationId;
        await support.JoinAsync(Session.ConnectionId, Session.Caller, id).ConfigureAwait(false);
        Session.Send(new JoinedConversationResponse(true, $"Joined conversation {id}", id));
    }

    private async Task JoinSupportRoomAsync(JsonElement data)
    {
        var roomType = SupportRoomPayload.Read(data).RoomType;
        var wire = SupportRoomTypeNames.ToWire(roomType);
        var room = await cluster.Get<ISupportRoomGrain>(wire).Join(Session.Caller).ConfigureAwait(false);
        await streams.JoinSupportRoomAsync(Session.ConnectionId, roomType).ConfigureAwait(false);
        Session.Send(new JoinedSupportRoomResponse(true, $"Joined {wire.Replace('_', ' ')} room successfully", room.RoomId, wire, Now));
    }

    private async Task TypingAsync(JsonElement data)
    {
        var reader = new PayloadReader(data, "data");
        var conversationId = reader.Id("conversation_id");
        var isTyping = reader.Boolean("is_typing");
        reader.ThrowIfInvalid();
        await support.Conversation(conversationId).SetTyping(Session.Caller, isTyping).ConfigureAwait(false);
        Session.Send(new Seed003Ack(true));
    }

    private async Task MessagesAsync(JsonElement data)
    {
        var request = ConversationMessagesPayload.Read(data);
        var page = await support.Conversation(request.ConversationId)
            .GetMessages(Session.Caller, new ChatPageRequest(request.Limit, request.BeforeId, request.Skip)).ConfigureAwait(false);
        Session.Send(new ConversationMessagesResponse(
            true,
            [.. page.Messages.Select(m => Message(m.Id, m.SenderId, Seed003Roles.Of(m.SenderRole), m.Text, m.SentAt) with { ConversationId = request.ConversationId })],
            page.Messages.Count,
            request.ConversationId,
            page.HasMore));
    }

    private async Task MarkReadAsync(JsonElement data)
    {
        var reader = new PayloadReader(data, "data");
        var conversationId = reader.Id("conversation_id");
        var messageId = reader.MessageId("message_id");
        reader.ThrowIfInvalid();
        await support.Conversation(conversationId).MarkRead(Session.Caller, messageId).ConfigureAwait(false);
        Session.Send(new Seed003Ack(true));
    }

    private static Seed003Message Message(long id, string senderId, string senderRole, string content, DateTimeOffset sentAt) =>
        new(Id(id), senderId, content, "TEXT", sentAt) { SenderRole = senderRole };

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        EdgeJson.Configure(json);
        return json;
    }
}
