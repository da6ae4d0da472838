using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>The server on HTTPS and behind a reverse proxy: HTTP is redirected and HSTS sent when it serves HTTPS;
/// forwarded headers count only when turned on.</summary>
[Collection(Sr28Group.Name)]
public sealed class TransportTests(Sr28Database foods)
{
    private static readonly Dictionary<string, string> Https = new() { ["https_port"] = "443" };

    private static HttpClient Client(ServerHost server, string baseAddress) =>
        server.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false });

    [SkippableFact]
    public async Task ServingHttps_HttpRedirected_HttpsAnswersCarryHsts()
    {
        using var server = new ServerHost(foods, settings: Https);
        using var http = Client(server, "http://replete.example.org");
        using var redirected = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://replete.example.org/health", redirected.Headers.Location?.ToString());

        using var https = Client(server, "https://replete.example.org");
        using var answered = await https.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.StartsWith("max-age=", answered.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task PlainHttpServer_NoRedirectNoHsts()
    {
        using var server = new ServerHost(foods);
        using var http = Client(server, "http://replete.example.org");
        using var answered = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.False(answered.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The two ways to turn forwarded headers on: Replete's setting, and ASP.NET Core's own
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> (the key it becomes in configuration); null leaves them off.</summary>
    public static TheoryData<string?> Switches => new() { "forwarded-headers", "FORWARDEDHEADERS_ENABLED", null };

    private static Dictionary<string, string> With(Dictionary<string, string> settings, string? forwarded)
    {
        var all = new Dictionary<string, string>(settings);
        if (forwarded is not null)
        {
            all[forwarded] = "true";
        }

        return all;
    }

    [SkippableTheory]
    [MemberData(nameof(Switches))]
    public async Task ForwardedProto_BelievedOnlyWhenTurnedOn(string? forwarded)
    {
        using var server = new ServerHost(foods, settings: With(Https, forwarded));
        using var http = Client(server, "http://replete.example.org");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var answered = await http.SendAsync(request);

        // The proxy took the request over HTTPS: answered with HSTS; not believed, it is redirected to HTTPS.
        Assert.Equal(forwarded is not null ? HttpStatusCode.OK : HttpStatusCode.TemporaryRedirect, answered.StatusCode);
        Assert.Equal(forwarded is not null, answered.Headers.Contains("Strict-Transport-Security"));
    }

    [SkippableTheory]
    [MemberData(nameof(Switches))]
    public async Task ForwardedFor_SignInLimitCountsEachClientBehindTheProxy_OnlyWhenTurnedOn(string? forwarded)
    {
        using var server = new ServerHost(foods, signInLimit: 2, settings: With([], forwarded));
        using var http = Client(server, "http://replete.example.org");
        async Task<HttpStatusCode> SignInFromAsync(string client)
        {
            using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/v1/account/sign-in") { Content = JsonContent.Create(new { email = "nobody@example.org", password = "whatever it is" }) };
            signIn.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(signIn);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync("203.0.113.7"));

        // Another client behind the same proxy: its own limit when the header is believed, the proxy's otherwise.
        Assert.Equal(forwarded is not null ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, await SignInFromAsync("198.51.100.4"));
    }
}
