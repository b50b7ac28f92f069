using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rides.LoadGen.Scenario;

/// <summary>The REST calls the scenarios need, on one server: development tokens, ride requests, the platform's counters.</summary>
public sealed class RidesApi(HttpClient http, Uri server)
{
    /// <summary>The server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Server { get; } = server;

    /// <summary><c>POST /api/v1/auth/token</c>: the development issuer's token for a user.</summary>
    public async Task<string> TokenAsync(string userId, string userType, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["user_id"] = userId, ["user_type"] = userType, ["name"] = userId };
        using var answer = await SendAsync(HttpMethod.Post, "api/v1/auth/token", null, body, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
        return answer.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary><c>POST /api/v1/riders/rides</c>: requests a ride in <paramref name="area"/>, with <paramref name="rideId"/> when given; returns its id.</summary>
    public async Task<string> RequestRideAsync(string riderToken, RideArea area, CancellationToken cancellationToken, string? rideId = null)
    {
        var body = RideRequestBody(area.Latitude, area.Longitude, rideId);
        using var answer = await SendAsync(HttpMethod.Post, "api/v1/riders/rides", riderToken, body, HttpStatusCode.Created, cancellationToken).ConfigureAwait(false);
        return answer.RootElement.GetProperty("ride_id").GetString()!;
    }

    /// <summary><c>GET /api/v1/ws/stats</c> with an operator's token: this edge's connections and subscriptions, the platform's drivers and rides.</summary>
    public async Task<JsonDocument> StatsAsync(string operatorToken, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, "api/v1/ws/stats", operatorToken, null, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /dashboard/DashboardCounters</c> (a silo or the embedded host) with an operator's token: activations in the cluster.</summary>
    public async Task<JsonDocument> DashboardCountersAsync(string operatorToken, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, "dashboard/DashboardCounters", operatorToken, null, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);

    /// <summary>The body of a ride request (REST) or the payload of <c>request_ride</c> (hub): pickup, a destination 3 km north.</summary>
    public static JsonObject RideRequestBody(double latitude, double longitude, string? rideId)
    {
        var body = new JsonObject
        {
            ["pickup"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude, ["address"] = "1 Load Street" },
            ["destination"] = new JsonObject { ["latitude"] = latitude + 0.027, ["longitude"] = longitude },
        };
        if (rideId is not null)
        {
            body["ride_id"] = rideId;
        }

        return body;
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string? token, JsonObject? body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server, path)) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode == expected
            ? JsonDocument.Parse(text)
            : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }
}
