using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Grains.Chat;
using Rides.Grains.History;
using Rides.Grains.Storage;
using Rides.Grains.Events;
using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Domain.Fares;
using Rides.Grains.Domain.Trips;
using Rides.Grains.Drivers;
using Rides.Grains.Rides;
using Orleans.Hosting;

namespace Rides.Grains;

/// <summary>Adds the ride grains to a silo (<c>silo.AddRidesGrains()</c>).</summary>
public static class RidesGrainsSiloBuilderExtensions
{
    /// <summary>The connection string name whose presence puts chat messages and ride histories in PostgreSQL.</summary>
    public const string ConnectionStringName = "Rides";

    /// <summary>
    /// Hosts the ride, driver, rider, geo-cell, chat, support and stats grains; binds their options
    /// (<c>Rides:Dispatch</c>, <c>Rides:Fares</c>, <c>Rides:Trip</c>, <c>Rides:Drivers</c>) from
    /// <paramref name="configuration"/>, or from the host's <see cref="IConfiguration"/> when null;
    /// and registers the chat and ride history stores: PostgreSQL when <c>ConnectionStrings:Rides</c> is
    /// set, memory otherwise (unless one is already registered).
    /// </summary>
    public static ISiloBuilder AddRidesGrains(this ISiloBuilder builder, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        Bind<DispatchOptions>(services, configuration, DispatchOptions.SectionName);
        Bind<FareOptions>(services, configuration, FareOptions.SectionName);
        Bind<TripOptions>(services, configuration, TripOptions.SectionName);
        Bind<DriverOptions>(services, configuration, DriverOptions.SectionName);
        Bind<TopicOptions>(services, configuration, TopicOptions.SectionName);
        services.AddOptions<DispatchOptions>().Validate(o => { o.Validate(); return true; });
        builder.AddIncomingGrainCallFilter<OutageCallFilter>();

        services.TryAddSingleton(sp => new FareCalculator(sp.GetRequiredService<IOptions<FareOptions>>().Value));
        services.TryAddSingleton(sp => new DispatchPlanner(sp.GetRequiredService<IOptions<DispatchOptions>>().Value));
        services.TryAddSingleton<IChatStore>(sp => PostgresConnectionString(sp, configuration) is { } connectionString
            ? new PostgresChatStore(connectionString, sp.GetService<ILogger<PostgresChatStore>>())
            : new MemoryChatStore());
        services.TryAddSingleton<IRideHistoryStore>(sp => PostgresConnectionString(sp, configuration) is { } connectionString
            ? new PostgresRideHistoryStore(connectionString, sp.GetService<ILogger<PostgresRideHistoryStore>>())
            : new MemoryRideHistoryStore());
        return builder;
    }

    /// <summary>
    /// Keeps the grains' own tables — chat messages and ride histories — in PostgreSQL at
    /// <paramref name="connectionString"/> (its search path chooses the schema).
    /// </summary>
    public static ISiloBuilder UsePostgresGrainTables(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.RemoveAll<IChatStore>();
        builder.Services.RemoveAll<IRideHistoryStore>();
        builder.Services.AddSingleton<IChatStore>(sp => new PostgresChatStore(connectionString, sp.GetService<ILogger<PostgresChatStore>>()));
        builder.Services.AddSingleton<IRideHistoryStore>(sp => new PostgresRideHistoryStore(connectionString, sp.GetService<ILogger<PostgresRideHistoryStore>>()));
        return builder;
    }

    /// <summary>Keeps chat messages and ride histories in this process's memory.</summary>
    public static ISiloBuilder UseMemoryGrainTables(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IChatStore>();
        builder.Services.RemoveAll<IRideHistoryStore>();
        builder.Services.AddSingleton<IChatStore, MemoryChatStore>();
        builder.Services.AddSingleton<IRideHistoryStore, MemoryRideHistoryStore>();
        return builder;
    }

    private static string? PostgresConnectionString(IServiceProvider services, IConfiguration? configuration) =>
        (configuration ?? services.GetService<IConfiguration>())?.GetConnectionString(ConnectionStringName) is { } value && !string.IsNullOrWhiteSpace(value)
            ? PostgresConnectionDefaults.Apply(value)
            : null;

    private static void Bind<TOptions>(IServiceCollection services, IConfiguration? configuration, string section)
        where TOptions : class
    {
        var options = services.AddOptions<TOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(section));
        }
        else
        {
            options.BindConfiguration(section);
        }
    }
}
