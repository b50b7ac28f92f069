using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rides.Runtime.Activation;
using Rides.Runtime.Filters;
using Rides.Runtime.Reminders;
using Rides.Runtime.Storage;

namespace Rides.Runtime.Hosting;

/// <summary>The <c>AddXxx()</c> extensions that configure a silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Hosts every grain class of <paramref name="assembly"/>.</summary>
    public static ISiloBuilder AddGrains(this ISiloBuilder builder, Assembly assembly)
    {
        builder.Services.AddSingleton(new GrainAssembly(assembly));
        return builder;
    }

    /// <summary>Hosts the grain class <typeparamref name="TGrain"/>.</summary>
    public static ISiloBuilder AddGrain<TGrain>(this ISiloBuilder builder)
        where TGrain : Grain
    {
        builder.Services.AddSingleton(new GrainClassRegistration(typeof(TGrain)));
        return builder;
    }

    /// <summary>Adds in-memory grain storage named <paramref name="name"/>; silos given the same <see cref="MemoryStorageStore"/> share it.</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name)
    {
        builder.Services.TryAddSingleton<MemoryStorageStore>();
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => ActivatorUtilities.CreateInstance<MemoryGrainStorage>(sp));
        return builder;
    }

    /// <summary>Adds in-memory grain storage as the default provider.</summary>
    public static ISiloBuilder AddMemoryGrainStorageAsDefault(this ISiloBuilder builder) =>
        builder.AddMemoryGrainStorage(ProviderConstants.DefaultStorageProviderName);

    /// <summary>Keeps reminders in memory (the default when no other reminder table is registered).</summary>
    public static ISiloBuilder UseInMemoryReminderService(this ISiloBuilder builder)
    {
        builder.Services.TryAddSingleton<IReminderTable, InMemoryReminderTable>();
        return builder;
    }

    /// <summary>Adds a filter that runs around every incoming grain call.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IIncomingGrainCallFilter
    {
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <summary>Configures options of the silo.</summary>
    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        builder.Services.Configure(configure);
        return builder;
    }
}
