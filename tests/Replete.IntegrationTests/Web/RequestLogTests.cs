using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>What the server writes to its log: a refused request is one line at Information, without a stack trace and
/// without the values sent (they may be health data); a failure of the server keeps its exception and stack trace.</summary>
[Collection(Sr28Group.Name)]
public sealed class RequestLogTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    [SkippableTheory]
    [InlineData("POST", "/api/v1/invitations", """{"scopes":["read_reports"],"colour":"red"}""", "$.colour")]           // an unknown field (binding)
    [InlineData("POST", "/api/v1/athletes/me/labs", """{"collected":"2026-11-01","biomarker":"ferritin","value":"twelve","unit":"ug/L"}""", "$.value")] // a wrong type
    [InlineData("POST", "/api/v1/athletes/me/labs", """{"collected":"2026-11-01","biomarker":"ferritin","value":12,"unit":"furlongs"}""", "at unit")] // the engine's problem, at its field
    [InlineData("PUT", "/api/v1/athletes/me/profile", """{"date_of_birth":"1990-01-01","sex":"female",""", "$")]                                     // not JSON
    public async Task RefusedInput_OneLineAtInformation_NoStackTraceNoValues(string method, string path, string body, string field)
    {
        var athlete = await server.SignUpAsync("Logged");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", new { date_of_birth = "1990-01-01", sex = "female" });
        var before = server.Logs.Entries.Count;
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await athlete.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var written = server.Logs.Entries.Skip(before).ToList();
        Assert.DoesNotContain(written, e => e.Exception is not null || e.Level >= LogLevel.Warning);
        var line = Assert.Single(written, e => e.Category == "Replete.Web.Requests");
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.DoesNotContain('\n', line.Message);
        Assert.True(line.Message.Contains(field, StringComparison.Ordinal), line.Message);
        Assert.Contains("400", line.Message, StringComparison.Ordinal);
        foreach (var value in new[] { "red", "twelve", "furlongs", "1990-01-01" })
        {
            Assert.DoesNotContain(value, line.Message, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task ServerFailure_500_LoggedAsAnErrorWithItsStackTrace()
    {
        var athlete = await server.SignUpAsync("Broken");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", new { date_of_birth = "1990-01-01", sex = "female" });
        await using (var db = server.Db())
        {
            // A stored record the server can no longer read: its fault, not the request's.
            await db.Profiles.Where(p => p.AccountId == athlete.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Document, "{\"sex\": "));
        }

        var before = server.Logs.Entries.Count;
        var (status, _) = await athlete.GetAsync("/api/v1/athletes/me/profile");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        var error = Assert.Single(server.Logs.Entries.Skip(before), e => e.Level == LogLevel.Error);
        Assert.NotNull(error.Exception?.StackTrace);
    }
}
