using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rides.Edge.Subscriptions;
using Rides.Edge.Tests.Client;
using Rides.Grains;
using Rides.Grains.Events;
using Rides.Silo.Dashboard;
using Rides.Silo.Hosting;
using Rides.TestInfrastructure;

namespace Rides.Edge.Tests;

/// <summary>
/// A real Kestrel on a loopback port (port 0) hosting an Orleans silo with the ride grains (in memory)
/// and the edge, composed as the embedded default is (its silo and gateway on free loopback ports). Clients talk to it over real sockets.
/// </summary>
public sealed class EdgeTestServer : IAsyncDisposable
{
    private EdgeTestServer(WebApplication app, Uri baseAddress, LogCapture logs)
    {
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TestTimeouts.Event };
    }

    /// <summary>The running application.</summary>
    public WebApplication App { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every log line the server wrote at or above the configured level.</summary>
    public LogCapture Logs { get; }

    /// <summary>An HTTP client for the REST API.</summary>
    public HttpClient Http { get; }

    /// <summary>The edge's per-connection subscriptions.</summary>
    public ConnectionSubscriptionRegistry Subscriptions => App.Services.GetRequiredService<ConnectionSubscriptionRegistry>();

    /// <summary>This node's one-per-topic subscriptions.</summary>
    public TopicSubscriptions Topics => App.Services.GetRequiredService<TopicSubscriptions>();

    /// <summary>The cluster the edge talks to.</summary>
    public IClusterClient Cluster => App.Services.GetRequiredService<IClusterClient>();

    /// <summary>How many edge sinks the cluster holds for <paramref name="topic"/>.</summary>
    public Task<int> SubscribersAsync(TopicId topic) => Cluster.GetGrain<ITopicGrain>(topic.ToString()).GetSubscriberCount();

    /// <summary>Starts a server. <paramref name="settings"/> override the test defaults.</summary>
    public static async Task<EdgeTestServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        LogLevel minimumLogLevel = LogLevel.Information,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var configuration = new Dictionary<string, string?>
        {
            ["Rides:Auth:SigningKey"] = TestTokens.SigningKey,
            ["Rides:Auth:RsaPublicKeyPem"] = TestTokens.RsaPublicKeyPem,
            ["Rides:Auth:ClockSkew"] = "00:00:00",
            ["Rides:Auth:DevIssuer:Enabled"] = "true",
            ["Rides:Drivers:MinLocationInterval"] = "00:00:00.0000001",
            ["Rides:Silo:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rides:Silo:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rides:Silo:ClusterId"] = "edge-tests-" + Guid.NewGuid().ToString("N"),

            // Tests move drivers kilometres within milliseconds; the trip meter must still count them.
            ["Rides:Trip:MaxPlausibleSpeedMps"] = "1000000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new LogCapture();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.Logging.AddProvider(logs);
        builder.AddRidesSiloHost();
        builder.AddRidesEdge();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapRidesEdge();
        app.MapRidesDashboard();
        await app.StartAsync().WaitAsync(TestTimeouts.Server).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EdgeTestServer(app, new Uri(address.TrimEnd('/') + "/"), logs);
    }

    /// <summary>A valid token for a user of role <paramref name="role"/> (rider, driver, staff, admin, operator).</summary>
    public static string Token(string userId, string role, string? name = null) => TestTokens.For(userId, role, name);

    /// <summary>Connects a new user of <paramref name="role"/> and returns the connection with the user id.</summary>
    public async Task<TestUser> ConnectNewAsync(string role, string? name = null)
    {
        var id = TestIds.New(role);
        var token = Token(id, role, name ?? id);
        var client = await HubTestClient.ConnectAsync(BaseAddress, token).WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        return new TestUser(id, role, token, client);
    }

    /// <summary>Connects as an existing user with <paramref name="token"/>.</summary>
    public Task<HubTestClient> ConnectAsync(string? token) => HubTestClient.ConnectAsync(BaseAddress, token).WaitAsync(TestTimeouts.Event);

    /// <summary>Sends a REST request with an optional bearer token; returns the status and the JSON body (or an undefined element).</summary>
    public async Task<RestAnswer> SendAsync(HttpMethod method, string path, string? token, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request).WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new RestAnswer((int)response.StatusCode, json, text);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync().WaitAsync(TestTimeouts.Server).ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
