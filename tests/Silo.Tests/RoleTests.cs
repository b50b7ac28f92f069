using System.Net;
using Rides.Silo.Hosting;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests;

/// <summary>
/// The host's three roles: a silo serves health and the dashboard and no client protocol; an edge serves every
/// client protocol as an Orleans client of the silos found in PostgreSQL; both need the database to meet in.
/// </summary>
public sealed class RoleTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_silo_serves_only_health_and_the_dashboard_and_an_edge_reaches_its_grains_through_the_gateway()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var connectionString = await postgres.CreateSchemaAsync(timeout.Token);
        var cluster = "--Rides:Silo:ClusterId=roles-" + Guid.NewGuid().ToString("N");
        await using var silo = await SiloHost.StartAsync("--ConnectionStrings:Rides=" + connectionString, "--Rides:Role=silo", "--environment=Development", "--Rides:Silo:AdvertisedAddress=127.0.0.1", cluster);

        var (siloReady, siloChecks) = await silo.GetAsync("/health/ready");
        Assert.Equal(200, siloReady);
        Assert.Equal(["postgres", "silo"], siloChecks.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/dashboard/", timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.PostAsync("/api/v1/auth/token", null, timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.PostAsync("/hubs/rides/negotiate?negotiateVersion=1", null, timeout.Token)).StatusCode);

        await using var edge = await SiloHost.StartAsync("--ConnectionStrings:Rides=" + connectionString, "--Rides:Role=edge", cluster);
        var (edgeReady, edgeChecks) = await edge.GetAsync("/health/ready");
        Assert.Equal(200, edgeReady);
        Assert.Equal(["cluster"], edgeChecks.GetProperty("checks").EnumerateObject().Select(c => c.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await edge.Http.GetAsync("/dashboard/", timeout.Token)).StatusCode);

        var (_, token) = await edge.PostAsync("/api/v1/auth/token", new { user_id = "role_rider", user_type = "rider" });
        var (created, ride) = await edge.PostAsync(
            "/api/v1/riders/rides",
            new { pickup = new { latitude = 52.52, longitude = 13.405 }, destination = new { latitude = 52.55, longitude = 13.405 } },
            token.GetProperty("access_token").GetString());
        Assert.Equal(201, created);
        var (read, view) = await edge.GetAsync("/api/v1/rides/" + ride.GetProperty("ride_id").GetString(), token.GetProperty("access_token").GetString());
        Assert.Equal(200, read);
        Assert.Equal("findingDriver", view.GetProperty("ride_data").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("edge")]
    public void A_silo_or_edge_without_a_database_refuses_to_start_and_says_why(string role)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => RidesSiloApplication.Build(["--Rides:Role=" + role]));
        Assert.Contains("ConnectionStrings:Rides", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(role, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_role_is_refused_with_the_roles_there_are()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => RidesSiloApplication.Build(["--Rides:Role=gateway"]));
        Assert.Contains("both, silo or edge", refusal.Message, StringComparison.Ordinal);
    }
}
