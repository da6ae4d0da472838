using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>An athlete's carbohydrate and protein ranges are per kg of body mass (Thomas, Erdman &amp; Burke 2016): with a
/// profile but no weighing stored, the server's reports say the range is not known and ask for a body mass, never a
/// probability against the general EAR that reads as fine (new user h86: 140 g/d of carbohydrate "settled" at 97 % for a
/// runner, "below the athlete range" once a weighing was added).</summary>
[Collection(Sr28Group.Name)]
public sealed class ServerBodyMassTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    private static readonly object Runner = new { date_of_birth = "1992-03-01", sex = "male", sport = "running", training_hours_per_week = 7, diet = "omnivore" };

    /// <summary>A week of about 140 g/d of carbohydrate (bananas): far above the general EAR of 100 g/d, far below a
    /// runner's range at 80 kg.</summary>
    private static string Bananas()
    {
        var log = new StringBuilder("date,time,meal,food,amount\n");
        for (var day = 1; day <= 7; day++)
        {
            log.Append(System.Globalization.CultureInfo.InvariantCulture, $"2026-11-{day:00},08:00,breakfast,banana,{600 + (day % 3 * 10)} g\n");
        }

        return log.ToString();
    }

    private async Task<Client> RunnerWithBananasAsync(string name)
    {
        var athlete = await server.SignUpAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Runner)).Status);
        using var csv = new StringContent(Bananas(), Encoding.UTF8, "text/csv");
        var (imported, import) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=log.csv", csv);
        Assert.True(imported == HttpStatusCode.Created, $"{(int)imported}: {import?.ToJsonString()}");
        return athlete;
    }

    private static JsonNode Carbohydrate(JsonNode snapshot) =>
        snapshot["bottlenecks"]!.AsArray().Single(b => (string?)b!["nutrient"] == "carbohydrate")!;

    [SkippableFact]
    public async Task Snapshot_WithoutBodyMass_AsksForOne_AndNeverSettlesAgainstTheGeneralEar()
    {
        var athlete = await RunnerWithBananasAsync("NoMass");

        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-07" });

        Assert.True(created == HttpStatusCode.Created, $"{(int)created}: {snapshot?.ToJsonString()}");
        // The old report listed carbohydrate with "the 7-day log already settles the intake (P(adequate) 97 %)".
        var settled = snapshot!["bottlenecks"]!.AsArray().Where(b => (string?)b!["nutrient"] is "carbohydrate" or "protein" && ((string?)b["settle_it"])!.Contains("already settles", StringComparison.Ordinal));
        Assert.Empty(settled);
        var warning = Assert.Single(snapshot["warnings"]!.AsArray(), w => ((string?)w)!.StartsWith("No body mass given", StringComparison.Ordinal));
        Assert.Contains("protein and carbohydrate are not judged", (string?)warning, StringComparison.Ordinal);
        Assert.Contains("carbohydrate: the athlete range is 5-7 g/kg/d (Thomas, Erdman & Burke 2016", (string?)warning, StringComparison.Ordinal);
        Assert.EndsWith("Give a body mass.", (string?)warning, StringComparison.Ordinal);
        // Nothing from the diet counts against a shortfall of carbohydrate or protein: the ranges are not known.
        var against = snapshot["bottlenecks"]!.AsArray().Where(b => (string?)b!["nutrient"] is "carbohydrate" or "protein")
            .SelectMany(b => b!["against"]!.AsArray()).Where(e => (string?)e!["kind"] == "diet").ToList();
        Assert.True(against.Count == 0, "diet counted against: " + string.Join("; ", against.Select(e => (string?)e!["what"])));
    }

    [SkippableFact]
    public async Task Snapshot_AfterAWeighing_ReadsTheAthleteRange()
    {
        var athlete = await RunnerWithBananasAsync("Weighed");
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/body-mass", new { date = "2026-10-30", kilograms = 80 })).Status);

        var (_, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-07" });

        Assert.Contains("below the athlete range", (string?)Carbohydrate(snapshot!)["settle_it"], StringComparison.Ordinal);
        Assert.DoesNotContain(snapshot!["warnings"]!.AsArray(), w => ((string?)w)!.StartsWith("No body mass given", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task IntakeTrend_WithoutBodyMass_ShowsNoProbability_AndSaysWhy()
    {
        var athlete = await RunnerWithBananasAsync("Trend");

        var (status, trend) = await athlete.GetAsync("/api/v1/athletes/me/trends/intake?nutrient=carbohydrate&from=2026-11-01&to=2026-11-07");

        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {trend?.ToJsonString()}");
        foreach (var week in trend!["carbohydrate"]!.AsArray())
        {
            Assert.Null(week!["probability_of_adequacy"]);
            Assert.Contains("no body mass is given", (string?)week["conclusion"], StringComparison.Ordinal);
        }
    }
}
