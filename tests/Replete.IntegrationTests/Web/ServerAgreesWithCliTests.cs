using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Replete.IntegrationTests.Cli;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>The server refuses what the command line refuses, with the field named (tester h64): a field given twice,
/// a food-log day, a weighing, a blood draw, a check-in or a sweat test in the future (year 3026: a weighing was stored; 2099: a check-in was), and a control character in a food's name (reported on <c>meal</c>).</summary>
[Collection(Sr28Group.Name)]
public sealed class ServerAgreesWithCliTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    private static readonly object Profile = new { date_of_birth = "1996-05-01", sex = "female", sport = "running", training_hours_per_week = 8, diet = "omnivore" };

    [SkippableTheory]
    [InlineData("/api/v1/athletes/me/food-log", """{"date":"2026-11-01","food":"spinach raw","food":"butter","amount":"100 g"}""", "food", "conflict", "given twice")]
    [InlineData("/api/v1/athletes/me/food-log", """{"date":"3026-11-01","food":"spinach raw","amount":"100 g"}""", "date", "out_of_range", "is in the future")]
    [InlineData("/api/v1/athletes/me/food-log", "{\"date\":\"2026-11-01\",\"food\":\"spinach\\u001b[31m raw\",\"amount\":\"100 g\"}", "food", "invalid", "control or direction characters")]
    [InlineData("/api/v1/athletes/me/body-mass", """{"date":"3026-11-01","kilograms":60}""", "date", "out_of_range", "is in the future")]
    [InlineData("/api/v1/athletes/me/labs", """{"collected":"3026-11-15","biomarker":"ferritin","value":18,"unit":"ug/L"}""", "collected", "out_of_range", "is in the future")]
    [InlineData("/api/v1/athletes/me/check-ins", """{"date":"2026-11-20","symptoms":["fatigue"],"symptoms":[]}""", "symptoms", "conflict", "given twice")]
    [InlineData("/api/v1/athletes/me/check-ins", """{"date":"2099-11-20","symptoms":["fatigue"]}""", "date", "out_of_range", "is in the future")]
    [InlineData("/api/v1/athletes/me/sweat-tests?date=2099-11-20", "{}", "date", "out_of_range", "is in the future")]
    public async Task Refused_WithTheFieldNamed_AndNothingStored(string path, string body, string field, string code, string message)
    {
        var athlete = await server.SignUpAsync("Agrees");
        var (put, _) = await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        Assert.Equal(HttpStatusCode.OK, put);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await athlete.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var problem = Assert.Single(JsonNode.Parse(text)!["problems"]!.AsArray());
        Assert.Equal(field, (string?)problem!["path"]);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Contains(message, (string?)problem["message"], StringComparison.Ordinal);
        var (_, log) = await athlete.GetAsync("/api/v1/athletes/me/food-log");
        Assert.Empty(log!.AsArray());
    }
}

/// <summary>The command line refuses the same food-log entries as <see cref="ServerAgreesWithCliTests"/>, in a Replete
/// JSON food log.</summary>
[Collection(Sr28Group.Name)]
public sealed class CliRefusesWhatTheServerRefusesTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-agree-")
{
    [SkippableTheory]
    [InlineData("""{"date":"2026-11-01","food":"spinach raw","food":"butter","amount":"100 g"}""", "twice")]
    [InlineData("""{"date":"3026-11-01","food":"spinach raw","amount":"100 g"}""", "is in the future")]
    public void TheCommandLine_RefusesTheSameEntries(string entry, string message)
    {
        InitDatabase();
        var log = Path.Combine(TempDirectory, "log.json");
        File.WriteAllText(log, $$"""{"entries": [{{entry}}]}""");
        var profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");

        var result = CliRunner.Run("analyze", log, "--profile", profile, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
