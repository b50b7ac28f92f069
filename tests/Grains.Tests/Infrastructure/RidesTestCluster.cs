using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Domain.Trips;
using Rides.Grains.Drivers;
using Rides.Grains.Events;
using Rides.Grains.Rides;
using Rides.Grains.Storage;
using Rides.Silo.Schema;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Infrastructure;

/// <summary>
/// An Orleans test cluster of two silos with the ride grains, spread over both by their placement (so
/// every call between silos is serialized), grain state, reminders and chat on a fresh PostgreSQL schema,
/// and a fake clock that drives the grains, their timers and reminders.
/// </summary>
public sealed class RidesTestCluster : IAsyncDisposable
{
    /// <summary>Where the tests happen: San Francisco.</summary>
    public static readonly GeoPoint Center = new(37.7749, -122.4194);

    /// <summary>How many silos each test cluster has.</summary>
    public const short SiloCount = 2;

    private readonly TestSchema _schema;
    private readonly bool _ownsSchema;

    private RidesTestCluster(InProcessTestCluster cluster, TestSchema schema, FakeTimeProvider time, bool ownsSchema, string serviceId)
    {
        ServiceId = serviceId;
        Cluster = cluster;
        _schema = schema;
        Time = time;
        _ownsSchema = ownsSchema;
    }

    public InProcessTestCluster Cluster { get; }

    /// <summary>The Orleans service id: stored state and reminders are keyed by it.</summary>
    public string ServiceId { get; }

    /// <summary>The cluster's own PostgreSQL schema: grain state, reminders, chat and history.</summary>
    public string ConnectionString => _schema.ConnectionString;

    /// <summary>The grains' clock: moves only when a test advances it.</summary>
    public FakeTimeProvider Time { get; }

    public IGrainFactory Grains => Cluster.Client;

    public IClusterClient Client => Cluster.Client;

    public static async Task<RidesTestCluster> StartAsync(Action<DispatchOptions>? dispatch = null, Action<TripOptions>? trip = null)
    {
        var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        return await StartAsync(schema, NewClock(), ownsSchema: true, "rides-" + Guid.NewGuid().ToString("N"), dispatch, trip);
    }

    /// <summary>
    /// A second, separate cluster over this cluster's database and clock: what a real cluster has for a
    /// moment during a membership change, two activations of one grain over the same stored state.
    /// </summary>
    public Task<RidesTestCluster> StartTwinAsync(Action<DispatchOptions>? dispatch = null) =>
        StartAsync(_schema, Time, ownsSchema: false, ServiceId, dispatch, trip: null);

    /// <summary>Restarts every silo, one after the other: every activation is gone, state comes back from PostgreSQL.</summary>
    public async Task RestartAllSilosAsync()
    {
        foreach (var silo in Cluster.Silos.ToList())
        {
            await Cluster.RestartSiloAsync(silo).TimeoutAfter(TimeSpan.FromSeconds(60));
        }

        await Cluster.WaitForLivenessToStabilizeAsync().TimeoutAfter(TimeSpan.FromSeconds(60));
    }

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static async Task<RidesTestCluster> StartAsync(TestSchema schema, FakeTimeProvider time, bool ownsSchema, string serviceId, Action<DispatchOptions>? dispatch, Action<TripOptions>? trip)
    {
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(schema.ConnectionString))
        {
            await PostgresSchemaInstaller.EnsureInstalledAsync(dataSource).DefaultTimeout();
        }

        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSiloHost((_, host) =>
        {
            // The fake clock drives grains, grain timers and reminders; the runtime's own loops stay on real time.
            host.Services.AddSingleton<TimeProvider>(time);
            host.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            host.Services.AddKeyedSingleton<TimeProvider>("Orleans.Reminders", time);
        });
        builder.ConfigureSilo((_, silo) => silo
            .AddRidesGrains()
            .AddAdoNetGrainStorageAsDefault(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = schema.ConnectionString;
                o.GrainStorageSerializer = new JsonGrainStateSerializer();
            })
            .UseAdoNetReminderService(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = schema.ConnectionString;
            })
            .UsePostgresGrainTables(schema.ConnectionString)
            .Configure<DispatchOptions>(o => dispatch?.Invoke(o))
            .Configure<TripOptions>(o => trip?.Invoke(o)));
        var cluster = builder.Build();
        await cluster.DeployAsync().TimeoutAfter(TimeSpan.FromSeconds(60));
        return new RidesTestCluster(cluster, schema, time, ownsSchema, serviceId);
    }

    public IRideGrain Ride(string rideId) => Grains.GetGrain<IRideGrain>(rideId);

    public IDriverGrain Driver(string driverId) => Grains.GetGrain<IDriverGrain>(driverId);

    /// <summary>A driver with a profile, online, at <paramref name="northMeters"/> north of the center.</summary>
    public async Task<string> OnlineDriverAsync(string driverId, double northMeters = 200, VehicleType type = VehicleType.Standard, double eastMeters = 0)
    {
        var caller = Caller.Driver(driverId, "Driver " + driverId);
        await Driver(driverId).UpdateProfile(caller, new DriverProfile("Driver " + driverId, "Toyota", "Camry", type, "RIDE-" + driverId, "blue")).DefaultTimeout();
        await Driver(driverId).GoOnline(caller).DefaultTimeout();
        var at = GeoMath.Offset(Center, northMeters, eastMeters);
        await Driver(driverId).UpdateLocation(caller, new LocationUpdate(at.Latitude, at.Longitude, 90, 5)).DefaultTimeout();
        return driverId;
    }

    /// <summary>Requests a ride from the center to 3 km north; returns its id.</summary>
    public async Task<RideView> RequestRideAsync(string riderId, string? rideId = null, VehicleType type = VehicleType.Standard)
    {
        var destination = GeoMath.Offset(Center, 3000, 0);
        var request = new RideRequest(new Place(Center.Latitude, Center.Longitude, "123 Main St"), new Place(destination.Latitude, destination.Longitude, "456 Oak Ave"), type);
        return await Ride(rideId ?? RideIds.New()).Create(Caller.Rider(riderId, "Rider " + riderId), request).DefaultTimeout();
    }

    public TopicProbe<T> Probe<T>(TopicId topic) => new(Client, topic);

    /// <summary>Whether an activation of <paramref name="grainId"/> (e.g. <c>ride/…</c>, <c>geocell/…</c>) is in the cluster now.</summary>
    public async Task<bool> IsActivatedAsync(string grainId)
    {
        var stats = await Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics().DefaultTimeout();
        return stats.Any(s => s.GrainId.ToString() == grainId);
    }

    /// <summary>
    /// Waits until <paramref name="grainId"/> has no activation, at most 10 s: deactivation runs after the turn that
    /// asked for it, with no signal to wait on, so this asks the cluster until it is done.
    /// </summary>
    public async Task UntilDeactivatedAsync(string grainId, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await IsActivatedAsync(grainId))
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (_ownsSchema)
        {
            await _schema.DisposeAsync();
        }
    }
}
