using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rides.Edge.Authentication;
using Rides.Grains;

namespace Rides.Edge.Tests.Security;

/// <summary>
/// What a connection keeps of its token: the edge server's own JwtBearer options validate a real token, and the
/// principal its validated-token event leaves holds only the claims the edge reads.
/// </summary>
public sealed class HeldPrincipalTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    [Fact]
    public async Task A_validated_token_leaves_a_principal_with_only_sub_role_name_and_exp()
    {
        var options = fixture.Server.App.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var id = TestIds.New("rider");
        var token = TestTokens.For(id, "rider", name: "Ada");
        var result = await options.TokenHandlers.Single().ValidateTokenAsync(token, options.TokenValidationParameters);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.True(result.ClaimsIdentity.Claims.Count() > 4, "the token should carry more claims than the edge keeps (iss, aud, iat, nbf, …)");

        var http = new DefaultHttpContext { RequestServices = fixture.Server.App.Services };
        var scheme = new AuthenticationScheme(JwtBearerDefaults.AuthenticationScheme, null, typeof(JwtBearerHandler));
        var context = new TokenValidatedContext(http, scheme, options) { Principal = new ClaimsPrincipal(result.ClaimsIdentity), SecurityToken = result.SecurityToken };
        await options.Events.TokenValidated(context);

        var held = Assert.IsType<ClaimsIdentity>(context.Principal!.Identity);
        Assert.NotSame(result.ClaimsIdentity, held);
        Assert.Equal(["exp", "name", "role", "sub"], held.Claims.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.All(held.Claims, c => Assert.Same(held, c.Subject));
        Assert.All(held.Claims, c => Assert.Empty(c.Properties));
        Assert.True(held.IsAuthenticated);
        Assert.Equal(result.ClaimsIdentity.FindFirst("exp")!.Value, held.FindFirst("exp")!.Value);
        Assert.Equal(new Caller(id, UserRole.Rider, "Ada"), context.Principal.ToCaller());
        Assert.True(context.Principal.IsInRole("rider"));
        Assert.Equal(id, context.Principal.Identity!.Name);
    }

    [Fact]
    public void A_principal_without_a_name_keeps_no_name_claim()
    {
        var validated = new ClaimsIdentity(
            [new Claim("sub", "u1"), new Claim("role", "driver"), new Claim("exp", "1900000000"), new Claim("iss", "x"), new Claim("jti", "j")],
            "AuthenticationTypes.Federation", "sub", "role");
        var held = HeldPrincipal.From(validated);
        Assert.Equal(["exp", "role", "sub"], held.Claims.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.Equal(new Caller("u1", UserRole.Driver, null), held.ToCaller());
    }
}
