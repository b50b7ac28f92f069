using Orleans.Placement;
using Orleans.Storage;
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
        if (caller.Role is not (UserRole.Rider or UserRole.Driver or UserRole.Regulator))
        {
            throw DomainErrors.Forbidden("open support conversations", "only riders, drivers and queue regulators open support conversations");
        }

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
        EnsureCanRead(caller);
        return Task.FromResult(View());
    }

    /// <inheritdoc />
    public async Task<SupportConversationView> Join(Caller caller)
    {
        EnsureExists();
        if (IsParticipant(caller))
        {
            return View();
        }

        if (!caller.IsStaff)
        {
            throw DomainErrors.NotAParticipant("conversation");
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
        EnsureWritable(caller);
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
        EnsureCanRead(caller);
        return await Core.ReadAsync(normalized);
    }

    /// <inheritdoc />
    public Task SetTyping(Caller caller, bool isTyping)
    {
        EnsureWritable(caller);
        return Core.PublishTypingAsync(caller, isTyping);
    }

    /// <inheritdoc />
    public Task MarkRead(Caller caller, long messageId)
    {
        EnsureExists();
        EnsureParticipant(caller);
        return Core.PublishReadAsync(caller, messageId);
    }

    /// <inheritdoc />
    public async Task<SupportConversationView> Close(Caller caller)
    {
        EnsureExists();
        if (!(caller.IsStaff || (IsParticipant(caller) && caller.UserId == S.CreatedBy)))
        {
            throw IsParticipant(caller) ? DomainErrors.Forbidden("close this conversation") : DomainErrors.NotAParticipant("conversation");
        }

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

    private void EnsureParticipant(Caller caller)
    {
        if (!IsParticipant(caller))
        {
            throw DomainErrors.NotAParticipant("conversation");
        }
    }

    private void EnsureCanRead(Caller caller)
    {
        EnsureExists();
        if (!IsParticipant(caller) && !caller.IsStaff)
        {
            throw DomainErrors.NotAParticipant("conversation");
        }
    }

    private void EnsureWritable(Caller caller)
    {
        EnsureExists();
        EnsureParticipant(caller);
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
