using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Runtime.Activation;
using Rides.Runtime.Filters;
using Rides.Runtime.Messaging;
using Rides.Runtime.Metrics;
using Rides.Runtime.Reminders;
using Rides.Runtime.Serialization;
using Rides.Runtime.Streams;

namespace Rides.Runtime.Hosting;

/// <summary>The services of one silo that activations reach: one object, so an activation carries one pointer.</summary>
internal sealed class SiloRuntime
{
    public SiloRuntime(
        Catalog catalog,
        GrainTypeRegistry registry,
        GrainActivator activator,
        MessageRouter router,
        RuntimeMetrics metrics,
        StreamRegistry streams,
        LocalReminderService reminders,
        IWireSerializer serializer,
        IEnumerable<IIncomingGrainCallFilter> filters,
        TimeProvider timeProvider,
        IOptions<SiloOptions> options,
        ILogger<SiloRuntime> logger)
    {
        Catalog = catalog;
        Registry = registry;
        Activator = activator;
        Router = router;
        Metrics = metrics;
        Streams = streams;
        Reminders = reminders;
        Serializer = serializer;
        Filters = filters.ToArray();
        TimeProvider = timeProvider;
        Options = options.Value;
        Log = new RuntimeLog(logger);
        catalog.Attach(this);
    }

    public Catalog Catalog { get; }

    public GrainTypeRegistry Registry { get; }

    public GrainActivator Activator { get; }

    public MessageRouter Router { get; }

    public RuntimeMetrics Metrics { get; }

    public StreamRegistry Streams { get; }

    public LocalReminderService Reminders { get; }

    public IWireSerializer Serializer { get; }

    public IIncomingGrainCallFilter[] Filters { get; }

    public TimeProvider TimeProvider { get; }

    public SiloOptions Options { get; }

    public RuntimeLog Log { get; }
}
