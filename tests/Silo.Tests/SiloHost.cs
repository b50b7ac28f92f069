using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rides.Silo.Hosting;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests;

/// <summary>The embedded-default application, built exactly as Program.cs builds it, on a loopback port.</summary>
internal sealed class SiloHost : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private SiloHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public SiloStorageMode StorageMode => App.Services.GetRequiredService<SiloStorageInfo>().Mode;

    public static async Task<SiloHost> StartAsync(params string[] args)
    {
        var ports = new[]
        {
            "--urls=http://127.0.0.1:0",
            "--Rides:Silo:SiloPort=" + FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            "--Rides:Silo:GatewayPort=" + FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            "--Rides:Silo:ClusterId=silo-tests-" + Guid.NewGuid().ToString("N"),
        };
        var app = RidesSiloApplication.Build([.. ports, .. args], builder => builder.Logging.ClearProviders());
        await app.StartAsync().WaitAsync(Timeout);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SiloHost(app, new Uri(address));
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request).WaitAsync(Timeout);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(int Status, JsonElement Body)> PostAsync(string path, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request).WaitAsync(Timeout);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync().WaitAsync(Timeout);
        await App.DisposeAsync();
    }
}
