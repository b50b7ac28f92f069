using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Rides.Silo.Tests.Schema;

/// <summary>A grain with one state kept by the "Default" ADO.NET grain storage.</summary>
public interface ISchemaStateGrain : IGrainWithStringKey
{
    /// <summary>The stored value, as this activation holds it.</summary>
    Task<string?> GetAsync();

    /// <summary>Sets and writes the value.</summary>
    Task SetAsync(string value);

    /// <summary>Clears the state in storage.</summary>
    Task ClearAsync();
}

/// <summary>The state of <see cref="SchemaStateGrain"/>.</summary>
[GenerateSerializer]
public sealed class SchemaTestState
{
    /// <summary>The value.</summary>
    [Id(0)]
    public string? Value { get; set; }
}

/// <summary>Keeps <see cref="SchemaTestState"/> under the state name <see cref="StateName"/>.</summary>
public sealed class SchemaStateGrain(
    [PersistentState(SchemaStateGrain.StateName, SchemaTestCluster.DefaultStorage)] IPersistentState<SchemaTestState> state)
    : Grain, ISchemaStateGrain
{
    /// <summary>The state's name, which the ADO.NET provider stores as GrainTypeString.</summary>
    public const string StateName = "schemaTest";

    /// <inheritdoc />
    public Task<string?> GetAsync() => Task.FromResult(state.State.Value);

    /// <inheritdoc />
    public async Task SetAsync(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task ClearAsync() => state.ClearStateAsync();
}

/// <summary>A grain that registers a reminder and reports every tick to <see cref="SchemaReminderTicks"/>.</summary>
public interface ISchemaReminderGrain : IGrainWithStringKey
{
    /// <summary>Registers (or changes) the reminder <see cref="SchemaReminderGrain.ReminderName"/>.</summary>
    Task StartAsync(TimeSpan period);
}

/// <summary>Reports each tick of its reminder, with the silo it ran on.</summary>
public sealed class SchemaReminderGrain(ILocalSiloDetails silo) : Grain, ISchemaReminderGrain, IRemindable
{
    /// <summary>The reminder's name.</summary>
    public const string ReminderName = "schema-test";

    /// <inheritdoc />
    public Task StartAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        SchemaReminderTicks.Record(this.GetPrimaryKeyString(), silo.SiloAddress);
        return Task.CompletedTask;
    }
}

/// <summary>The reminder ticks seen in this process, per grain key (the tests run the silos in-process).</summary>
public static class SchemaReminderTicks
{
    private static readonly ConcurrentDictionary<string, Channel<SiloAddress>> s_ticks = new(StringComparer.Ordinal);

    /// <summary>Records a tick of the grain <paramref name="key"/> on <paramref name="silo"/>.</summary>
    public static void Record(string key, SiloAddress silo) => For(key).Writer.TryWrite(silo);

    /// <summary>Waits for a tick of grain <paramref name="key"/> that ran on <paramref name="silo"/>, skipping others.</summary>
    public static async Task WaitForTickOnAsync(string key, SiloAddress silo, CancellationToken cancellationToken)
    {
        var reader = For(key).Reader;
        while (!(await reader.ReadAsync(cancellationToken).ConfigureAwait(false)).Equals(silo))
        {
        }
    }

    private static Channel<SiloAddress> For(string key) => s_ticks.GetOrAdd(key, _ => Channel.CreateUnbounded<SiloAddress>());
}
