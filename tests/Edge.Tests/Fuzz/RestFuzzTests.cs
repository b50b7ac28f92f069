using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace Rides.Edge.Tests.Fuzz;

/// <summary>
/// Property: every malformed request to every REST endpoint — a bad body, route id or query, a body that is not JSON,
/// too large or of another media type, another HTTP method, a missing, bad, expired or other role's token — is
/// answered with a 4xx and the JSON envelope with a documented code (never 500 / INTERNAL_ERROR), changes no ride,
/// driver or conversation, keeps the HTTP connection usable, and leaves the bystanders' connections and events alone.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class RestFuzzTests(FuzzWorld world)
{
    /// <summary>The endpoints, by name.</summary>
    public static TheoryData<string> Targets => new(Endpoints(null).Select(e => e.Name));

    [Fact]
    public void Every_mapped_rest_endpoint_is_fuzzed()
    {
        // Every route the edge maps (src/Edge/Rest/*Endpoints.cs, EdgeEndpoints.cs), but the dashboard's and the hub's.
        var mapped = world.Server.App.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => m + " /" + e.RoutePattern.RawText!.TrimStart('/')))
            .Where(r => !r.Contains(" /hubs/", StringComparison.Ordinal) && !r.Contains("dashboard", StringComparison.OrdinalIgnoreCase) && !r.Contains("{documentName}", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var fuzzed = Endpoints(world).Select(e => e.Method.Method + " " + e.Path).ToHashSet(StringComparer.Ordinal);
        // Health takes no input and answers any method (load balancers probe with GET or HEAD): nothing to malform.
        var missing = mapped.Where(r => !fuzzed.Contains(r) && !r.Contains(" /health/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "REST endpoints without a fuzz target: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Malformed_requests_are_refused_cleanly_and_change_nothing(string target)
    {
        var endpoint = Endpoints(world).Single(e => e.Name == target);
        await world.RunAsync(target, Cases(endpoint), async c =>
        {
            using var request = new HttpRequestMessage(c.Method, c.Path);
            var token = c.Auth switch
            {
                "none" => null,
                "garbage" => "not.a.jwt",
                "expired" => TestTokens.Expired(world.Attacker(c.Role).Id, c.Role),
                "wrong role" => world.Attacker(endpoint.WrongRole!).Token,
                _ => endpoint.Roles.Count == 0 ? null : world.Attacker(c.Role).Token,
            };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (c.Body is not null)
            {
                request.Content = new ByteArrayContent(c.Body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }

            using var response = await world.Server.Http.SendAsync(request).DefaultTimeout();
            var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"answered {status}: {text}");
            JsonElement body;
            try
            {
                body = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new Xunit.Sdk.XunitException($"answered {status} without a JSON body: '{text}'");
            }

            HubFuzzTests.AssertCleanRefusal(body);
            var live = await world.Server.Http.GetAsync(new Uri("/health/live", UriKind.Relative)).DefaultTimeout();
            Assert.Equal(200, (int)live.StatusCode);
        }, c => $"{c.Role} ({c.Auth ?? "own token"}) {c.Method} {RawJson.Short(c.Path)} {c.ContentType} {RawJson.Short(c.Body is null ? "(no body)" : Encoding.UTF8.GetString(c.Body))} ({c.What})");
    }

    /// <summary>One REST endpoint: its method and route pattern, the roles it serves (none: anonymous), its body, route id and query.</summary>
    public sealed record Endpoint(string Name, HttpMethod Method, string Path, IReadOnlyList<string> Roles, FuzzShape? Body = null, bool TakesBody = false, bool Query = false)
    {
        /// <summary>A role the endpoint refuses with 403, if it is role-gated.</summary>
        public string? WrongRole => Roles.Count == 0 || Roles.Count >= FuzzWorld.AttackerRoles.Count ? null : FuzzWorld.AttackerRoles.FirstOrDefault(r => !Roles.Contains(r));

        /// <summary>Whether the route has a <c>{ride_id}</c> or <c>{id}</c>.</summary>
        public bool HasRouteId => Path.Contains('{', StringComparison.Ordinal);
    }

    /// <summary>Every endpoint (with <paramref name="world"/> null, only the names matter).</summary>
    public static IReadOnlyList<Endpoint> Endpoints(FuzzWorld? world)
    {
        FuzzShape Shape(string name, Func<FuzzWorld, IReadOnlyList<FuzzField>> fields) => new(name, world is null ? [] : fields(world), []);
        string[] rider = ["rider"], driver = ["driver"], anyone = ["rider", "driver", "staff", "admin"], back = ["staff", "admin"];
        var empty = Shape("empty", _ => []);
        var list = new List<Endpoint>
        {
            new("POST riders/rides", HttpMethod.Post, "/api/v1/riders/rides", rider, Shape("request", FuzzShapes.RideRequest), true),
            new("GET rides/{id}", HttpMethod.Get, "/api/v1/rides/{id}", anyone),
            new("POST riders/rate/driver", HttpMethod.Post, "/api/v1/riders/rate/driver", rider, Shape("rate", FuzzShapes.Rating), true),
            new("POST riders/payment", HttpMethod.Post, "/api/v1/riders/payment", rider, Shape("payment", w =>
            [
                FuzzShapes.RideId(w),
                new("amount", FieldKind.Amount, true, "12.5", Min: 0.01, Max: 100_000),
                new("idempotency_key", FieldKind.Text, true, RawJson.Str("key-1"), MaxLength: 100),
                new("method", FieldKind.Text, false, RawJson.Str("card"), MaxLength: 32),
            ]), true),
            new("GET ws/stats", HttpMethod.Get, "/api/v1/ws/stats", back),
            new("POST drivers/online", HttpMethod.Post, "/api/v1/drivers/online", driver, empty, true),
            new("POST drivers/offline", HttpMethod.Post, "/api/v1/drivers/offline", driver, empty, true),
            new("POST drivers/location", HttpMethod.Post, "/api/v1/drivers/location", driver, Shape("location", FuzzShapes.Location), true),
            new("GET drivers/rides", HttpMethod.Get, "/api/v1/drivers/rides", driver, Query: true),
            new("GET drivers/me", HttpMethod.Get, "/api/v1/drivers/me", driver),
            new("PUT drivers/me", HttpMethod.Put, "/api/v1/drivers/me", driver, Shape("driver profile", _ =>
            [
                new("name", FieldKind.Text, true, RawJson.Str("Attacker Driver"), MaxLength: 100),
                new("phone", FieldKind.Phone, false, RawJson.Str("+237612345678")),
                new("vehicle_make", FieldKind.Text, false, RawJson.Str("Lada"), MaxLength: 50),
                new("vehicle_model", FieldKind.Text, false, RawJson.Str("Niva"), MaxLength: 50),
                new("vehicle_type", FieldKind.Enum, false, RawJson.Str("standard"), MaxLength: 16, Unknown: ["limousine", "van", "car"]),
                new("plate", FieldKind.Text, false, RawJson.Str("AB-123"), MaxLength: 50),
                new("color", FieldKind.Text, false, RawJson.Str("red"), MaxLength: 50),
            ]), true),
            new("POST riders/rides/{ride_id}/cancel", HttpMethod.Post, "/api/v1/riders/rides/{ride_id}/cancel", rider, Shape("cancel", _ => [new("reason", FieldKind.Text, false, RawJson.Str("Changed my mind"), MaxLength: 200)]), true),
            new("GET riders/rides", HttpMethod.Get, "/api/v1/riders/rides", rider, Query: true),
            new("GET riders/me", HttpMethod.Get, "/api/v1/riders/me", rider),
            new("PUT riders/me", HttpMethod.Put, "/api/v1/riders/me", rider, Shape("rider profile", _ =>
            [
                new("name", FieldKind.Text, true, RawJson.Str("Attacker Rider"), MaxLength: 100),
                new("phone", FieldKind.Phone, false, RawJson.Str("+237612345678")),
            ]), true),
            new("POST auth/token", HttpMethod.Post, "/api/v1/auth/token", [], Shape("token request", _ =>
            [
                new("user_id", FieldKind.Id, true, RawJson.Str("fuzz_user")),
                new("user_type", FieldKind.Enum, true, RawJson.Str("rider"), MaxLength: 16, Unknown: ["system", "SYSTEM", "superuser", "root", "customer"]),
                new("name", FieldKind.Text, false, RawJson.Str("Fuzz"), MaxLength: 100),
            ]), true),
            new("GET openapi/v1.json", HttpMethod.Get, "/openapi/v1.json", []),
        };
        foreach (var action in new[] { "accept", "decline", "arrived", "start", "complete", "cancel" })
        {
            var body = action switch
            {
                "start" => Shape("start", _ => [new("pin", FieldKind.Text, false, RawJson.Str("1234"), MaxLength: 16)]),
                "cancel" => Shape("cancel", _ => [new("reason", FieldKind.Text, false, RawJson.Str("Changed my mind"), MaxLength: 200)]),
                _ => empty,
            };
            list.Add(new($"POST drivers/rides/{{ride_id}}/{action}", HttpMethod.Post, $"/api/v1/drivers/rides/{{ride_id}}/{action}", driver, body, true));
        }

        return list;
    }

    /// <summary>One malformed request.</summary>
    public sealed record RestCase(string Role, HttpMethod Method, string Path, byte[]? Body, string ContentType, string? Auth, string What);

    private Gen<RestCase> Cases(Endpoint endpoint)
    {
        var role = endpoint.Roles.Count == 0 ? "rider" : endpoint.Roles[0];
        var strangerRole = role is "rider" or "driver";
        var rideSegment = Uri.EscapeDataString(world.Ride.RideId);
        string PathWith(string segment) => endpoint.Path.Replace("{ride_id}", segment, StringComparison.Ordinal).Replace("{id}", segment, StringComparison.Ordinal);
        var validPath = PathWith(rideSegment);
        byte[]? ValidBody() => endpoint.Body is { } shape ? Encoding.UTF8.GetBytes(shape.Valid().ToString()) : null;
        RestCase Make(string what, string? path = null, byte[]? body = null, string contentType = "application/json", string? auth = null, HttpMethod? method = null, bool keepBody = true) =>
            new(role, method ?? endpoint.Method, path ?? validPath, body ?? (keepBody && endpoint.TakesBody ? ValidBody() : null), contentType, auth, what);

        var gens = new List<(int, Gen<RestCase>)>();
        // Methods no endpoint of this path takes (GET and POST /riders/rides are two endpoints).
        var taken = Endpoints(null).Where(e => e.Path == endpoint.Path).Select(e => e.Method).ToHashSet();
        var others = new[] { HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Get, HttpMethod.Post, HttpMethod.Put }.Where(m => !taken.Contains(m)).ToArray();
        gens.Add((1, Gen.OneOf(others).Select(m => Make("another HTTP method", method: m, keepBody: false))));
        if (endpoint.Roles.Count > 0)
        {
            var auths = new List<string> { "none", "garbage", "expired" };
            if (endpoint.WrongRole is not null)
            {
                auths.Add("wrong role");
            }

            gens.Add((1, Gen.OneOf([.. auths]).Select(a => Make("no valid token", auth: a))));
        }

        if (endpoint.TakesBody)
        {
            gens.Add((1, Gen.OneOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x").Select(t => Make("another media type", contentType: t))));
            gens.Add((2, Gen.OneOf<byte[]>(
                "{"u8.ToArray(), "{\"a\":}"u8.ToArray(), "[1,2"u8.ToArray(), "nul"u8.ToArray(), "{\"a\":1}}"u8.ToArray(), "\"\\ud800"u8.ToArray(),
                [0xff, 0xfe, 0x7b, 0x7d], [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d], [0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0x00],
                Encoding.UTF8.GetBytes(RawJson.Nested(100)), Encoding.UTF8.GetBytes("{\"a\":" + RawJson.Nested(70) + "}"))
                .Select(b => Make("not JSON", body: b))));
            gens.Add((1, Gen.Int[65 * 1024, 80 * 1024].Select(n => Make("over 64 KB", body: Encoding.UTF8.GetBytes("{\"notes\":\"" + new string('n', n) + "\"}")))));
            var shape = endpoint.Body!;
            gens.Add((6, Defects.Payload(shape, strangerRole, allowNonObject: true).Select(p => Make(p.What, body: Encoding.UTF8.GetBytes(p.Payload)))));
        }

        if (endpoint.HasRouteId)
        {
            var segments = new List<string> { "%00", "..%2F..%2Fetc", "ride%20x", new('a', 65), "ride%C3%A9", "%F0%9F%98%80", "%ED%A0%80", "ride%0A", "%22%3E", "ride%2Fx", "ride%5Cx", "%FF" };
            if (strangerRole)
            {
                segments.AddRange(world.ForeignRides.Select(Uri.EscapeDataString));
            }

            gens.Add((6, Gen.OneOf([.. segments]).Select(s => Make("bad route id", path: PathWith(s)))));
        }

        if (endpoint.Query)
        {
            var values = Gen.OneOf("abc", "-1", "0", "101", "1e2", "1.5", "%00", "%EF%BC%91", "99999999999999999999", "%20", "1%00", "0x10", "%ED%A0%80");
            var skips = Gen.OneOf("-1", "101", "x", "1.5", "1e1", "%00");
            gens.Add((6, Gen.OneOf(
                values.Select(v => Make("bad limit", path: validPath + "?limit=" + v)),
                skips.Select(v => Make("bad skip", path: validPath + "?skip=" + v)),
                Gen.Select(values, skips, (v, s) => Make("bad limit and skip", path: validPath + "?limit=" + v + "&skip=" + s)))));
        }

        return Gen.Frequency([.. gens]);
    }
}
