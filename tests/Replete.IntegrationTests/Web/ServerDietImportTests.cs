using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>A diet import on the server carries what the command line's analysis of the same file says: the matches to
/// confirm, the lines not counted and, where a tenth or more were not counted, means read as lower bounds in every
/// snapshot and check-in built on the stored intake (FoodLogCheck.MuchNotCounted).</summary>
[Collection(Sr28Group.Name)]
public sealed class ServerDietImportTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    private static readonly object Profile = new { date_of_birth = "1996-05-01", sex = "female", sport = "running", training_hours_per_week = 12, diet = "omnivore" };

    /// <summary>Three days of a little fruit (far below the energy a 12-hour training week needs), a cheese that matches
    /// several foods as well, and three lines no food matches: 3 of 12 lines not counted.</summary>
    private const string ShortLogWithUnmatchedLines = """
        date,time,meal,food,amount
        2026-11-01,08:00,breakfast,banana,120 g
        2026-11-01,12:00,lunch,apple,150 g
        2026-11-01,19:00,dinner,zorblatt quenblix,300 g
        2026-11-02,08:00,breakfast,banana,120 g
        2026-11-02,12:00,lunch,apple,150 g
        2026-11-02,19:00,dinner,zorblatt quenblix,300 g
        2026-11-03,08:00,breakfast,banana,120 g
        2026-11-03,12:00,lunch,apple,150 g
        2026-11-03,19:00,dinner,zorblatt quenblix,300 g
        2026-11-01,16:00,snack,cheese,20 g
        2026-11-02,16:00,snack,cheese,20 g
        2026-11-03,16:00,snack,cheese,20 g

        """;

    [SkippableFact]
    public async Task Import_ListsTheMatchesToConfirm_AndTheLinesNotCounted()
    {
        var athlete = await server.SignUpAsync("Confirm");
        using var csv = new StringContent(ShortLogWithUnmatchedLines, Encoding.UTF8, "text/csv");

        var (status, import) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=log.csv", csv);

        Assert.True(status == HttpStatusCode.Created, $"{(int)status}: {import?.ToJsonString()}");
        Assert.Equal(12, (int)import!["lines"]!);
        Assert.Equal(3, (int)import["lines_not_counted"]!);
        Assert.True((bool)import["intake_is_lower_bound"]!);
        var confirm = import["to_confirm"]!.AsArray().Single(c => (string?)c!["entry"]!["food"] == "cheese")!;
        Assert.Equal(3, (int)confirm["lines"]!);
        Assert.True((bool)confirm["match"]!["tied"]! || (double)confirm["match"]!["confidence"]! < 0.8);
        var missed = Assert.Single(import["not_counted"]!.AsArray());
        Assert.Equal("zorblatt quenblix", (string?)missed!["entry"]!["food"]);
        // The list of imports keeps the counts.
        var (_, listed) = await athlete.GetAsync("/api/v1/athletes/me/imports");
        Assert.Equal(3, (int)listed!.AsArray().Single()!["lines_not_counted"]!);
    }

    [SkippableFact]
    public async Task Snapshot_OnALogWithATenthNotCounted_ReadsEveryMeanAsALowerBound()
    {
        var athlete = await WithShortLogAsync("Bound");

        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-03" });

        Assert.True(created == HttpStatusCode.Created, $"{(int)created}: {snapshot?.ToJsonString()}");
        var text = snapshot!.ToJsonString();
        // A few pieces of fruit a day is far below the energy the training needs, but a quarter of the lines were not
        // counted: the diet cannot count for a shortfall of energy (the command line's rule), and the report says why.
        var dietFor = snapshot["bottlenecks"]!.AsArray().SelectMany(b => b!["for"]!.AsArray()).Where(e => (string?)e!["kind"] == "diet").ToList();
        Assert.True(dietFor.Count == 0, "diet counted for a shortfall: " + string.Join("; ", dietFor.Select(e => (string?)e!["what"])));
        Assert.Contains("3 of 12 food-log lines were not counted", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CheckIn_OnALogWithATenthNotCounted_AnswersAsTheSnapshotReadsIt()
    {
        var athlete = await WithShortLogAsync("CheckBound");

        var (created, checkIn) = await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = "2026-11-03", symptoms = new[] { "fatigue" } });
        var (_, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-10-07", to = "2026-11-03" });

        Assert.True(created == HttpStatusCode.Created, $"{(int)created}: {checkIn?.ToJsonString()}");
        Assert.Equal((string?)snapshot!["triage"], (string?)checkIn!["triage"]);
    }

    /// <summary>Three days of a Cronometer servings export with a magnesium tablet logged at breakfast as a custom food
    /// (no category, h76): counted as food, it could be a supplement, and 800 mg would pass the UL on supplements alone.</summary>
    private const string ServingsWithAnUncategorisedTablet = """
        Day,Time,Group,Food Name,Amount,Energy (kcal),Magnesium (mg),Category
        2026-11-02,08:00,Breakfast,"Oats, rolled",40.00 g,150.00,55.00,Breakfast Cereals
        2026-11-02,08:05,Breakfast,Magnesium Citrate,1.00 tablet,0.00,800.00,
        2026-11-03,08:00,Breakfast,"Oats, rolled",40.00 g,150.00,55.00,Breakfast Cereals
        2026-11-03,08:05,Breakfast,Magnesium Citrate,1.00 tablet,0.00,800.00,
        2026-11-04,08:00,Breakfast,"Oats, rolled",40.00 g,150.00,55.00,Breakfast Cereals
        2026-11-04,08:05,Breakfast,Magnesium Citrate,1.00 tablet,0.00,800.00,

        """;

    [SkippableFact]
    public async Task Import_KeepsTheMarkOfARowThatMayBeASupplement_SoTheSupplementUlIsNotJudged()
    {
        var athlete = await server.SignUpAsync("Maybe");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);
        using var csv = new StringContent(ServingsWithAnUncategorisedTablet, Encoding.UTF8, "text/csv");
        var (imported, import) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings.csv", csv);
        Assert.True(imported == HttpStatusCode.Created, $"{(int)imported}: {import?.ToJsonString()}");

        var (status, trend) = await athlete.GetAsync("/api/v1/athletes/me/trends/intake?nutrient=magnesium&from=2026-11-02&to=2026-11-04");

        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {trend?.ToJsonString()}");
        // The command line reads the same file with the UL "not judged"; stored without the mark, the server read 0 mg
        // from supplements against the UL of 350 as "below": a wrong all-clear.
        var ul = trend!["magnesium"]!.AsArray().Single()!["upper_limit"]!;
        Assert.False((bool)ul["judged"]!);
        Assert.Contains("entries with no category", (string?)ul["note"], StringComparison.Ordinal);
    }

    /// <summary>h83: a servings export whose only rows are in the Supplements group (zinc 90 mg/d, magnesium 800 mg/d):
    /// the import answered that they count toward the supplement-only ULs, yet the snapshot, the check-in and the intake
    /// trend read no logged day (self_care, days 0, upper_limit null). They are read as a stored plan with no food is.</summary>
    [SkippableFact]
    public async Task Import_OfSupplementsAlone_IsCheckedAgainstTheUls_InTheSnapshotCheckInAndTrend()
    {
        var athlete = await server.SignUpAsync("SupplementRows");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);
        using var csv = new StringContent(Cli.AnalyzeCommandTests.SupplementServings, Encoding.UTF8, "text/csv");
        var (imported, import) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings.csv", csv);
        Assert.True(imported == HttpStatusCode.Created, $"{(int)imported}: {import?.ToJsonString()}");

        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-28" });
        var (checkedIn, checkIn) = await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = "2026-11-04", symptoms = new[] { "fatigue" } });
        var (_, trend) = await athlete.GetAsync("/api/v1/athletes/me/trends/intake?nutrient=zinc&from=2026-11-02&to=2026-11-03");

        Assert.True(created == HttpStatusCode.Created, $"{(int)created}: {snapshot?.ToJsonString()}");
        Assert.Equal("see_doctor_soon", (string?)snapshot!["triage"]);
        Assert.Equal(["magnesium", "zinc"], snapshot["excess"]!.AsArray().Select(e => (string?)e!["nutrient"]).Order());
        Assert.Null(snapshot["plan"]);
        Assert.True(checkedIn == HttpStatusCode.Created, $"{(int)checkedIn}: {checkIn?.ToJsonString()}");
        Assert.Equal("see_doctor_soon", (string?)checkIn!["triage"]);
        var ul = trend!["zinc"]!.AsArray().Single()!["upper_limit"];
        Assert.True(ul is not null && (bool)ul["likely_excess"]!, trend.ToJsonString());
    }

    /// <summary>800 mg of magnesium a day from a supplement, no food logged: the UL on supplements (350 mg, IOM 1997) is
    /// passed whatever the food, and the snapshot and check-in say so (they read the diet only where food was logged).</summary>
    [SkippableFact]
    public async Task Snapshot_SupplementsWithNoFoodLogged_AreCheckedAgainstTheUl()
    {
        var athlete = await server.SignUpAsync("Tablets");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/supplements?from=2026-10-01",
            new { supplements = new[] { new { name = "Magnesium citrate", doses_per_day = 2, per_dose = new { magnesium = "400 mg" } } } })).Status);

        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-28" });

        Assert.True(created == HttpStatusCode.Created, $"{(int)created}: {snapshot?.ToJsonString()}");
        var excess = snapshot!["excess"]!.AsArray().SingleOrDefault(e => (string?)e!["nutrient"] == "magnesium");
        Assert.True(excess is not null, "no magnesium excess: " + snapshot["excess"]!.ToJsonString());
        Assert.Contains("350", excess!.ToJsonString(), StringComparison.Ordinal);
        // No food is logged, so no plan is made from it, and no diet evidence counts for a shortfall.
        Assert.Null(snapshot["plan"]);
        Assert.DoesNotContain(snapshot["bottlenecks"]!.AsArray().SelectMany(b => b!["for"]!.AsArray()), e => (string?)e!["kind"] == "diet");
    }

    /// <summary>A real Cronometer servings export, then the same export saved again with Windows line ends (other bytes,
    /// so the same-file check passes it): every day of it would count twice, doubling the intake a snapshot reads and
    /// hiding a shortfall. It is refused, naming the earlier import and the first day, and nothing is stored; once the
    /// first import is deleted the copy goes in.</summary>
    [SkippableFact]
    public async Task Import_OfAnExportWhoseDaysAnEarlierImportHolds_IsRefused_UntilThatImportIsDeleted()
    {
        var export = File.ReadAllText(SharedFiles.Require("fixtures/exports/cronometer/davidgma-cron-csv__servings.csv"));
        var athlete = await server.SignUpAsync("Twice");
        using (var first = new StringContent(export.ReplaceLineEndings("\n"), Encoding.UTF8, "text/csv"))
        {
            Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings.csv", first)).Status);
        }

        var (_, listed) = await athlete.GetAsync("/api/v1/athletes/me/imports");
        var firstId = (long)listed!.AsArray().Single()!["id"]!;
        var rows = await server.CountRowsAsync();
        using var copy = new StringContent(export.ReplaceLineEndings("\r\n"), Encoding.UTF8, "text/csv");

        var (status, problem) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings-again.csv", copy);

        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {problem?.ToJsonString()}");
        var message = (string)problem!["problems"]![0]!["message"]!;
        Assert.Equal("servings-again.csv", (string?)problem["problems"]![0]!["source"]);
        Assert.Contains($"servings.csv (import {firstId},", message, StringComparison.Ordinal);
        Assert.Contains("first 2020-07-15", message, StringComparison.Ordinal);
        Assert.Equal(rows, await server.CountRowsAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await athlete.SendAsync(HttpMethod.Delete, $"/api/v1/athletes/me/imports/{firstId}")).Status);
        using var again = new StringContent(export.ReplaceLineEndings("\r\n"), Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings-again.csv", again)).Status);
    }

    /// <summary>A day may be split across food logs (meals uploaded one day, a forgotten snack the next): only a day
    /// logged alike, entry for entry, is a copy. A Cronometer daily summary beside single foods of the same day is
    /// refused across imports as within one.</summary>
    [SkippableFact]
    public async Task Import_OfFoodLogs_SplitsADay_ButRefusesACopy_AndDailyTotalsBesideFoods()
    {
        var athlete = await server.SignUpAsync("Split");
        const string Meals = "date,time,meal,food,amount\n2026-11-05,08:00,breakfast,banana,120 g\n2026-11-05,12:00,lunch,apple,150 g\n";
        const string Snack = "date,time,meal,food,amount\n2026-11-05,16:00,snack,banana,120 g\n";
        using (var meals = new StringContent(Meals, Encoding.UTF8, "text/csv"))
        {
            Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/imports?name=meals.csv", meals)).Status);
        }

        using (var snack = new StringContent(Snack, Encoding.UTF8, "text/csv"))
        {
            var (added, body) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=snack.csv", snack);
            Assert.True(added == HttpStatusCode.Created, $"{(int)added}: {body?.ToJsonString()}");
        }

        using (var copy = new StringContent(Meals.Replace("\n", "\r\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv"))
        {
            var (refused, problem) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=meals-copy.csv", copy);
            Assert.True(refused == HttpStatusCode.BadRequest, $"{(int)refused}: {problem?.ToJsonString()}");
            Assert.Contains("with entries that meals.csv (import", (string)problem!["problems"]![0]!["message"]!, StringComparison.Ordinal);
        }

        const string Summary = "Date,Energy (kcal),Protein (g),Completed\n2026-11-05,2100,90,true\n";
        using var summary = new StringContent(Summary, Encoding.UTF8, "text/csv");
        var (status, totals) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=dailysummary.csv", summary);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {totals?.ToJsonString()}");
        Assert.Contains("both daily totals and single foods", totals!.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<Client> WithShortLogAsync(string name)
    {
        var athlete = await server.SignUpAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);
        using var csv = new StringContent(ShortLogWithUnmatchedLines, Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/imports?name=log.csv", csv)).Status);
        return athlete;
    }
}
