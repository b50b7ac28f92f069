using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests;

/// <summary>What a client saw acknowledged survives <c>kill -9</c> of a PostgreSQL-backed silo process.</summary>
public sealed class KillTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_ride_acknowledged_to_a_client_survives_kill_9_of_its_silo_and_the_restart()
    {
        var connectionString = await postgres.CreateSchemaAsync().DefaultTimeout();
        var arguments = SiloProcess.Arguments(
            FreePorts.Next(),
            FreePorts.Next(),
            FreePorts.Next(),
            "--ConnectionStrings:Rides=" + connectionString,
            "--Rides:Silo:ClusterId=kill-" + Guid.NewGuid().ToString("N"),
            "--Rides:Auth:DevIssuer:Enabled=true",
            "--Rides:Auth:SigningKey=kill-test-signing-key-at-least-32-bytes-long");

        string rideId;
        string token;
        await using (var first = await SiloProcess.StartAsync(arguments))
        {
            token = await TokenAsync(first.Http, "kill_rider");
            using var created = await SendAsync(first.Http, HttpMethod.Post, "/api/v1/riders/rides", token, new
            {
                pickup = new { latitude = 52.52, longitude = 13.405, address = "Alexanderplatz" },
                destination = new { latitude = 52.55, longitude = 13.405 },
            });
            Assert.True((int)created.StatusCode == 201, await created.Content.ReadAsStringAsync() + first.Output);
            rideId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ride_id").GetString()!;

            // The answer is out: kill the process at once, without any shutdown.
            await first.KillAsync();
        }

        await using var second = await SiloProcess.StartAsync(arguments);
        using var read = await SendAsync(second.Http, HttpMethod.Get, "/api/v1/rides/" + rideId, token, body: null);
        var text = await read.Content.ReadAsStringAsync();
        Assert.True((int)read.StatusCode == 200, text + second.Output);
        var ride = JsonDocument.Parse(text).RootElement;
        Assert.Contains(rideId, text, StringComparison.Ordinal);
        Assert.Contains("Alexanderplatz", text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, ride.ValueKind);
    }

    private static async Task<string> TokenAsync(HttpClient http, string userId)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { user_id = userId, user_type = "rider" });
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }
}
