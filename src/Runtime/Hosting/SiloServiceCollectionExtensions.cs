using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rides.Runtime.Activation;
using Rides.Runtime.Membership;
using Rides.Runtime.Messaging;
using Rides.Runtime.Metrics;
using Rides.Runtime.Reminders;
using Rides.Runtime.Serialization;
using Rides.Runtime.Streams;

namespace Rides.Runtime.Hosting;

/// <summary>Adds a silo to a host.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime: grain activation, the router, streams, reminders, idle collection, metrics,
    /// and the silo's start and graceful stop. <paramref name="configure"/> adds grains and providers.
    /// </summary>
    public static IServiceCollection AddRidesSilo(this IServiceCollection services, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new SiloBuilder(services);
        configure(builder);

        services.AddOptions<SiloOptions>();
        services.AddOptions<GrainCollectionOptions>();
        services.AddOptions<ReminderOptions>();
        services.AddOptions<StreamOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.TryAddSingleton<IReminderTable, InMemoryReminderTable>();
        services.TryAddSingleton<IMembershipTable, InMemoryMembershipTable>();

        services.AddSingleton<GrainTypeRegistry>();
        services.AddSingleton<Catalog>();
        services.AddSingleton<GrainActivator>();
        services.AddSingleton<RuntimeMetrics>();
        services.AddSingleton<StreamRegistry>();
        services.AddSingleton<LocalReminderService>();
        services.AddSingleton<ActivationCollector>();
        services.AddSingleton<MembershipAgent>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton<IWireSerializer>(sp => new JsonWireSerializer(() => sp.GetRequiredService<MessageRouter>().Factory));
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<SiloRuntime>().Router.Factory);
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<IClusterClient>());
        services.AddSingleton<ISiloStatistics, SiloStatistics>();
        services.AddSingleton<IHostedService, SiloHostedService>();
        return services;
    }
}
