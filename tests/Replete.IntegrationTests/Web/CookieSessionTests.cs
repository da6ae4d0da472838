using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>A browser signed in with the cookie writes only with ASP.NET Core's antiforgery token of its session; a
/// client with a bearer token needs none.</summary>
[Collection(Sr28Group.Name)]
public sealed class CookieSessionTests(Sr28Database foods) : IDisposable
{
    private const string FoodLog = "date,time,meal,food,amount\n2026-11-03,12:00,lunch,banana,120 g\n";

    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    /// <summary>A browser: no cookie handling of its own, so each test says which cookies a request carries.</summary>
    private sealed record Browser(HttpClient Http, string Session) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }

    private async Task<Browser> SignInWithCookieAsync(Client athlete)
    {
        var (http, session) = await server.SignInWithCookieAsync(athlete, followRedirects: true);
        return new Browser(http, session);
    }

    private static string Cookie(HttpResponseMessage response, string name) => ServerHost.Cookie(response, name);

    private static MultipartFormDataContent Form(string? token)
    {
        var form = new MultipartFormDataContent("form-boundary");
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        var file = new StringContent(FoodLog, Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "log.csv");
        return form;
    }

    private static async Task<HttpStatusCode> PostAsync(Browser browser, string path, HttpContent content, string cookies, string? origin = null, string? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Cookie", cookies);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (header is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", header);
        }

        using var response = await browser.Http.SendAsync(request);
        return response.StatusCode;
    }

    [SkippableFact]
    public async Task CookieFormUpload_WithoutTheToken_Refused_WithItImported_CrossSiteRefusedEvenWithIt()
    {
        var athlete = await server.SignUpAsync("Browser");
        using var browser = await SignInWithCookieAsync(athlete);
        var imports = "/api/v1/athletes/me/imports";
        var before = await server.CountRowsAsync();

        // A form posted with the session cookie alone, as another page on a sibling subdomain could make the browser send.
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(browser, imports, Form(null), browser.Session));
        Assert.Equal(before, await server.CountRowsAsync());

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account/antiforgery");
        tokenRequest.Headers.Add("Cookie", browser.Session);
        using var tokenResponse = await browser.Http.SendAsync(tokenRequest);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (string)(await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        var cookies = browser.Session + "; " + Cookie(tokenResponse, "replete-antiforgery");

        // The token without its cookie, or the cookie without the token, is not enough; both, from this site, are.
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(browser, imports, Form(token), browser.Session));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(browser, imports, Form(null), cookies));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(browser, imports, Form(token), cookies, origin: "https://evil.example.org"));
        Assert.Equal(before, await server.CountRowsAsync());
        Assert.Equal(HttpStatusCode.Created, await PostAsync(browser, imports, Form(token), cookies));

        // A JSON write carries it in the header.
        using var weighing = JsonContent.Create(new { date = "2026-11-01", kilograms = 60 });
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(browser, "/api/v1/athletes/me/body-mass", JsonContent.Create(new { date = "2026-11-01", kilograms = 60 }), cookies));
        Assert.Equal(HttpStatusCode.Created, await PostAsync(browser, "/api/v1/athletes/me/body-mass", weighing, cookies, header: token));
    }

    [SkippableFact]
    public async Task BearerFormUpload_NeedsNoToken()
    {
        var athlete = await server.SignUpAsync("Client");
        var (status, _) = await athlete.PostAsync("/api/v1/athletes/me/imports", Form(null));
        Assert.Equal(HttpStatusCode.Created, status);
    }
}
