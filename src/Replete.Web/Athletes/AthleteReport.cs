using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.Assessment;
using Replete.Data;
using Replete.Diet;
using Replete.Documents;
using Replete.Planning;
using Replete.Storage.Records;
using Replete.Targets;
using Replete.Training;

namespace Replete.Web.Athletes;

/// <summary>An assessment and plan made from what is stored for a date range: the server's use case, built from the
/// engine's own documents so every rule (the vegan rule, reported red flags first, lab checks, the diet analysis, the
/// plan request) is the engine's.</summary>
/// <remarks>What a range takes: the profile with the age on its last day and the latest body mass on or before it; the
/// latest check-in in the range (symptoms, risk factors, red flags, history, lab sample); the latest result of each lab
/// collected from <c>labsFrom</c> (default: any day, <see cref="DefaultLabsFrom"/>) to the last day, every
/// older result of a test left out named in <c>labs_left_out</c>; every intake row in the range; the supplement plan in
/// force on the last day; the latest training week starting in the range.</remarks>
internal sealed class AthleteReport(RepleteDb db, ServerFoods foods)
{
    /// <summary>Days an assessment covers when no range is given: four weeks. Replete's choice: enough days for the
    /// probability of inadequacy to rest mostly on the person's own variation (IOM 2000 p.54 asks for several days).</summary>
    public const int DefaultDays = 28;

    /// <summary>The first day of the labs a range reads by default: none. The latest stored result of each test is read,
    /// whatever its age, and the engine judges each against its own retest interval from its own date
    /// (<c>data/retest_intervals.csv</c>): a result too old is named as not current, while an abnormal one with no sourced
    /// interval still counts, red flags included. Before, a range read only labs drawn up to 182 days before its first day,
    /// so a stored haemoglobin of 70 g/L (severe anaemia) drawn 213 days earlier was not read at all and the check-in
    /// answered "self-care", while the command line, given the same result and date, sent the person to a doctor (attacker
    /// pass h98). Labs drawn a few days before the food log began are read too (new user h75). A person who sets
    /// <c>labs_from</c> chooses to leave older results out; they are named in <c>labs_left_out</c>.</summary>
    public static DateOnly DefaultLabsFrom => DateOnly.MinValue;

    /// <summary>The assessment document for the range, and the problem that stops it (no profile), or null.</summary>
    public async Task<(JsonObject Document, string? Problem)> DocumentAsync(string athleteId, DateOnly from, DateOnly to, DateOnly labsFrom, IReadOnlyList<LabRecord>? extraLabs = null, JsonObject? checkIn = null)
    {
        if (await ProfileAsync(db, athleteId, to, Sharing.AthleteAccess.AllClasses) is not { } profileNode)
        {
            return ([], "add a profile first (date of birth, sex ...)");
        }

        var document = new JsonObject { ["profile"] = profileNode };
        if (checkIn is null)
        {
            var latest = await db.CheckIns.Where(c => c.AccountId == athleteId && c.Date >= from && c.Date <= to)
                .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).FirstOrDefaultAsync();
            checkIn = latest is null ? null : JsonNode.Parse(latest.Document)!.AsObject();
        }

        foreach (var (key, value) in checkIn ?? [])
        {
            document[key] = value?.DeepClone();
        }

        var stored = await db.Labs.Where(l => l.AccountId == athleteId && l.Collected >= labsFrom && l.Collected <= to).ToListAsync();
        var labs = stored.Concat(extraLabs ?? []).GroupBy(l => l.Biomarker).Select(g => g.OrderByDescending(l => l.Collected).ThenByDescending(l => l.Id).First()).OrderBy(l => l.Biomarker, StringComparer.Ordinal).ToList();
        if (labs.Count > 0)
        {
            document["labs"] = new JsonArray([.. labs.Select(Lab)]);
            var sample = document["lab_sample"] as JsonObject ?? [];
            sample["date"] ??= labs.Max(l => l.Collected).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            document["lab_sample"] = sample;
        }

        return (document, null);
    }

    /// <summary>Each stored lab result a report does not read because it was drawn before <paramref name="labsFrom"/> and
    /// no result of its test is in <paramref name="document"/>: the latest of each such test, named, so that nothing a
    /// laboratory reported disappears silently. A saved report with labs_from needs it (a check-in reads every result, and a lab upload's checks do
    /// not).</summary>
    public async Task<IReadOnlyList<string>> LabsLeftOutAsync(string athleteId, JsonObject document, DateOnly labsFrom)
    {
        var read = (document["labs"] as JsonArray ?? []).Select(l => (string?)l?["biomarker"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var older = await db.Labs.Where(l => l.AccountId == athleteId && l.Collected < labsFrom).ToListAsync();
        return [.. older.Where(l => !read.Contains(l.Biomarker)).GroupBy(l => l.Biomarker)
            .Select(g => g.OrderByDescending(l => l.Collected).ThenByDescending(l => l.Id).First()).OrderBy(l => l.Biomarker, StringComparer.Ordinal)
            .Select(l => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{l.Biomarker} {l.Value:0.###} {l.Unit} drawn {l.Collected:yyyy-MM-dd}: before {labsFrom:yyyy-MM-dd}, the first day of labs this report reads (labs_from); ask for a new test, or set labs_from to read it"))];
    }

    /// <summary>The engine's profile document for the athlete on <paramref name="on"/>: the stored fields (less the
    /// sensitive classes not in <paramref name="shown"/>), the age on that day and the latest body mass on or before it;
    /// null when there is no profile.</summary>
    public static async Task<JsonObject?> ProfileAsync(RepleteDb db, string athleteId, DateOnly on, SharedClasses shown)
    {
        var profile = await db.Profiles.FindAsync(athleteId);
        if (profile is null)
        {
            return null;
        }

        var node = Sharing.SensitiveData.Hide(JsonNode.Parse(profile.Document)!.AsObject(), shown);
        node["age"] = ProfileEndpoints.Age(profile.DateOfBirth, on);
        var mass = await db.BodyMasses.Where(b => b.AccountId == athleteId && b.Date <= on).OrderByDescending(b => b.Date).ThenByDescending(b => b.Id).FirstOrDefaultAsync();
        if (mass is not null)
        {
            node["body_mass_kg"] = mass.Kilograms;
        }

        return node;
    }

    /// <summary>A stored lab as the assessment document's lab object, with the day it was drawn: the engine reads each
    /// result against its retest interval from its own date, not the report's newest one.</summary>
    public static JsonObject Lab(LabRecord lab)
    {
        var node = new JsonObject
        {
            ["biomarker"] = lab.Biomarker,
            ["value"] = lab.Value,
            ["unit"] = lab.Unit,
            ["date"] = lab.Collected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (lab.Confirmed)
        {
            node["confirmed"] = true;
        }

        if (lab.Comparator is { } comparator)
        {
            node["comparator"] = comparator;
        }

        return node;
    }

    /// <summary>A stored lab as the engine's input (its bound from the stored comparator).</summary>
    public static LabInput Input(LabRecord lab) =>
        new(lab.Biomarker, lab.Value, lab.Unit) { Confirmed = lab.Confirmed, Bound = lab.Comparator is null ? null : lab.Comparator.StartsWith('<') ? LabBound.AtMost : LabBound.AtLeast };

    /// <summary>Reads the document with the engine.</summary>
    /// <exception cref="InputException">What the engine found wrong, reported red flags first.</exception>
    public static AssessmentRequest Read(JsonObject document, string name)
    {
        using var source = Documents.Source(document, name);
        return AssessmentRequest.Read(source).OrThrow();
    }

    /// <summary>One computed report: the wire JSON every front end reads, the assessment's triage, and the retests its
    /// plan starts.</summary>
    public sealed record Computed(JsonObject Report, Knowledge.TriageLevel Triage, IReadOnlyList<RetestPlan> Retests)
    {
        /// <summary>The triage's wire name.</summary>
        public string TriageName => JsonNamingPolicy.SnakeCaseLower.ConvertName(Triage.ToString());

        /// <summary>Biomarkers to retest at a sourced interval.</summary>
        public IReadOnlyList<string> Sourced => [.. Retests.Where(r => r.Interval is not null).Select(r => r.Interval!.Biomarker)];

        /// <summary>Nutrients whose retest no source times.</summary>
        public IReadOnlyList<string> Unsourced => [.. Retests.Where(r => r.Interval is null).Select(r => r.Nutrient)];
    }

    /// <summary>The assessment, with its plan when the range has a diet, and the views a coach lacking a sensitive class
    /// reads instead (<see cref="Sharing.SharedViews"/>): the same inputs with each combination of the classes they hold
    /// left out, computed the same way.</summary>
    /// <exception cref="InputException">A stored input no longer reads (a profile whose age left the DRI tables).</exception>
    public async Task<(Computed Full, Sharing.SharedViews.Kept Views)> ComputeAsync(string athleteId, DateOnly from, DateOnly to, DateOnly labsFrom)
    {
        var (document, problem) = await DocumentAsync(athleteId, from, to, labsFrom);
        if (problem is not null)
        {
            throw new InputException([new InputProblem("profile", null, "profile", InputProblemCodes.Required, problem)]);
        }

        var leftOut = await LabsLeftOutAsync(athleteId, document, labsFrom);

        var diet = await DietAsync(athleteId, from, to);
        Computed Run(JsonObject inputs) => Compute(inputs, diet, from, to, leftOut);

        var full = Run(document);
        var present = Sharing.SensitiveData.Present(document);
        var views = Sharing.SharedViews.Combinations(present).Select(hidden =>
        {
            var view = Run(Sharing.SensitiveData.Hide((JsonObject)document.DeepClone(), Sharing.AthleteAccess.AllClasses & ~hidden));
            return new Sharing.SharedViews.View(Sharing.SharedViews.List(hidden), view.TriageName, view.Sourced, view.Unsourced, view.Report);
        }).ToList();
        return (full, new Sharing.SharedViews.Kept(Sharing.SharedViews.List(present), views));
    }

    /// <summary>What is stored for a range's diet: the intake rows in it, the supplement plan in force on its last day, the
    /// latest training week starting in it (read only where there is intake), and what its food-log lines came to
    /// (<see cref="FoodLogCheck"/>, as counts).</summary>
    public sealed record StoredDiet(List<IntakeItem> Items, SupplementPlan Supplements, TrainingWeek? Week, FoodLogCheck FoodLog);

    /// <summary>Reads the range's <see cref="StoredDiet"/>. Its food-log check counts the lines of every import with a day
    /// in the range (an import keeps its counts, not which day each line was on, so a range that takes part of a file
    /// takes the file's share) and each food-log entry in it (counted: an entry no food matches is refused, not stored),
    /// so that where a tenth or more of them were not counted the engine reads every mean as a lower bound, as the
    /// command line does with the same file (<see cref="FoodLogCheck.MuchNotCounted"/>).</summary>
    public async Task<StoredDiet> DietAsync(string athleteId, DateOnly from, DateOnly to)
    {
        var rows = await db.Intake.AsNoTracking().Where(i => i.AccountId == athleteId && i.Date >= from && i.Date <= to).OrderBy(i => i.Date).ThenBy(i => i.Id).ToListAsync();
        var items = rows.Select(IntakeRows.ToItem).ToList();
        var supplements = await SupplementsAsync(athleteId, to);
        var week = items.Count > 0 ? await WeekAsync(athleteId, from, to) : null;
        var imports = await db.DietImports.AsNoTracking().Where(i => i.AccountId == athleteId && i.FirstDay <= to && i.LastDay >= from && i.Lines > 0)
            .Select(i => new { i.Lines, i.LinesNotCounted }).ToListAsync();
        var entries = rows.Count(r => r.ImportId is null);
        return new(items, supplements, week, FoodLogCheck.Counted(imports.Sum(i => i.Lines) + entries, imports.Sum(i => i.LinesNotCounted)));
    }

    /// <summary>The assessment of <paramref name="request"/> with <paramref name="diet"/> (its analysis where there is
    /// intake or a supplement), as a snapshot makes it, without the plan: the triage a check-in answers with reads the
    /// supplements and the diet too (new user h75: 61 mg/d of zinc and 107 mg/d of B6 with tingling answered
    /// "self-care" at the check-in, "see a doctor soon" in the snapshot).</summary>
    public static (RecoveryAssessment Assessment, DietAnalysis? Analysis, PersonalTargets Targets, AssessmentInput Input) Assess(AssessmentRequest request, StoredDiet diet, DateOnly from, DateOnly to)
    {
        // Each lab result's age is judged on the range's last day, the day the report speaks of (LabCurrency).
        var input = request.ToInput() with { AsOf = to };
        // The diet is judged against the planned week where there is one (carbohydrate by each day's load).
        var targets = diet.Week is null ? TargetCalculator.For(request.Person) : TargetCalculator.For(request.Person).WithWeek(diet.Week);
        // Supplements with no food logged (a stored plan, or an import of supplement rows alone) are still checked against
        // the ULs: the engine reads them alone (DietAnalysis.SupplementsAlone).
        DietAnalysis? analysis = diet.Items.Count > 0 || diet.Supplements.Supplements.Count > 0
            ? DietAnalyzer.Analyze(diet.Items, diet.Supplements.Supplements, targets, from, to) with { FoodLog = diet.FoodLog }
            : null;
        return (RecoveryAssessor.Assess(input, diet: analysis), analysis, targets, input);
    }

    private Computed Compute(JsonObject document, StoredDiet diet, DateOnly from, DateOnly to, IReadOnlyList<string> labsLeftOut)
    {
        var request = Read(document, "stored record");
        var (items, supplements, week) = (diet.Items, diet.Supplements, diet.Week);
        var (assessed, analysis, targets, input) = Assess(request, diet, from, to);
        var assessment = assessed with { LabsLeftOut = [.. assessed.LabsLeftOut, .. labsLeftOut] };
        if (analysis is null)
        {
            // Nothing logged in the range, food or supplement: no diet was judged, and the report must not read as if the
            // diet were adequate (h99: such a snapshot answered "warnings": []). Supplements alone say so in the engine.
            assessment = assessment with
            {
                Warnings = [.. assessment.Warnings, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"No food was logged from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: the diet was not assessed, so no nutrient is shown adequate from food and there is no plan; log food for this range, or choose a range with food logged.")],
            };
        }

        var report = JsonSerializer.SerializeToNode(assessment, WireJson.Options)!.AsObject();
        report["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        report["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        report["listed"] = assessment.Listed.Count; // the first n bottlenecks are the ones a report lists (RecoveryAssessment.Listed)
        IReadOnlyList<RetestPlan> retests = [];
        // A plan starts from the foods eaten: with supplements alone there is none to plan from.
        if (analysis is { SupplementsAlone: false } && items.Count > 0)
        {
            var candidates = assessment.Triage == Knowledge.TriageLevel.Emergency ? []
                : PlanFoods.Offered(foods.PlanPool, items, analysis.Days, request.Profile);
            var plan = DayPlanner.Plan(PlanRequest.For(request, input, assessment, targets, analysis, items, supplements.Supplements, candidates, week) with { AvoidNotMatched = assessment.Triage == Knowledge.TriageLevel.Emergency ? [] : foods.PlanPool.Unmatched(request.Profile.Avoid) });
            report["plan"] = JsonSerializer.SerializeToNode(plan, WireJson.Options);
            retests = RetestPlan.For(plan, assessment);
        }

        return new(report, assessment.Triage, retests);
    }

    private async Task<SupplementPlan> SupplementsAsync(string athleteId, DateOnly on)
    {
        var latest = await db.Documents.Where(d => d.AccountId == athleteId && d.Kind == DocumentKind.Supplements && d.Date <= on)
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).FirstOrDefaultAsync();
        if (latest is null)
        {
            return SupplementPlan.None;
        }

        using var source = JsonSource.Parse(latest.Document, "supplements");
        return SupplementPlan.Read(source).OrThrow();
    }

    private async Task<TrainingWeek?> WeekAsync(string athleteId, DateOnly from, DateOnly to)
    {
        var latest = await db.Documents.Where(d => d.AccountId == athleteId && d.Kind == DocumentKind.TrainingWeek && d.Date >= from && d.Date <= to)
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).FirstOrDefaultAsync();
        if (latest is null)
        {
            return null;
        }

        using var source = JsonSource.Parse(latest.Document, "training week");
        return TrainingWeek.Read(source).OrThrow();
    }
}
