using Orleans.Placement;
using Orleans.Storage;
using Rides.Grains.Authorization;
using Rides.Grains.Events;
using Rides.Grains.Chat;
using Rides.Grains.Domain.Chat;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Errors;

namespace Rides.Grains.Support;

/// <summary>
/// A support conversation (seed 003). It calls inbox and room grains, which call nobody, so no
/// call cycle; messages go to the chat store like ride chat.
/// </summary>
[GrainType("supportconversation")]
[RandomPlacement]
public sealed class SupportConversationGrain(
    [PersistentState("support")] IPersistentState<SupportConversationState> state,
    IChatStore store,
    TimeProvider time) : Grain, ISupportConversationGrain
{
    private const int MaxTitleLength = 200;
    private const string TitlePrefix = "Support: ";

    private ChatRoomCore? _core;

    private SupportConversationState S => state.State;

    private string ConversationId => this.GetPrimaryKeyString();

    private ChatRoomCore Core => _core ?? throw new InvalidOperationException("The conversation is not activated.");

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _core = new ChatRoomCore(ChatRoomKinds.Support, ConversationId, store, e => this.PublishAsync(Topics.SupportChat(ConversationId), e), time);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SupportConversationView> Create(Caller caller, CreateSupportConversation request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Demand(PlatformAction.OpenSupportConversation, caller.Role, Relation.None);

        if (request is null)
        {
            throw DomainErrors.Validation("request", "is required");
        }

        var title = TitlePrefix + Validate.RequiredText(request.Title, "title", MaxTitleLength);
        var content = ChatRules.NormalizeText(request.Content);
        Validate.Enum(request.RoomType, "room_type");
        if (state.RecordExists)
        {
            if (S.CreatedBy == caller.UserId && S.Title == title && S.FirstMessage == content && S.RoomType == request.RoomType)
            {
                return View();
            }

            throw DomainErrors.NotAParticipant("conversation");
        }

        S.Title = title;
        S.FirstMessage = content;
        S.Status = SupportConversationStatus.Active;
        S.RoomType = request.RoomType;
        S.CreatedBy = caller.UserId;
        S.CreatedAt = time.GetUtcNow();
        S.Participants = [new SupportParticipant(caller.UserId, caller.Role, caller.Name)];
        await PersistAsync();

        S.LastMessage = await Core.SendAsync(caller, content);
        await PersistAsync();
        await AnnounceAsync();
        return View();
    }

    /// <inheritdoc />
    public Task<SupportConversationView> Get(Caller caller)
    {
        Authorize(caller, PlatformAction.ReadSupportConversation);
        return Task.FromResult(View());
    }

    /// <inheritdoc />
    public async Task<SupportConversationView> Join(Caller caller)
    {
        if (Authorize(caller, PlatformAction.JoinSupportConversation) != Relation.Foreign)
        {
            return View();
        }

        S.Participants.Add(new SupportParticipant(caller.UserId, caller.Role, caller.Name));
        await PersistAsync();
        await AnnounceAsync();
        return View();
    }

    /// <inheritdoc />
    public async Task<ChatMessage> Send(Caller caller, string text)
    {
        var normalized = ChatRules.NormalizeText(text);
        EnsureWritable(caller, PlatformAction.WriteSupportConversation);
        var message = await Core.SendAsync(caller, normalized);
        S.LastMessage = message;
        await PersistAsync();
        await AnnounceAsync();
        return message;
    }

    /// <inheritdoc />
    public async Task<ChatPage> GetMessages(Caller caller, ChatPageRequest page)
    {
        var normalized = ChatRules.NormalizePage(page);
        Authorize(caller, PlatformAction.ReadSupportConversation);
        return await Core.ReadAsync(normalized);
    }

    /// <inheritdoc />
    public Task SetTyping(Caller caller, bool isTyping)
    {
        EnsureWritable(caller, PlatformAction.WriteSupportConversation);
        return Core.PublishTypingAsync(caller, isTyping);
    }

    /// <inheritdoc />
    public Task MarkRead(Caller caller, long messageId)
    {
        Authorize(caller, PlatformAction.MarkSupportRead);
        return Core.PublishReadAsync(caller, messageId);
    }

    /// <inheritdoc />
    public async Task<SupportConversationView> Close(Caller caller)
    {
        Authorize(caller, PlatformAction.CloseSupportConversation);

        if (S.Status != SupportConversationStatus.Closed)
        {
            S.Status = SupportConversationStatus.Closed;
            await PersistAsync();
            await AnnounceAsync();
        }

        return View();
    }

    /// <summary>Tells every participant's inbox and the staff room about the conversation as it now is.</summary>
    private async Task AnnounceAsync()
    {
        var view = View();
        await Task.WhenAll(S.Participants.Select(p => GrainFactory.GetGrain<ISupportInboxGrain>(p.UserId).Upsert(view)));
        await GrainFactory.GetGrain<ISupportRoomGrain>(SupportRoomTypeNames.ToWire(S.RoomType)).Upsert(view);
    }

    private SupportConversationView View() =>
        new(ConversationId, S.Title, S.Status, S.RoomType, S.CreatedBy, S.CreatedAt, S.Participants.ToList(), S.LastMessage, S.LastMessage?.SentAt);

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new RidesException(ErrorCodes.ConversationNotFound, "Conversation not found.", $"conversation_id: {ConversationId}");
        }
    }

    private bool IsParticipant(Caller caller) =>
        caller is not null && S.Participants.Exists(p => p.UserId == caller.UserId && p.Role == caller.Role);

    /// <summary>
    /// CONVERSATION_NOT_FOUND for a conversation never created; then the <see cref="AccessPolicy"/>'s cell for the caller's
    /// role and relation (its creator: own; in it: participant; else foreign). Returns the relation.
    /// </summary>
    private Relation Authorize(Caller caller, PlatformAction action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        EnsureExists();
        var participant = IsParticipant(caller);
        var relation = AccessPolicy.RelationToConversation(participant, participant && caller.UserId == S.CreatedBy);
        AccessPolicy.Demand(action, caller.Role, relation);
        return relation;
    }

    private void EnsureWritable(Caller caller, PlatformAction action)
    {
        Authorize(caller, action);
        if (S.Status == SupportConversationStatus.Closed)
        {
            throw new RidesException(ErrorCodes.ChatReadOnly, "The conversation is closed.");
        }
    }

    private async Task PersistAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle();
            throw new RidesException(ErrorCodes.Conflict, "The conversation changed concurrently; try again.");
        }
    }
}
