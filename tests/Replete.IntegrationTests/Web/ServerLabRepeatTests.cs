using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Replete.IntegrationTests.Fhir;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>A lab result uploaded twice is stored once (h83): the same bundle posted twice stored 8 results for 4, and a
/// bundle holding an Observation twice stored both, each passing as a confirming repeat test. A FHIR upload's dates and
/// subject are read as the command line reads them (LabCurrency, FhirLabs): an upload of two people's results is refused
/// whole, and a stored result older than its retest interval is shown dated in the report's JSON, not read as now.</summary>
[Collection(Sr28Group.Name)]
public sealed class ServerLabRepeatTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    private static readonly object Profile = new { date_of_birth = "1996-05-01", sex = "female", sport = "running", training_hours_per_week = 8, diet = "omnivore" };

    [SkippableFact]
    public async Task FhirUpload_AResultGivenTwiceOrAlreadyStored_IsStoredOnce_AndTheAnswerSaysWhy()
    {
        var path = SharedFiles.Require("fixtures/fhir/hl7austria/DERIVED_from_fsh__iron-panel-and-potassium.bundle.json");
        var athlete = await server.SignUpAsync("Twice");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);

        async Task<JsonNode?> Upload(string json, string name)
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            var (status, body) = await athlete.PostAsync($"/api/v1/athletes/me/labs/fhir?name={name}", content);
            Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body?.ToJsonString()}");
            return body;
        }

        var first = await Upload(File.ReadAllText(path), "panel.json");
        var second = await Upload(File.ReadAllText(path), "panel-again.json");
        var twice = await Upload(FhirLabsTests.RepeatedFerritin, "twice.json");

        var added = first!["added"]!.AsArray().Count;
        Assert.True(added > 0);
        Assert.Empty(second!["added"]!.AsArray());
        Assert.Equal(added, second["skipped"]!.AsArray().Count(s => ((string?)s)!.Contains("counted once", StringComparison.Ordinal)));
        Assert.Single(twice!["added"]!.AsArray());
        Assert.Contains(twice["skipped"]!.AsArray(), s => ((string?)s)!.Contains("the same Observation id 'f1'", StringComparison.Ordinal));
        var (_, labs) = await athlete.GetAsync("/api/v1/athletes/me/labs");
        Assert.Equal(added + 1, labs!.AsArray().Count);
    }

    /// <summary>h91 (attacker pass): the same result posted by hand twice was stored twice, two low ferritins where there is
    /// one; the second is refused with 409 naming the stored one, while a different value that day is a real repeat.</summary>
    [Fact]
    public async Task ManualPost_TheSameResultTwice_IsRefused_NamingTheEarlierResult()
    {
        var athlete = await server.SignUpAsync("Manual twice");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);
        var ferritin = new { collected = "2026-11-02", biomarker = "ferritin", value = 18, unit = "ug/L" };

        var (firstStatus, first) = await athlete.PostAsync("/api/v1/athletes/me/labs", ferritin);
        var (againStatus, again) = await athlete.PostAsync("/api/v1/athletes/me/labs", ferritin with { biomarker = "FERRITIN" });
        var (otherStatus, _) = await athlete.PostAsync("/api/v1/athletes/me/labs", ferritin with { value = 21 });

        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Contains($"lab {(long)first!["id"]!} (ferritin 18 ug/L drawn 2026-11-02, from manual)", (string?)again!["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, otherStatus);
        var (_, labs) = await athlete.GetAsync("/api/v1/athletes/me/labs");
        Assert.Equal([18.0, 21.0], labs!.AsArray().Select(l => (double)l!["value"]!));
    }

    /// <summary>New user h93: a lab posted without "collected" (or a weighing without "date") was answered "0001-01-01 is
    /// before 1906, more than 120 years ago": the missing field is now named as missing.</summary>
    [Fact]
    public async Task ManualPost_WithoutItsDate_SaysTheDateIsRequired()
    {
        var athlete = await server.SignUpAsync("No date");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);

        var (labStatus, lab) = await athlete.PostAsync("/api/v1/athletes/me/labs", new { biomarker = "ferritin", value = 18, unit = "ug/L" });
        var (massStatus, mass) = await athlete.PostAsync("/api/v1/athletes/me/body-mass", new { kilograms = 58 });

        Assert.Equal(HttpStatusCode.BadRequest, labStatus);
        Assert.Equal("is required: give the date the blood was drawn (YYYY-MM-DD)", (string?)lab!["errors"]!["collected"]![0]);
        Assert.Equal("required", (string?)lab["problems"]![0]!["code"]);
        Assert.Equal(HttpStatusCode.BadRequest, massStatus);
        Assert.Equal("is required: give the date you were weighed (YYYY-MM-DD)", (string?)mass!["errors"]!["date"]![0]);
        var (_, labs) = await athlete.GetAsync("/api/v1/athletes/me/labs");
        Assert.Empty(labs!.AsArray());
    }

    /// <summary>h99: a lab posted without "value" bound it as 0 and was answered "ferritin: 0 is not a measured value
    /// (must be above zero)" at path "$": the missing field is now named as missing, at its own path.</summary>
    [Fact]
    public async Task ManualPost_WithoutItsValue_SaysTheValueIsRequired_AtItsPath()
    {
        var athlete = await server.SignUpAsync("No value");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);

        var (status, lab) = await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2026-11-02", biomarker = "ferritin", unit = "ug/L" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = Assert.Single(lab!["problems"]!.AsArray());
        Assert.Equal("value", (string?)problem!["path"]);
        Assert.Equal("required", (string?)problem["code"]);
        Assert.Equal("is required: give the result as printed on the lab report", (string?)lab["errors"]!["value"]![0]);
        Assert.DoesNotContain("not a measured value", lab.ToJsonString(), StringComparison.Ordinal);
        var (_, labs) = await athlete.GetAsync("/api/v1/athletes/me/labs");
        Assert.Empty(labs!.AsArray());
    }

    /// <summary>h99: a snapshot of a range with nothing logged answered "warnings": [], so a report with no diet in it
    /// read like one whose diet was fine: it now says that no food was logged in the range.</summary>
    [Fact]
    public async Task Snapshot_OfARangeWithNoFoodLogged_WarnsThatNoFoodWasLogged()
    {
        var athlete = await server.SignUpAsync("No food");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);

        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-07" });

        Assert.True(created == HttpStatusCode.Created, $"{(int)created}: {snapshot?.ToJsonString()}");
        Assert.Single(snapshot!["warnings"]!.AsArray(), w => ((string?)w)!.StartsWith("No food was logged from 2026-11-01 to 2026-11-07: the diet was not assessed", StringComparison.Ordinal));
        Assert.Null(snapshot["plan"]);
    }

    private const string Panel = "fixtures/fhir/hl7austria/DERIVED_from_fsh__iron-panel-and-potassium.bundle.json";

    [SkippableFact]
    public async Task FhirUpload_OfTwoPeople_IsRefusedWhole_NamingTheObservation()
    {
        var bundle = JsonNode.Parse(File.ReadAllText(SharedFiles.Require(Panel)))!;
        bundle["entry"]![1]!["resource"]!["subject"] = new JsonObject { ["reference"] = "Patient/example" };
        var athlete = await server.SignUpAsync("Mixed");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);

        using var content = new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/json");
        var (status, body) = await athlete.PostAsync("/api/v1/athletes/me/labs/fhir?name=mixed.json", content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"observation '{(string?)bundle["entry"]![1]!["resource"]!["id"]}' is of 'Patient/example'", System.Text.RegularExpressions.Regex.Unescape(body!.ToJsonString()), StringComparison.Ordinal);
        var (_, labs) = await athlete.GetAsync("/api/v1/athletes/me/labs");
        Assert.Empty(labs!.AsArray());
    }

    [SkippableFact]
    public async Task Snapshot_AResultOlderThanItsRetestInterval_IsShownDated_NotReadAsNow()
    {
        var athlete = await server.SignUpAsync("Dated");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);
        using var content = new StringContent(File.ReadAllText(SharedFiles.Require(Panel)), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await athlete.PostAsync("/api/v1/athletes/me/labs/fhir?name=panel.json", content)).Status);

        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2023-09-01", to = "2023-09-30", labs_from = "2023-01-01" });

        Assert.True(created == HttpStatusCode.Created, snapshot?.ToJsonString());
        var ferritin = snapshot!["not_current_labs"]!.AsArray().Single(l => (string?)l!["biomarker"] == "ferritin")!;
        Assert.Equal("not_current", (string?)ferritin["age"]!["currency"]);
        Assert.StartsWith("from 2023-03-22, 192 days ago: not current", (string?)ferritin["age"]!["dated"], StringComparison.Ordinal);
        Assert.DoesNotContain(snapshot["labs"]!.AsArray(), l => (string?)l!["biomarker"] == "ferritin");
        var potassium = snapshot["labs"]!.AsArray().Single(l => (string?)l!["biomarker"] == "potassium")!;
        Assert.Equal("not_judged", (string?)potassium["age"]!["currency"]);
    }
}
