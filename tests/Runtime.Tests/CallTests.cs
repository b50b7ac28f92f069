using System.Reflection;
using Rides.Runtime.Filters;
using Rides.Runtime.Hosting;
using Rides.Runtime.Tests.Grains;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Tests;

public sealed class CallTests
{
    [Fact]
    public async Task A_grain_exception_reaches_the_caller_with_its_type_message_and_properties()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;

        var error = await Assert.ThrowsAsync<OrderRefusedException>(() => cluster.GrainFactory.GetGrain<IMiscGrain>("m").Refuse("NO_STOCK")).DefaultTimeout();

        Assert.Equal("NO_STOCK", error.Code);
        Assert.Equal("Order refused: NO_STOCK", error.Message);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public async Task Forced_serialization_copies_arguments_results_and_exceptions()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.Configure<SiloOptions>(o => o.ForceSerialization = true));
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IMiscGrain>("m");
        var order = new Order("o1", ["a", "b"], 12.5m);

        Assert.Equal(2, await grain.StoreAndCount(order).DefaultTimeout());
        order.Items.Add("mutated after the call");
        var stored = await grain.Stored().DefaultTimeout();

        Assert.NotSame(order, stored);
        Assert.Equal(["a", "b"], stored!.Items);
        var echoed = await grain.Echo(order).DefaultTimeout();
        Assert.NotSame(order, echoed);
        Assert.Equal(order.Items, echoed.Items);
        var error = await Assert.ThrowsAsync<OrderRefusedException>(() => grain.Refuse("LATE")).DefaultTimeout();
        Assert.Equal(("LATE", 3), (error.Code, error.Attempts));
    }

    [Fact]
    public async Task Without_forced_serialization_local_calls_pass_the_same_objects()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.Configure<SiloOptions>(o => o.ForceSerialization = false));
        await using var _ = cluster;
        var order = new Order("o1", ["a"], 1m);

        Assert.Same(order, await cluster.GrainFactory.GetGrain<IMiscGrain>("m").Echo(order).DefaultTimeout());
    }

    [Fact]
    public async Task A_grain_reference_passed_in_a_message_calls_the_same_grain()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.Configure<SiloOptions>(o => o.ForceSerialization = true));
        await using var _ = cluster;
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("c");
        var serializer = cluster.Primary.Services.GetService(typeof(Serialization.IWireSerializer)) as Serialization.IWireSerializer;

        var copy = Serialization.WireSerializerExtensions.DeepCopy(serializer!, counter);
        await copy.Enter().DefaultTimeout();

        Assert.Equal(1, await counter.Entered().DefaultTimeout());
        Assert.Equal(((IGrainReference)counter).GrainId, ((IGrainReference)copy).GrainId);
        Assert.Equal(counter, copy);
    }

    [Fact]
    public async Task Value_task_methods_and_void_methods_complete()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IMiscGrain>("m");

        Assert.Equal(42, await grain.ValueTaskMethod(21).DefaultTimeout());
        await grain.Nothing().DefaultTimeout();
    }

    [Fact]
    public async Task Incoming_filters_run_around_every_call_and_metrics_count_calls_and_errors()
    {
        var (cluster, probe, _) = await ClusterFactory.StartAsync(silo => silo.AddIncomingGrainCallFilter<RecordingFilter>());
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IMiscGrain>("m");

        await grain.ValueTaskMethod(1).DefaultTimeout();
        await Assert.ThrowsAsync<OrderRefusedException>(() => grain.Refuse("X")).DefaultTimeout();

        Assert.Equal(["filter:ValueTaskMethod", "filter:Refuse"], probe.Log.Where(l => l.StartsWith("filter:", StringComparison.Ordinal)).ToArray());
        var snapshot = cluster.Primary.Statistics.GetSnapshot();
        var refuse = snapshot.Calls.Single(c => c.GrainType == "misc" && c.Method == "Refuse");
        Assert.Equal((1L, 1L), (refuse.Calls, refuse.Errors));
        Assert.Equal(1, snapshot.Activations["misc"]);
    }

    [Fact]
    public async Task An_unknown_grain_interface_is_refused_with_a_clear_error()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;

        var error = Assert.Throws<ArgumentException>(() => cluster.GrainFactory.GetGrain<IUnimplementedGrain>("x"));
        Assert.Contains("AddGrains", error.Message);
    }

    public interface IUnimplementedGrain : IGrainWithStringKey
    {
        Task Nothing();
    }

    private sealed class RecordingFilter(Probe probe) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            probe.Signal($"filter:{context.InterfaceMethod.Name}");
            await context.Invoke();
        }
    }
}
