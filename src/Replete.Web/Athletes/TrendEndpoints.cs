using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.Assessment;
using Replete.Diet;
using Replete.Documents;
using Replete.References;
using Replete.Storage.Records;
using Replete.Targets;
using Replete.Web.Sharing;

namespace Replete.Web.Athletes;

/// <summary>History shaped for charts: intake and probability of adequacy by week, each lab over time with its cut-offs,
/// and the ranked bottlenecks of each saved snapshot.</summary>
internal static class TrendEndpoints
{
    /// <summary>One week of one nutrient: mean daily intake (catalog unit), the target it was judged against, and the
    /// probability of adequacy the engine lets a report show (<see cref="Diet.NutrientIntake.Reading"/>): null below or near
    /// an AI, for a mean that is only a lower bound, below an athlete range or where nothing reports it, and the conclusion
    /// then says why. <c>upper_limit</c> is the engine's UL check of the week (<see cref="Intake.UpperLimitCheck"/>, as the
    /// command line's analysis gives it; null where the nutrient has no UL or nothing reports it): <c>judged</c> is false
    /// where the source cannot settle it (a daily summary, a row that may be a supplement), and <c>note</c> says why.</summary>
    public sealed record IntakeWeek(DateOnly WeekOf, int Days, double? MeanDaily, string Unit, double? Target, string? TargetKind, double? ProbabilityOfAdequacy, string? Conclusion,
        Intake.UpperLimitCheck? UpperLimit);

    /// <summary>One lab result read against its cut-offs for the person on the day it was drawn; a result without a
    /// sourced cut-off reads "not interpreted". <c>status_label</c> is the engine's word for the reading
    /// (<see cref="LabReading.StatusLabel"/>: "grey zone (sources disagree)", not the wire's <c>grey_zone</c>), and
    /// <c>age</c> how old the result is today against its sourced retest interval (<see cref="LabAge"/>: "from 2023-03-22,
    /// 3 years ago: not current ..."), as the command line and the report show every result.</summary>
    public sealed record LabPoint(DateOnly Collected, double Value, string Unit, string Status, double? Deficient, double? Low, double? High, string Source,
        string StatusLabel, LabAge Age);

    /// <summary>The longest span a trend covers: two years, Replete's choice (a season-to-season view; longer spans
    /// are asked for in pieces).</summary>
    public const int MaxDays = 731;

    public static RouteGroupBuilder MapTrendEndpoints(this RouteGroupBuilder athlete)
    {
        var group = athlete.MapGroup("/trends").WithTags("Trends");
        group.MapGet("/intake", Intake).Scope(GrantScopes.ReadReports)
            .WithSummary("Weekly mean intake and probability of adequacy per nutrient (?nutrient=, ?from=, ?to=; weeks start on Monday)");
        group.MapGet("/labs", Labs).Scope(GrantScopes.ReadReports)
            .WithSummary("Each lab result over time with its cut-offs (?biomarker=)");
        group.MapGet("/bottlenecks", Bottlenecks).Scope(GrantScopes.ReadReports)
            .WithSummary("The triage and ranked bottlenecks of each saved snapshot, oldest first");
        return athlete;
    }

    /// <summary>Targets from the profile as the viewer may know it: without pregnancy and lactation for a coach the
    /// athlete did not share that class with, so no target computed from it tells them.</summary>
    private static async Task<PersonalTargets?> TargetsAsync(RepleteDb db, AthleteAccess access, DateOnly on)
    {
        if (await AthleteReport.ProfileAsync(db, access.AthleteId, on, access.Shared) is not { } profile)
        {
            return null;
        }

        using var source = Documents.Source(profile, "profile");
        return TargetCalculator.For(Profile.Read(source).OrThrow().ToPerson().OrThrow());
    }

    private static async Task<IResult> Intake(HttpContext http, RepleteDb db, TimeProvider clock, string? nutrient, DateOnly? from, DateOnly? to)
    {
        var athleteId = http.Access().AthleteId;
        Documents.RequirePlausible(("from", from), ("to", to));
        var last = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = from ?? last.AddDays(-83);
        if (first > last || last.DayNumber - first.DayNumber > MaxDays)
        {
            return Problems.Field("from", $"must be on or before to, and at most {MaxDays} days before it");
        }

        var targets = await TargetsAsync(db, http.Access(), last);
        if (targets is null)
        {
            return Problems.Conflict("add a profile first: targets depend on age and sex");
        }

        var rows = await db.Intake.AsNoTracking().Where(i => i.AccountId == athleteId && i.Date >= first && i.Date <= last).ToListAsync();
        var series = new SortedDictionary<string, List<IntakeWeek>>(StringComparer.Ordinal);
        foreach (var week in rows.Select(IntakeRows.ToItem).GroupBy(i => i.Date.AddDays(-(((int)i.Date.DayOfWeek + 6) % 7))).OrderBy(g => g.Key))
        {
            var analysis = DietAnalyzer.Analyze(week, [], targets, week.Key, week.Key.AddDays(6));
            foreach (var intake in analysis.Nutrients.Where(n => nutrient is null || n.Nutrient.Id == nutrient))
            {
                var target = intake.Target;
                (series.TryGetValue(intake.Nutrient.Id, out var list) ? list : series[intake.Nutrient.Id] = []).Add(new IntakeWeek(
                    week.Key, analysis.Days, intake.MeanDaily, intake.Nutrient.Unit, target.Ear ?? target.Ai, target.Ear is not null ? "ear" : target.Ai is not null ? "ai" : null,
                    intake.Reading.Probability, intake.Reading.Reason ?? intake.Adequacy?.Conclusion, intake.Adequacy?.UpperLimit));
            }
        }

        return Results.Ok(series);
    }

    private static async Task<IResult> Labs(HttpContext http, RepleteDb db, TimeProvider clock, string? biomarker)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var athleteId = http.Access().AthleteId;
        var profile = await db.Profiles.FindAsync(athleteId);
        if (profile is null)
        {
            return Problems.Conflict("add a profile first: cut-offs depend on age and sex");
        }

        // Cut-offs from the profile as the viewer may know it (no pregnancy for a coach without that class).
        var document = SensitiveData.Hide(JsonNode.Parse(profile.Document)!.AsObject(), http.Access().Shared);
        var sex = Profile.ParseSex((string?)document["sex"] ?? "") ?? Sex.Female;
        var athlete = document["sport"] is not null || document["training_hours_per_week"] is not null;
        var pregnant = (bool?)document["pregnant"] == true;
        var labs = await db.Labs.AsNoTracking().Where(l => l.AccountId == athleteId && (biomarker == null || l.Biomarker == biomarker)).OrderBy(l => l.Collected).ThenBy(l => l.Id).ToListAsync();
        var series = new SortedDictionary<string, List<LabPoint>>(StringComparer.Ordinal);
        foreach (var lab in labs)
        {
            var input = AthleteReport.Input(lab);
            var age = ProfileEndpoints.Age(profile.DateOfBirth, lab.Collected);
            var sample = new LabSample(lab.Collected);
            var aged = LabAge.Of(lab.Biomarker, lab.Collected, today);
            var point = LabReading.Check(input, sex, age, sample, pregnant) is { } problem
                ? new LabPoint(lab.Collected, lab.Value, lab.Unit, "not_interpreted", null, null, null, "", $"not interpreted ({problem.Message})", aged)
                : Point(lab, RecoveryAssessor.WithFlagUpperLimit(LabReading.Read(input, sex, age, sample, pregnant, athlete), sex), aged);
            (series.TryGetValue(lab.Biomarker, out var list) ? list : series[lab.Biomarker] = []).Add(point);
        }

        return Results.Ok(series);
    }

    private static LabPoint Point(LabRecord lab, LabReading reading, LabAge age) => new(lab.Collected, reading.Value, reading.Unit,
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reading.Status.ToString()), reading.Deficient, reading.Low, reading.High, reading.Source,
        reading.StatusLabel, age);

    private static async Task<IResult> Bottlenecks(HttpContext http, RepleteDb db)
    {
        var access = http.Access();
        var snapshots = await db.Snapshots.AsNoTracking().Where(s => s.AccountId == access.AthleteId).OrderBy(s => s.To).ThenBy(s => s.Id).Take(500).ToListAsync();
        var points = new JsonArray();
        foreach (var snapshot in snapshots)
        {
            // The report as this reader sees it: without the sensitive classes not shared with them (SharedViews).
            var seen = SharedViews.For(snapshot, access);
            points.Add(new JsonObject
            {
                ["snapshot_id"] = snapshot.Id,
                ["to"] = snapshot.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["triage"] = seen.Triage,
                ["bottlenecks"] = new JsonArray([.. (seen.Report?["bottlenecks"]?.AsArray() ?? []).Select((b, rank) => (JsonNode)new JsonObject
                {
                    ["rank"] = rank + 1,
                    ["nutrient"] = b?["nutrient"]?.DeepClone(),
                    ["likelihood"] = b?["likelihood"]?.DeepClone(),
                })]),
            });
        }

        return Results.Text(points.ToJsonString(), "application/json");
    }
}
