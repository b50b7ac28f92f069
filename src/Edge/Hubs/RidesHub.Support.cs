using Rides.Grains;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Models;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;
using Rides.Grains.Support;

namespace Rides.Edge.Hubs;

/// <summary>Support conversations between field users and staff (seed 003).</summary>
public sealed partial class RidesHub
{
    /// <summary><c>create_support_conversation {title, content, room_type?, conversation_id?}</c>: a rider or driver opens a conversation with staff.</summary>
    [HubMethodName(HubMethodNames.CreateSupportConversation)]
    public async Task<HubResponse> CreateSupportConversation(JsonElement payload)
    {
        var request = CreateConversationPayload.Read(payload);
        var view = await support.CreateAsync(Context.ConnectionId, Caller, request.ToRequest(), request.ConversationId).ConfigureAwait(false);
        return ConversationAnswer("Support conversation created successfully", view);
    }

    /// <summary><c>get_active_conversations {}</c>: the caller's active support conversations.</summary>
    [HubMethodName(HubMethodNames.GetActiveConversations)]
    public async Task<HubResponse> GetActiveConversations(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        var caller = Caller;
        var conversations = await cluster.Get<ISupportInboxGrain>(caller.UserId).GetActive(caller).ConfigureAwait(false);
        return new ActiveConversationsResponse
        {
            Message = $"Retrieved {conversations.Count} active conversations",
            Conversations = [.. conversations.Select(SupportConversationData.From)],
            Timestamp = time.GetUtcNow(),
        };
    }

    /// <summary><c>join_conversation {conversation_id}</c>: participants (and staff, who become participants) receive its messages.</summary>
    [HubMethodName(HubMethodNames.JoinConversation)]
    public async Task<HubResponse> JoinConversation(JsonElement payload)
    {
        var id = ConversationPayload.Read(payload).ConversationId;
        var view = await support.JoinAsync(Context.ConnectionId, Caller, id).ConfigureAwait(false);
        return ConversationAnswer($"Joined conversation {id}", view);
    }

    /// <summary><c>leave_conversation {conversation_id}</c>: stops the conversation's events on this connection.</summary>
    [HubMethodName(HubMethodNames.LeaveConversation)]
    public async Task<HubResponse> LeaveConversation(JsonElement payload)
    {
        var id = ConversationPayload.Read(payload).ConversationId;
        await support.LeaveAsync(Context.ConnectionId, id).ConfigureAwait(false);
        return HubResponse.Success($"Left conversation {id}");
    }

    /// <summary><c>get_conversation_messages {conversation_id, limit?, skip?, before_id?}</c>: a page of messages, oldest first.</summary>
    [HubMethodName(HubMethodNames.GetConversationMessages)]
    public async Task<HubResponse> GetConversationMessages(JsonElement payload)
    {
        var request = ConversationMessagesPayload.Read(payload);
        var page = await Conversation(request.ConversationId)
            .GetMessages(Caller, new Grains.Chat.ChatPageRequest(request.Limit, request.BeforeId, request.Skip)).ConfigureAwait(false);
        return new ConversationMessagesResponse
        {
            Message = $"Retrieved {page.Messages.Count} messages",
            ConversationId = request.ConversationId,
            Messages = [.. page.Messages.Select(SupportMessageData.From)],
            HasMore = page.HasMore,
        };
    }

    /// <summary><c>close_conversation {conversation_id}</c>: its creator or staff closes it; it becomes read-only.</summary>
    [HubMethodName(HubMethodNames.CloseConversation)]
    public async Task<HubResponse> CloseConversation(JsonElement payload)
    {
        var id = ConversationPayload.Read(payload).ConversationId;
        var view = await Conversation(id).Close(Caller).ConfigureAwait(false);
        return ConversationAnswer("Conversation closed", view);
    }

    /// <summary><c>join_support_room {room_type}</c>: staff and admins hear of the room's new and changed conversations.</summary>
    [HubMethodName(HubMethodNames.JoinSupportRoom)]
    public async Task<HubResponse> JoinSupportRoom(JsonElement payload)
    {
        var roomType = SupportRoomPayload.Read(payload).RoomType;
        var room = await cluster.Get<ISupportRoomGrain>(SupportRoomTypeNames.ToWire(roomType)).Join(Caller).ConfigureAwait(false);
        await streams.JoinSupportRoomAsync(Context.ConnectionId, roomType).ConfigureAwait(false);
        return new SupportRoomResponse
        {
            Message = $"Joined {SupportRoomTypeNames.ToWire(roomType).Replace('_', ' ')} room successfully",
            RoomId = room.RoomId,
            RoomType = room.RoomType,
            Conversations = [.. room.OpenConversations.Select(SupportConversationData.From)],
            Timestamp = time.GetUtcNow(),
        };
    }

    private SupportConversationResponse ConversationAnswer(string message, SupportConversationView view) => new()
    {
        Message = message,
        ConversationId = view.ConversationId,
        Title = view.Title,
        Participants = [.. view.Participants.Select(p => p.UserId)],
        Conversation = SupportConversationData.From(view),
        Timestamp = time.GetUtcNow(),
    };
}
