using Rides.Silo.Hosting;

namespace Rides.Silo.Tests;

/// <summary>`dotnet run --project src/Silo` with no configuration: one process, in-memory providers, the edge, health.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task The_host_starts_in_memory_and_answers_live_and_ready()
    {
        await using var host = await SiloHost.StartAsync();
        Assert.Equal(SiloStorageMode.InMemory, host.StorageMode);

        var (liveStatus, live) = await host.GetAsync("/health/live");
        Assert.Equal(200, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());

        var (readyStatus, ready) = await host.GetAsync("/health/ready");
        Assert.Equal(200, readyStatus);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal(["silo"], ready.GetProperty("checks").EnumerateObject().Select(c => c.Name));
    }

    [Fact]
    public async Task The_embedded_default_issues_development_tokens_that_the_api_accepts()
    {
        await using var host = await SiloHost.StartAsync();
        var (status, token) = await host.PostAsync("/api/v1/auth/token", new { user_id = "ops_1", user_type = "operator", name = "Ops" });
        Assert.Equal(200, status);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ws/stats");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var response = await host.Http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Configuration_can_switch_the_development_issuer_off()
    {
        await using var host = await SiloHost.StartAsync("--Rides:Auth:DevIssuer:Enabled=false");
        using var response = await host.Http.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { user_id = "u", user_type = "rider" })).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(404, (int)response.StatusCode);
    }
}
