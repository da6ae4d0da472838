using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.Documents;
using Replete.Fhir;
using Replete.Storage.Records;
using Replete.Web.Sharing;

namespace Replete.Web.Athletes;

/// <summary>Lab results over time: entered by hand or uploaded as FHIR R4, each checked by the engine's lab rules for
/// this person (unknown tests and units, implausible values, the unit question).</summary>
internal static class LabEndpoints
{
    /// <summary>A lab result: <c>collected</c> YYYY-MM-DD; <c>biomarker</c>, <c>unit</c> as in data/biomarkers.csv and
    /// data/lab_units.csv; <c>comparator</c> for a bound ("&lt;8"); <c>confirmed</c> answers the unit question.</summary>
    /// <remarks><c>biomarker</c> and <c>value</c> bind as nullable so that a body without them is told so: a value left
    /// out had bound as 0 and was answered "0 is not a measured value" at <c>$</c> (h93).
    /// A value of the wrong type is answered with the value's description (<see cref="Problems"/>): "18" in quotes had been
    /// answered only "not the expected value" (h102).</remarks>
    public sealed record LabBody(DateOnly Collected, string? Biomarker, [property: System.ComponentModel.Description("the result as printed on the lab report, such as 18")] double? Value, string Unit, string? Comparator, bool? Confirmed);

    /// <summary>A stored result.</summary>
    public sealed record LabView(long Id, DateOnly Collected, string Biomarker, double Value, string Unit, string? Comparator, bool Confirmed, string Source, string? Loinc);

    public static RouteGroupBuilder MapLabEndpoints(this RouteGroupBuilder athlete)
    {
        var group = athlete.MapGroup("/labs").WithTags("Labs");
        group.MapGet("", async (HttpContext http, RepleteDb db, string? biomarker) =>
            Results.Ok((await db.Labs.Where(l => l.AccountId == http.Access().AthleteId && (biomarker == null || l.Biomarker == biomarker))
                .OrderBy(l => l.Collected).ThenBy(l => l.Id).ToListAsync()).Select(View)))
            .Scope(GrantScopes.ReadLogs).WithSummary("Lab results, oldest first (?biomarker= for one)");
        group.MapPost("", Add).WithSummary("Add a lab result");
        group.MapPost("/fhir", AddFhir).WithSummary("Upload FHIR R4 Observations or a Bundle (LOINC, UCUM); each needs an effective date or ?collected=");
        group.MapDelete("/{id:long}", async (long id, HttpContext http, RepleteDb db) =>
            await db.Labs.Where(l => l.Id == id && l.AccountId == http.Access().AthleteId).ExecuteDeleteAsync() == 1 ? Results.NoContent() : Problems.NotFound())
            .WithSummary("Delete a lab result");
        return athlete;
    }

    private static LabView View(LabRecord l) => new(l.Id, l.Collected, l.Biomarker, l.Value, l.Unit, l.Comparator, l.Confirmed, l.Source, l.Loinc);

    private static async Task<IResult> Add(LabBody body, HttpContext http, RepleteDb db, ServerFoods foods)
    {
        var access = http.Access();
        if (string.IsNullOrWhiteSpace(body.Biomarker))
        {
            throw Documents.Problem("request", "biomarker", InputProblemCodes.Required, "is required: name the test, such as \"ferritin\"");
        }

        if (body.Value is not { } value)
        {
            throw Documents.Problem("request", "value", InputProblemCodes.Required, "is required: give the result as printed on the lab report");
        }

        if (!double.IsFinite(value))
        {
            return Problems.Field("value", "must be a finite number");
        }

        Documents.RequirePast("collected", body.Collected, "the blood was drawn");
        var record = new LabRecord
        {
            AccountId = access.AthleteId,
            Collected = body.Collected,
            // Stored as the engine reads it (lower case, trimmed), so "FERRITIN" and "ferritin" are one series in the
            // trends (tester h73).
            Biomarker = body.Biomarker.Trim().ToLowerInvariant(),
            Value = value,
            Unit = body.Unit ?? "",
            Comparator = body.Comparator,
            Confirmed = body.Confirmed == true,
        };
        await CheckAsync(db, foods, access.AthleteId, [record], "lab");
        // The same result posted again would count as a confirming repeat test, as a FHIR bundle uploaded twice would
        // (the engine's LabRepeats): refused, naming the result already stored.
        var stored = (await db.Labs.AsNoTracking().Where(l => l.AccountId == access.AthleteId && l.Biomarker == record.Biomarker && l.Collected == record.Collected).OrderBy(l => l.Id).ToListAsync())
            .Select(l => new Replete.Assessment.LabResult(AthleteReport.Input(l) with { Drawn = l.Collected }, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lab {l.Id} ({l.Biomarker} {l.Comparator}{l.Value} {l.Unit} drawn {l.Collected:yyyy-MM-dd}, from {l.Source})"))).ToList();
        if (Replete.Assessment.LabRepeats.Find([new(AthleteReport.Input(record) with { Drawn = record.Collected }, "lab")], stored)[0] is { } repeat)
        {
            return Problems.Conflict($"{repeat}: not stored again.");
        }

        db.Labs.Add(record);
        await db.SaveChangesAsync();
        return Results.Created($"labs/{record.Id}", View(record));
    }

    private static async Task<IResult> AddFhir(HttpContext http, RepleteDb db, ServerFoods foods, DateOnly? collected, string? name)
    {
        var access = http.Access();
        var fileName = Path.GetFileName(name is { Length: > 0 and <= 255 } n ? n : "upload.fhir.json");
        var text = await Documents.ReadTextAsync(http.Request, fileName, 5 * 1024 * 1024);
        var file = FhirLabs.Read(text, fileName);
        var records = new List<LabRecord>();
        var results = new List<Replete.Assessment.LabResult>();
        for (var i = 0; i < file.Labs.Count; i++)
        {
            var lab = file.Labs[i];
            var day = lab.Input.Drawn ?? collected
                ?? throw Documents.Problem(fileName, $"labs[{i}]", InputProblemCodes.Required, $"{lab.Display} has no effective date: give ?collected=YYYY-MM-DD");
            var result = lab.AsResult(fileName);
            results.Add(result with { Input = result.Input with { Drawn = day } });
            records.Add(new LabRecord
            {
                AccountId = access.AthleteId,
                Collected = day,
                Biomarker = lab.Input.Biomarker,
                Value = lab.Input.Value,
                Unit = lab.Input.Unit ?? "",
                Comparator = lab.Input.Bound is { } bound ? Comparator(bound) : null,
                Confirmed = lab.Input.Confirmed,
                Source = fileName,
                Loinc = lab.Loinc,
            });
        }

        if (records.Count == 0)
        {
            throw Documents.Problem(fileName, "", InputProblemCodes.Required, "has no lab result Replete reads" + (file.Skipped.Count > 0 ? ": " + string.Join("; ", file.Skipped) : ""));
        }

        // A result already stored (the same bundle uploaded again) is not stored twice: it would count as a confirming
        // repeat test (the engine's LabRepeats, as the command line reads two files).
        var biomarkers = records.Select(r => r.Biomarker).Distinct().ToList();
        var days = records.Select(r => r.Collected).Distinct().ToList();
        var stored = (await db.Labs.AsNoTracking().Where(l => l.AccountId == access.AthleteId && biomarkers.Contains(l.Biomarker) && days.Contains(l.Collected)).OrderBy(l => l.Id).ToListAsync())
            .Select(l => new Replete.Assessment.LabResult(AthleteReport.Input(l) with { Drawn = l.Collected }, $"the result stored from {l.Source}")).ToList();
        var repeats = Replete.Assessment.LabRepeats.Find(results, stored);
        records = [.. records.Where((_, i) => repeats[i] is null)];
        List<string> skipped = [.. file.Skipped, .. repeats.OfType<string>()];

        await CheckAsync(db, foods, access.AthleteId, records, fileName);
        db.Labs.AddRange(records);
        await db.SaveChangesAsync();
        return Results.Ok(new { added = records.Select(View), skipped });
    }

    private static string Comparator(Replete.Assessment.LabBound bound) => bound switch
    {
        Replete.Assessment.LabBound.AtMost => "<=",
        _ => ">=",
    };

    /// <summary>Reads the new results with the engine as part of an assessment document for the person on the day each was
    /// drawn.</summary>
    /// <exception cref="InputException">Each problem, with the lab's index.</exception>
    private static async Task CheckAsync(RepleteDb db, ServerFoods foods, string athleteId, List<LabRecord> records, string name)
    {
        var report = new AthleteReport(db, foods);
        var problems = new List<InputProblem>();
        var byDay = new Dictionary<DateOnly, JsonObject>();
        for (var i = 0; i < records.Count; i++)
        {
            // One document per day drawn: a FHIR upload of many results reads the stored profile once a day, not per result.
            if (!byDay.TryGetValue(records[i].Collected, out var composed))
            {
                var (day, missing) = await report.DocumentAsync(athleteId, records[i].Collected, records[i].Collected, DateOnly.MaxValue, checkIn: []);
                if (missing is not null)
                {
                    throw Documents.Problem(name, "profile", InputProblemCodes.Required, missing + ": lab cut-offs depend on sex and age");
                }

                byDay[records[i].Collected] = composed = day;
            }

            var document = (JsonObject)composed.DeepClone();

            document["labs"] = new JsonArray(AthleteReport.Lab(records[i]));
            document["lab_sample"] = new JsonObject { ["date"] = records[i].Collected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
            using var source = Documents.Source(document, name);
            var read = Replete.Assessment.AssessmentRequest.Read(source);
            problems.AddRange(read.Problems.Select(p => p with { Source = name, Line = null, Path = records.Count == 1 ? p.Path.Replace("labs[0].", "", StringComparison.Ordinal).Replace("labs[0]", "", StringComparison.Ordinal) : p.Path.Replace("labs[0]", $"labs[{i}]", StringComparison.Ordinal) }));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }
}
