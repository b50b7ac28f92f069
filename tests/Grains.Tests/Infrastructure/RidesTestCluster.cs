using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Domain.Trips;
using Rides.Grains.Drivers;
using Rides.Grains.Rides;
using Rides.Runtime;
using Rides.Runtime.Hosting;
using Rides.Runtime.Postgres;
using Rides.Runtime.Testing;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Infrastructure;

/// <summary>
/// A one-silo test cluster with the ride grains on a fresh PostgreSQL schema (grain state,
/// reminders, chat) and a manual clock.
/// </summary>
public sealed class RidesTestCluster : IAsyncDisposable
{
    /// <summary>Where the tests happen: San Francisco.</summary>
    public static readonly GeoPoint Center = new(37.7749, -122.4194);

    private readonly TestSchema _schema;
    private readonly bool _ownsSchema;

    private RidesTestCluster(TestCluster cluster, TestSchema schema, ManualTimeProvider time, bool ownsSchema)
    {
        Cluster = cluster;
        _schema = schema;
        Time = time;
        _ownsSchema = ownsSchema;
    }

    public TestCluster Cluster { get; }

    public ManualTimeProvider Time { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public IClusterClient Client => Cluster.Client;

    public static async Task<RidesTestCluster> StartAsync(Action<DispatchOptions>? dispatch = null, Action<TripOptions>? trip = null)
    {
        var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        return await StartAsync(schema, new ManualTimeProvider(), ownsSchema: true, dispatch, trip);
    }

    /// <summary>
    /// A second, separate silo over this cluster's database and clock: what a real cluster has for a
    /// moment during a membership change, two activations of one grain over the same stored state.
    /// </summary>
    public Task<RidesTestCluster> StartTwinAsync(Action<DispatchOptions>? dispatch = null) =>
        StartAsync(_schema, Time, ownsSchema: false, dispatch, trip: null);

    private static async Task<RidesTestCluster> StartAsync(TestSchema schema, ManualTimeProvider time, bool ownsSchema, Action<DispatchOptions>? dispatch, Action<TripOptions>? trip)
    {
        var cluster = new TestClusterBuilder()
            .UseTimeProvider(time)
            .ConfigureSilo(silo => silo
                .AddRidesGrains()
                .AddPostgresGrainStorageAsDefault(schema.ConnectionString)
                .UsePostgresReminderService(schema.ConnectionString)
                .UsePostgresChatStore(schema.ConnectionString)
                .Configure<DispatchOptions>(o => dispatch?.Invoke(o))
                .Configure<TripOptions>(o => trip?.Invoke(o)))
            .Build();
        await cluster.DeployAsync().DefaultTimeout();
        return new RidesTestCluster(cluster, schema, time, ownsSchema);
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

    public StreamProbe<T> Probe<T>(Runtime.Streams.StreamId streamId) => new(Client.GetStreamProvider("Default").GetStream<T>(streamId));

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (_ownsSchema)
        {
            await _schema.DisposeAsync();
        }
    }
}
