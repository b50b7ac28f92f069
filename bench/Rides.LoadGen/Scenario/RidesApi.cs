using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rides.LoadGen.Scenario;

/// <summary>The two REST calls the scenario needs: a development token, and a ride request.</summary>
public sealed class RidesApi(HttpClient http)
{
    /// <summary><c>POST /api/v1/auth/token</c>: the development issuer's token for a user.</summary>
    public async Task<string> TokenAsync(string userId, string userType, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["user_id"] = userId, ["user_type"] = userType, ["name"] = userId };
        using var answer = await PostAsync("api/v1/auth/token", null, body, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
        return answer.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary><c>POST /api/v1/riders/rides</c>: requests a ride in <paramref name="area"/>; returns its id.</summary>
    public async Task<string> RequestRideAsync(string riderToken, RideArea area, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["pickup"] = new JsonObject { ["latitude"] = area.Latitude, ["longitude"] = area.Longitude, ["address"] = "1 Load Street" },
            ["destination"] = new JsonObject { ["latitude"] = area.Latitude + 0.027, ["longitude"] = area.Longitude },
        };
        using var answer = await PostAsync("api/v1/riders/rides", riderToken, body, HttpStatusCode.Created, cancellationToken).ConfigureAwait(false);
        return answer.RootElement.GetProperty("ride_id").GetString()!;
    }

    private async Task<JsonDocument> PostAsync(string path, string? token, JsonObject body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode == expected
            ? JsonDocument.Parse(text)
            : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
    }
}
