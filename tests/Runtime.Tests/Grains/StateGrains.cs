using Rides.Runtime.Reminders;
using Rides.Runtime.Storage;

namespace Rides.Runtime.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }

    public List<string> History { get; set; } = [];
}

public interface IStatefulGrain : IGrainWithStringKey
{
    Task<int> Add(int amount, string note);

    Task<CounterState> Get();

    Task<string?> Etag();

    Task Deactivate();

    Task<int> Activations();

    Task SetInMemoryOnly(int value);
}

public sealed class StatefulGrain([PersistentState("counter")] IPersistentState<CounterState> state, Probe probe) : Grain, IStatefulGrain
{
    private int _activationNumber;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activationNumber = probe.Log.Count(l => l == $"activate:{GetPrimaryKeyString()}") + 1;
        probe.Signal($"activate:{GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A grain that buffers state writes it when it is deactivated (graceful shutdown included).
        await state.WriteStateAsync(cancellationToken);
        probe.Signal($"deactivate:{GetPrimaryKeyString()}", reason.Code.ToString());
    }

    public async Task<int> Add(int amount, string note)
    {
        state.State.Value += amount;
        state.State.History.Add(note);
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<CounterState> Get() => Task.FromResult(state.State);

    public Task<string?> Etag() => Task.FromResult(state.Etag);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<int> Activations() => Task.FromResult(_activationNumber);

    public Task SetInMemoryOnly(int value)
    {
        state.State.Value = value;
        return Task.CompletedTask;
    }
}

public interface IReminderGrain : IGrainWithStringKey
{
    Task Schedule(TimeSpan due, TimeSpan period);

    Task Cancel();

    Task Deactivate();
}

public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain, IRemindable
{
    public Task Schedule(TimeSpan due, TimeSpan period) => RegisterOrUpdateReminder("tick", due, period);

    public async Task Cancel()
    {
        var reminder = await GetReminder("tick");
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Signal($"reminder:{GetPrimaryKeyString()}:{reminderName}", status.CurrentTickTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }
}
