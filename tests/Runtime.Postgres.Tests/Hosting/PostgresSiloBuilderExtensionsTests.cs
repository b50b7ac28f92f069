using Microsoft.Extensions.DependencyInjection;
using Rides.Runtime.Hosting;
using Rides.Runtime.Membership;
using Rides.Runtime.Postgres.Membership;
using Rides.Runtime.Postgres.Reminders;
using Rides.Runtime.Postgres.Storage;
using Rides.Runtime.Reminders;
using Rides.Runtime.Serialization;
using Rides.Runtime.Storage;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Postgres.Tests.Hosting;

public sealed class PostgresSiloBuilderExtensionsTests(PostgresFixture fixture) : PostgresTest(fixture)
{
    [Fact]
    public async Task Registered_providers_resolve_and_share_one_database()
    {
        var builder = new SiloBuilder();
        var returned = builder
            .AddPostgresGrainStorageAsDefault(ConnectionString)
            .AddPostgresGrainStorage("postgres", ConnectionString)
            .UsePostgresReminderService(ConnectionString)
            .UsePostgresClustering(ConnectionString);
        builder.Services.AddSingleton<IWireSerializer>(new JsonWireSerializer());
        await using var services = builder.Services.BuildServiceProvider();

        var defaultStorage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DefaultStorageProviderName);
        var named = services.GetRequiredKeyedService<IGrainStorage>("postgres");
        await defaultStorage.WriteStateAsync("s", new GrainId("ride", "r"), new GrainState<string>("via default")).DefaultTimeout();
        var read = new GrainState<string>("");
        await named.ReadStateAsync("s", new GrainId("ride", "r"), read).DefaultTimeout();

        Assert.Same(builder, returned);
        Assert.Equal("Default", Assert.IsType<PostgresGrainStorage>(defaultStorage).Name);
        Assert.Equal("postgres", Assert.IsType<PostgresGrainStorage>(named).Name);
        Assert.IsType<PostgresReminderTable>(services.GetRequiredService<IReminderTable>());
        Assert.IsType<PostgresMembershipTable>(services.GetRequiredService<IMembershipTable>());
        Assert.Same(services.GetRequiredService<IReminderTable>(), services.GetRequiredService<IReminderTable>());
        Assert.Equal("via default", read.State);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public void A_missing_or_malformed_connection_string_fails_at_registration()
    {
        var builder = new SiloBuilder();

        var empty = Assert.Throws<ArgumentException>(() => builder.AddPostgresGrainStorageAsDefault(" "));
        var malformed = Assert.Throws<ArgumentException>(() => builder.UsePostgresClustering("Host=localhost;Nonsense=1"));
        var noName = Assert.Throws<ArgumentException>(() => builder.AddPostgresGrainStorage("", ConnectionString));

        Assert.Equal("connectionString", empty.ParamName);
        Assert.Equal("connectionString", malformed.ParamName);
        Assert.StartsWith("The PostgreSQL connection string is not valid:", malformed.Message, StringComparison.Ordinal);
        Assert.Equal("name", noName.ParamName);
        Assert.Empty(builder.Services);
    }

    private sealed class SiloBuilder : ISiloBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();
    }
}
