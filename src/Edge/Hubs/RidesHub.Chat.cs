using Rides.Grains;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Models;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;
using Rides.Grains.Chat;
using Rides.Grains.Support;

namespace Rides.Edge.Hubs;

/// <summary>Chat in ride rooms and support conversations: messages, history, typing, read receipts.</summary>
public sealed partial class RidesHub
{
    /// <summary>
    /// <c>send_chat_message {ride_id, message}</c> (seed 000) or <c>{conversation_id, content}</c> (seed 003):
    /// stores the message and delivers it to the room; at most 5 a minute per user.
    /// </summary>
    [HubMethodName(HubMethodNames.SendChatMessage)]
    public async Task<HubResponse> SendChatMessage(JsonElement payload)
    {
        var request = ChatMessagePayload.Read(payload);
        var caller = Caller;
        var message = request.Room.IsConversation
            ? await Conversation(request.Room.ConversationId!).Send(caller, request.Text).ConfigureAwait(false)
            : await ChatRoom(request.Room.RideId!).Send(caller, request.Text).ConfigureAwait(false);
        return new ChatSentResponse
        {
            Message = "Message sent",
            ChatId = message.Id,
            RideId = request.Room.RideId,
            ConversationId = request.Room.ConversationId,
            Timestamp = message.SentAt,
        };
    }

    /// <summary><c>get_ride_chats {ride_id, limit?, before_id?}</c>: the ride room's messages, oldest first (seed 000).</summary>
    [HubMethodName(HubMethodNames.GetRideChats)]
    public async Task<HubResponse> GetRideChats(JsonElement payload)
    {
        var request = RideChatsPayload.Read(payload);
        var page = await ChatRoom(request.RideId).GetMessages(Caller, new ChatPageRequest(request.Limit, request.BeforeId)).ConfigureAwait(false);
        return new RideChatsResponse
        {
            Message = $"Retrieved {page.Messages.Count} chat messages",
            RideId = request.RideId,
            Chats = [.. page.Messages.Select(ChatMessageData.From)],
            HasMore = page.HasMore,
        };
    }

    /// <summary><c>typing_indicator {ride_id | conversation_id, is_typing}</c>: tells the other participants (seed 003).</summary>
    [HubMethodName(HubMethodNames.TypingIndicator)]
    public async Task<HubResponse> TypingIndicator(JsonElement payload)
    {
        var request = TypingPayload.Read(payload);
        var caller = Caller;
        if (request.Room.IsConversation)
        {
            await Conversation(request.Room.ConversationId!).SetTyping(caller, request.IsTyping).ConfigureAwait(false);
        }
        else
        {
            await ChatRoom(request.Room.RideId!).SetTyping(caller, request.IsTyping).ConfigureAwait(false);
        }

        return HubResponse.Success(request.IsTyping ? "Typing" : "Stopped typing");
    }

    /// <summary><c>mark_message_read {ride_id | conversation_id, message_id}</c>: a read receipt for the other participants (seed 003).</summary>
    [HubMethodName(HubMethodNames.MarkMessageRead)]
    public async Task<HubResponse> MarkMessageRead(JsonElement payload)
    {
        var request = MarkReadPayload.Read(payload);
        var caller = Caller;
        if (request.Room.IsConversation)
        {
            await Conversation(request.Room.ConversationId!).MarkRead(caller, request.MessageId).ConfigureAwait(false);
        }
        else
        {
            await ChatRoom(request.Room.RideId!).MarkRead(caller, request.MessageId).ConfigureAwait(false);
        }

        return HubResponse.Success("Message marked as read");
    }

    private IChatRoomGrain ChatRoom(string rideId) => cluster.Get<IChatRoomGrain>(rideId);

    private ISupportConversationGrain Conversation(string conversationId) => cluster.Get<ISupportConversationGrain>(conversationId);
}
