using System.Net.Http.Headers;

namespace Rides.Silo.Tests;

/// <summary>The Orleans Dashboard at /dashboard: open in Development, an operator's or admin's token elsewhere.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task In_development_the_dashboard_is_open()
    {
        await using var host = await SiloHost.StartAsync("--environment=Development");
        var (status, body) = await GetAsync(host, "/dashboard/", token: null);
        Assert.Equal(200, status);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Elsewhere_the_dashboard_needs_an_operators_or_admins_token()
    {
        await using var host = await SiloHost.StartAsync("--environment=Production");
        Assert.Equal(401, (await GetAsync(host, "/dashboard/", token: null)).Status);
        Assert.Equal(403, (await GetAsync(host, "/dashboard/", await TokenAsync(host, "rider"))).Status);
        Assert.Equal(403, (await GetAsync(host, "/dashboard/", await TokenAsync(host, "staff"))).Status);

        var (status, body) = await GetAsync(host, "/dashboard/", await TokenAsync(host, "operator"));
        Assert.Equal(200, status);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (await GetAsync(host, "/dashboard/", await TokenAsync(host, "admin"))).Status);
    }

    private static async Task<string> TokenAsync(SiloHost host, string role)
    {
        var (status, token) = await host.PostAsync("/api/v1/auth/token", new { user_id = role + "_1", user_type = role });
        Assert.Equal(200, status);
        return token.GetProperty("access_token").GetString()!;
    }

    private static async Task<(int Status, string Body)> GetAsync(SiloHost host, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await host.Http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
