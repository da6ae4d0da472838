using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.Assessment;
using Replete.Data;
using Replete.Documents;
using Replete.Knowledge;
using Replete.Storage.Records;
using Replete.Training;
using Replete.Web.Sharing;

namespace Replete.Web.Athletes;

/// <summary>Symptom check-ins (in the words people use: every id, label and alias the engine knows), training weeks and
/// sweat tests, dated.</summary>
internal static class CheckInEndpoints
{
    private static readonly string[] CheckInFields = ["symptoms", "risk_factors", "red_flags", "history", "lab_sample"];

    /// <summary>A check-in: <c>date</c> plus the assessment document's <c>symptoms</c>, <c>risk_factors</c>,
    /// <c>red_flags</c>, <c>history</c> and <c>lab_sample</c>.</summary>
    public sealed record CheckInBody(DateOnly Date, IReadOnlyList<string>? Symptoms, IReadOnlyList<string>? RiskFactors, IReadOnlyList<string>? RedFlags, JsonObject? History, JsonObject? LabSample);

    /// <summary>What a check-in answers at once: the triage from what was said with the stored labs, and the red flags
    /// behind it. A red flag is never left for the next report. <c>labs_left_out</c>, as in a snapshot, is empty: a
    /// check-in reads the latest stored result of each test whatever its age (h98: a haemoglobin of 70 g/L from seven
    /// months before had been left out and answered "self-care").</summary>
    public sealed record CheckInResult(long Id, DateOnly Date, TriageLevel Triage, string TriageText, IReadOnlyList<RedFlag> RedFlags, IReadOnlyList<string> LabsLeftOut);

    /// <summary>A session to plan: the sport id (data/sports.csv) and minutes, both required; intensity (easy, moderate or
    /// hard), moderate when left out, as the command line's <c>--intensity</c>; the expected air temperature in °C and the
    /// hours to the next session, each optional.</summary>
    /// <param name="Sport">Required: a sport id of data/sports.csv ("running").</param>
    /// <param name="Minutes">Required: the planned duration in minutes.</param>
    /// <param name="Intensity">easy, moderate or hard; moderate when left out.</param>
    /// <param name="TemperatureC">The expected air temperature in °C, or left out.</param>
    /// <param name="HoursToNextSession">Hours until the next session, or left out.</param>
    public sealed record SessionPlanBody(string? Sport, double? Minutes, [property: System.ComponentModel.DefaultValue("moderate")] string? Intensity, double? TemperatureC, double? HoursToNextSession);

    public static RouteGroupBuilder MapCheckInEndpoints(this RouteGroupBuilder athlete)
    {
        var group = athlete.MapGroup("").WithTags("Check-ins and training");
        group.MapGet("/check-ins", ListCheckIns).Scope(GrantScopes.ReadLogs).WithSummary("Check-ins, newest first");
        group.MapPost("/check-ins", AddCheckIn).Accepts<CheckInBody>("application/json")
            .WithSummary("Record how the athlete is; answers with the triage at once");
        group.MapGet("/training-weeks", (HttpContext http, RepleteDb db) => ListDocuments(http, db, DocumentKind.TrainingWeek))
            .Scope(GrantScopes.ReadLogs).WithSummary("Training weeks");
        group.MapPost("/training-weeks", (HttpContext http, RepleteDb db, TimeProvider clock, DateOnly? week) =>
            AddDocument(http, db, clock, DocumentKind.TrainingWeek, week, "training week", s => TrainingWeek.Read(s).OrThrow()))
            .WithSummary("Add a training week (the engine's training week document; ?week=YYYY-MM-DD, its first day)");
        group.MapGet("/sweat-tests", (HttpContext http, RepleteDb db) => ListDocuments(http, db, DocumentKind.SweatTest, s => SweatTest.Read(s).OrThrow().ToRateTest().OrThrow()))
            .Scope(GrantScopes.ReadLogs).WithSummary("Sweat tests, each with the rate the engine reads from it");
        group.MapPost("/sweat-tests", (HttpContext http, RepleteDb db, TimeProvider clock, DateOnly? date) =>
            AddDocument(http, db, clock, DocumentKind.SweatTest, date, "sweat test", s => SweatTest.Read(s).OrThrow().ToRateTest().OrThrow())).WithSummary("Add a sweat test (the engine's sweat test document; ?date=YYYY-MM-DD); answers with the sweat rate");
        group.MapPost("/session-plans", PlanSession).Scope(GrantScopes.ReadLogs)
            .WithSummary("Fluid, sodium and carbohydrate before, during and after a session, from the latest sweat test and weighing (the engine's session planner); nothing is stored");
        return athlete;
    }

    private static async Task<IResult> ListCheckIns(HttpContext http, RepleteDb db)
    {
        var access = http.Access();
        var rows = await db.CheckIns.Where(c => c.AccountId == access.AthleteId).OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Take(1000).ToListAsync();
        var list = new JsonArray();
        foreach (var row in rows)
        {
            var node = SensitiveData.Hide(JsonNode.Parse(row.Document)!.AsObject(), access.Shared);
            node.Insert(0, "id", row.Id);
            node.Insert(1, "date", row.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            list.Add(node);
        }

        return Results.Text(list.ToJsonString(), "application/json");
    }

    private static async Task<IResult> AddCheckIn(HttpContext http, RepleteDb db, ServerFoods foods, TimeProvider clock)
    {
        var access = http.Access();
        var body = await Documents.ReadObjectAsync(http.Request, "check-in");
        var date = Documents.Date(body, "date", "check-in", required: true)!.Value;
        // A check-in says how the athlete was on a day: a day to come cannot be told yet.
        Documents.RequirePast("date", date, "of the check-in");
        body.Remove("date");
        foreach (var (key, _) in body.ToList())
        {
            if (!CheckInFields.Contains(key))
            {
                throw Documents.Problem("check-in", key, InputProblemCodes.UnknownField, $"unknown field (a check-in has date, {string.Join(", ", CheckInFields)})");
            }
        }

        // Read as part of an assessment document for the person on that day, with the labs, diet and supplements of the
        // default range that ends on it, as a snapshot of that range reads them.
        var report = new AthleteReport(db, foods);
        var from = date.AddDays(1 - AthleteReport.DefaultDays);
        var (document, missing) = await report.DocumentAsync(access.AthleteId, from, date, AthleteReport.DefaultLabsFrom, checkIn: body);
        if (missing is not null)
        {
            throw Documents.Problem("check-in", "profile", InputProblemCodes.Required, missing);
        }

        var request = AthleteReport.Read(document, "check-in");
        var stored = new JsonObject
        {
            ["symptoms"] = new JsonArray([.. request.Symptoms.Select(s => (JsonNode)s)]),
            ["risk_factors"] = new JsonArray([.. request.RiskFactors.Select(s => (JsonNode)s)]),
            ["red_flags"] = new JsonArray([.. request.RedFlags.Select(s => (JsonNode)s)]),
        };
        foreach (var key in new[] { "history", "lab_sample" })
        {
            if (body[key] is { } value)
            {
                stored[key] = value.DeepClone();
            }
        }

        var row = new CheckIn { AccountId = access.AthleteId, Date = date, Document = stored.ToJsonString(), CreatedAt = clock.GetUtcNow() };
        db.CheckIns.Add(row);
        await db.SaveChangesAsync();
        var (assessment, _, _, _) = AthleteReport.Assess(request, await report.DietAsync(access.AthleteId, from, date), from, date);
        // A check-in reads every stored result (AthleteReport.DefaultLabsFrom), so no result is left out of it and no
        // query is needed: labs_left_out stays in the answer's shape, empty, as a snapshot's is without labs_from.
        return Results.Created($"check-ins/{row.Id}", new CheckInResult(row.Id, date, assessment.Triage, TriageWording.Headline(assessment.Triage), assessment.RedFlags, []));
    }

    /// <summary>The session plan of <see cref="SessionPlanner"/> for the athlete today: the latest weighing and the
    /// latest sweat test (its rate and sodium) where there are any, else the sport's typical range, as the planner says.</summary>
    private static async Task<IResult> PlanSession(SessionPlanBody body, HttpContext http, RepleteDb db, TimeProvider clock)
    {
        var athleteId = http.Access().AthleteId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Required fields are checked here: a missing sport reached the engine as null, and a missing minutes as 0.
        if (string.IsNullOrWhiteSpace(body.Sport) || body.Minutes is not { } minutes)
        {
            throw new InputException([.. Missing(body)]);
        }

        var intensity = Intensities.Parse(body.Intensity ?? "moderate")
            ?? throw Documents.Problem("session", "intensity", InputProblemCodes.UnknownValue, $"must be easy, moderate or hard (got '{body.Intensity}')");
        var mass = await db.BodyMasses.Where(b => b.AccountId == athleteId && b.Date <= today).OrderByDescending(b => b.Date).ThenByDescending(b => b.Id)
            .Select(b => (double?)b.Kilograms).FirstOrDefaultAsync();
        var latest = await db.Documents.Where(d => d.AccountId == athleteId && d.Kind == DocumentKind.SweatTest && d.Date <= today)
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).FirstOrDefaultAsync();
        SweatTest? test = null;
        if (latest is not null)
        {
            using var source = JsonSource.Parse(latest.Document, "sweat test");
            test = SweatTest.Read(source).OrThrow();
        }

        var request = new SessionRequest(body.Sport, minutes, intensity, body.TemperatureC, mass,
            test?.ToRateTest().OrThrow().LitresPerHour, test?.SweatSodiumMmolPerLitre, body.HoursToNextSession);
        if (request.Validate() is { Count: > 0 } problems)
        {
            throw new InputException([.. problems.Select(p => new InputProblem("session", null, "", InputProblemCodes.OutOfRange, p))]);
        }

        return Results.Ok(SessionPlanner.Plan(request));
    }

    /// <summary>The required fields a session plan's body leaves out, each named.</summary>
    private static IEnumerable<InputProblem> Missing(SessionPlanBody body)
    {
        if (string.IsNullOrWhiteSpace(body.Sport))
        {
            yield return new InputProblem("session", null, "sport", InputProblemCodes.Required, "sport is required (a sport id, such as running)");
        }

        if (body.Minutes is null)
        {
            yield return new InputProblem("session", null, "minutes", InputProblemCodes.Required, "minutes is required (the planned duration)");
        }
    }

    /// <summary>Dated documents, newest first, each with what <paramref name="read"/> (the engine's reader) makes of it
    /// as <c>result</c> where one is given (a sweat test's rate).</summary>
    private static async Task<IResult> ListDocuments(HttpContext http, RepleteDb db, DocumentKind kind, Func<JsonSource, object>? read = null)
    {
        var rows = await db.Documents.Where(d => d.AccountId == http.Access().AthleteId && d.Kind == kind).OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).Take(1000).ToListAsync();
        var list = new JsonArray([.. rows.Select(r =>
        {
            var node = new JsonObject
            {
                ["id"] = r.Id,
                ["date"] = r.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["document"] = JsonNode.Parse(r.Document),
            };
            if (read is not null)
            {
                using var source = JsonSource.Parse(r.Document, kind.ToString());
                node["result"] = System.Text.Json.JsonSerializer.SerializeToNode(read(source), WireJson.Options);
            }

            return (JsonNode)node;
        })]);
        return Results.Text(list.ToJsonString(), "application/json");
    }

    /// <summary>Stores a dated document once <paramref name="read"/> (the engine's reader) accepts it; answers with what
    /// it read (a sweat test's rate, a training week).</summary>
    private static async Task<IResult> AddDocument<T>(HttpContext http, RepleteDb db, TimeProvider clock, DocumentKind kind, DateOnly? date, string name, Func<JsonSource, T> read)
    {
        if (kind == DocumentKind.SweatTest && date is { } day)
        {
            // A sweat test has been done (a training week may be planned ahead).
            Documents.RequirePast("date", day, "of the sweat test");
        }

        Documents.RequirePlausible(("date", date));
        var body = await Documents.ReadObjectAsync(http.Request, name);
        T result;
        using (var source = Documents.Source(body, name))
        {
            result = read(source);
        }

        var row = new DatedDocument
        {
            AccountId = http.Access().AthleteId,
            Kind = kind,
            Date = date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            Document = body.ToJsonString(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Documents.Add(row);
        await db.SaveChangesAsync();
        return Results.Created($"{(kind == DocumentKind.TrainingWeek ? "training-weeks" : "sweat-tests")}/{row.Id}", new { id = row.Id, date = row.Date, result });
    }
}
