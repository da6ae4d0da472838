using System.Globalization;
using System.Net;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>h96: the web pages said nothing of a lab result's age. The engine reads each result against its sourced
/// retest interval (LabAge; data/retest_intervals.csv: ferritin 182 days) and the server's JSON carried it, but the labs
/// page, the report and the coach's athlete page showed a ferritin from over a year ago like today's, and the lab trends
/// showed the wire word "grey_zone" (as "grey zone") where the engine says "grey zone (sources disagree)". The pages now
/// show the engine's words: the reading's label and the result's date and age.</summary>
[Collection(Sr28Group.Name)]
public sealed class WebLabCurrencyTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    private async Task<string> PageAsync(Client who, string path)
    {
        var (http, cookie) = await server.SignInWithCookieAsync(who, followRedirects: false);
        using var _ = http;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        // The page's text as a person reads it: the tags out, the entities decoded.
        return WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", ""));
    }

    /// <summary>A signed-up athlete with a runner's profile.</summary>
    private async Task<Client> RunnerAsync(string name)
    {
        var athlete = await server.SignUpAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile",
            new { date_of_birth = "1996-05-01", sex = "female", sport = "running", training_hours_per_week = 8, diet = "omnivore" })).Status);
        return athlete;
    }

    [Fact]
    public async Task LabsReportAndCoachPages_ShowAnOldResultAsNotCurrent_WithItsDateAndAge_AndTheEnginesGreyZoneLabel()
    {
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var old = today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var athlete = await RunnerAsync("Aged labs");
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = old, biomarker = "ferritin", value = 18, unit = "ug/L" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = old, biomarker = "vitamin_d_25oh", value = 27, unit = "ng/mL" })).Status);
        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { labs_from = old });
        Assert.True(created == HttpStatusCode.Created, snapshot?.ToJsonString());
        var coach = await server.SignUpAsync("Coach", Replete.Storage.Records.AccountKind.Coach);
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports" } });
        Assert.Equal(HttpStatusCode.OK, (await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! })).Status);

        var notCurrent = $"from {old}, 1 year ago: not current (older than the 182-day retest interval, Clénin et al. 2015); retest";
        var labs = await PageAsync(athlete, "/labs");
        var report = await PageAsync(athlete, $"/reports?id={(long)snapshot!["id"]!}");
        var coachView = await PageAsync(coach, $"/coach/athletes/{athlete.Id}");

        Assert.Contains(notCurrent, labs, StringComparison.Ordinal);
        // h97: a cut-offs cell with no upper limit ended in a stray "; " ("low below 30; ").
        Assert.Contains("deficient below 15; low below 30", labs, StringComparison.Ordinal);
        Assert.DoesNotContain("low below 30;", labs, StringComparison.Ordinal);
        Assert.Contains($"grey zone (sources disagree); from {old}, 1 year ago: not current (older than the 112-day retest interval", labs, StringComparison.Ordinal);
        Assert.DoesNotContain("grey_zone", labs.Replace("\"status\":\"grey_zone\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var page in new[] { report, coachView })
        {
            Assert.Contains("Lab results not current (not read as now)", page, StringComparison.Ordinal);
            Assert.Contains($"Ferritin (serum) 18 ug/L, low then; {notCurrent}", page, StringComparison.Ordinal);
            Assert.Contains($"27 ng/mL, grey zone (sources disagree) then; from {old}", page, StringComparison.Ordinal);
        }

        Assert.Contains(notCurrent, coachView[coachView.IndexOf("Labs over time", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    /// <summary>h96 found: the report gave every stored result one date, the newest (lab_sample.date), so a ferritin from
    /// 400 days ago stored beside last week's 25(OH)D was read as current, and its normal value ruled iron out. Each
    /// result now goes to the engine with its own date (the assessment document's <c>labs[].date</c>).</summary>
    [Fact]
    public async Task Snapshot_AnOldResultBesideARecentOne_IsReadOnItsOwnDate()
    {
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var old = today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var recent = today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var athlete = await RunnerAsync("Mixed dates");
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = old, biomarker = "ferritin", value = 60, unit = "ug/L" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = recent, biomarker = "vitamin_d_25oh", value = 40, unit = "ng/mL" })).Status);

        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { labs_from = old });

        Assert.True(created == HttpStatusCode.Created, snapshot?.ToJsonString());
        var ferritin = snapshot!["not_current_labs"]!.AsArray().Single(l => (string?)l!["biomarker"] == "ferritin")!;
        Assert.Equal("not_current", (string?)ferritin["age"]!["currency"]);
        Assert.StartsWith($"from {old}, 1 year ago: not current", (string?)ferritin["age"]!["dated"], StringComparison.Ordinal);
        Assert.DoesNotContain(snapshot["labs"]!.AsArray(), l => (string?)l!["biomarker"] == "ferritin");
        var vitaminD = snapshot["labs"]!.AsArray().Single(l => (string?)l!["biomarker"] == "vitamin_d_25oh")!;
        Assert.Equal("current", (string?)vitaminD["age"]!["currency"]);
    }

    /// <summary>h98: a result drawn before the first day of labs a report reads (<c>labs_from</c>, when the person sets
    /// one) is named in the report's <c>labs_left_out</c>, so that nothing a laboratory reported disappears silently,
    /// but the report, dashboard and coach pages did not show that list: a stored haemoglobin of 70 g/L (severe anaemia)
    /// from 400 days ago left the page at "self-care" with no word of it.</summary>
    [Fact]
    public async Task ReportAndCoachPages_NameAResultLeftOutOfTheRange()
    {
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var old = today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var athlete = await RunnerAsync("Left out");
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = old, biomarker = "hemoglobin", value = 70, unit = "g/L" })).Status);
        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { labs_from = today.AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.True(created == HttpStatusCode.Created, snapshot?.ToJsonString());
        var leftOut = $"hemoglobin 70 g/L drawn {old}: before";
        Assert.StartsWith(leftOut, (string?)Assert.Single(snapshot!["labs_left_out"]!.AsArray()), StringComparison.Ordinal);
        var coach = await server.SignUpAsync("Coach", Replete.Storage.Records.AccountKind.Coach);
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports" } });
        Assert.Equal(HttpStatusCode.OK, (await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! })).Status);

        foreach (var page in new[] { await PageAsync(athlete, $"/reports?id={(long)snapshot["id"]!}"), await PageAsync(athlete, "/"), await PageAsync(coach, $"/coach/athletes/{athlete.Id}") })
        {
            Assert.Contains("Lab results left out (not read)", page, StringComparison.Ordinal);
            Assert.Contains(leftOut, page, StringComparison.Ordinal);
        }
    }

    /// <summary>h98: a check-in answered "self-care" from the labs of the 182 days before its range while a stored
    /// haemoglobin of 70 g/L (severe anaemia) drawn 213 days ago went unread; the command line, given that result and its
    /// date, sends the person to a doctor. By default a check-in and a snapshot now read the latest result of each test
    /// whatever its age, and the engine judges it by its own date: an abnormal result with no sourced retest interval
    /// still counts, so both raise the red flag.</summary>
    [Fact]
    public async Task CheckInAndSnapshot_ReadAnOldSevereAnaemia_AndSendThePersonToADoctor()
    {
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var old = today.AddDays(-213).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var athlete = await RunnerAsync("Checked in");
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = old, biomarker = "hemoglobin", value = 70, unit = "g/L" })).Status);

        var (created, answer) = await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), symptoms = new[] { "fatigue" } });
        var (saved, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { });

        Assert.True(created == HttpStatusCode.Created, answer?.ToJsonString());
        Assert.True(saved == HttpStatusCode.Created, snapshot?.ToJsonString());
        foreach (var report in new[] { answer!, snapshot! })
        {
            Assert.True((string?)report["triage"] is not null and not "self_care", report.ToJsonString());
            Assert.True(report.ToJsonString().Contains("hemoglobin", StringComparison.OrdinalIgnoreCase), report.ToJsonString());
            Assert.Contains(report["red_flags"]!.AsArray(), f => f!.ToJsonString().Contains("anaemia", StringComparison.OrdinalIgnoreCase) || f.ToJsonString().Contains("anemia", StringComparison.OrdinalIgnoreCase));
        }
    }
}
