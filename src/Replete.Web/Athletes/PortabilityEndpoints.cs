using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.Data;
using Replete.Documents;
using Replete.Fhir;
using Replete.Storage.Records;
using Replete.Web.Sharing;

namespace Replete.Web.Athletes;

/// <summary>Everything an athlete's account holds, out as one zip (GDPR Art. 20: structured, commonly used,
/// machine-readable; plan-facts.md section 4), and back into a fresh account with nothing lost.</summary>
/// <remarks>The zip holds <c>replete-export.json</c> (every record, wire JSON, with the ids that link records),
/// <c>intake.csv</c> and <c>labs.csv</c> for spreadsheets, and <c>labs.fhir.json</c> (a FHIR R4 Bundle). The import
/// reads only the JSON, into an account that has no data yet; grants, invitations and the audit log name other
/// accounts and are exported for the record but not imported.</remarks>
internal static class PortabilityEndpoints
{
    /// <summary>The export format's version.</summary>
    public const int FormatVersion = 1;

    private static readonly string[] Tables = ["profile", "body_mass", "imports", "intake", "labs", "check_ins", "documents", "snapshots", "reminders", "notes"];

    public static RouteGroupBuilder MapPortabilityEndpoints(this RouteGroupBuilder athlete)
    {
        var group = athlete.MapGroup("").WithTags("Export and import");
        group.MapGet("/export", Export).WithSummary("Everything of the account as a zip: JSON, CSV and labs as a FHIR R4 Bundle (the athlete only)");
        group.MapPost("/export", Import).Accepts<IFormFile>("multipart/form-data", "application/zip", "application/octet-stream")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ServerApi.MaxUploadBytes))
            .WithSummary("Load an export into this account, which must hold no data yet (the athlete only)");
        return athlete;
    }

    private static JsonArray Rows<T>(IEnumerable<T> rows, params string[] drop)
    {
        var array = JsonSerializer.SerializeToNode(rows, WireJson.Options)!.AsArray();
        foreach (var row in array.OfType<JsonObject>())
        {
            foreach (var name in drop)
            {
                row.Remove(name);
            }
        }

        return array;
    }

    /// <summary>Every record of the athlete as the export's JSON object.</summary>
    public static async Task<JsonObject> DocumentAsync(RepleteDb db, string id, DateTimeOffset now)
    {
        var account = await db.Users.FindAsync(id);
        var profile = await db.Profiles.AsNoTracking().Where(p => p.AccountId == id).ToListAsync();
        return new JsonObject
        {
            ["format"] = "replete-export",
            ["version"] = FormatVersion,
            ["exported_at"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["reference_version"] = ReferenceSet.CompiledVersion,
            ["account"] = new JsonObject { ["email"] = account?.Email, ["display_name"] = account?.DisplayName, ["kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName((account?.Kind ?? AccountKind.Athlete).ToString()) },
            ["profile"] = Rows(profile, "account_id"),
            ["body_mass"] = Rows(await db.BodyMasses.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToListAsync(), "account_id"),
            ["imports"] = Rows(await db.DietImports.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToListAsync(), "account_id"),
            ["intake"] = Rows(await db.Intake.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToListAsync(), "account_id"),
            ["labs"] = Rows(await db.Labs.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToListAsync(), "account_id"),
            ["check_ins"] = Rows(await db.CheckIns.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToListAsync(), "account_id"),
            ["documents"] = Rows(await db.Documents.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToListAsync(), "account_id"),
            ["snapshots"] = Rows(await db.Snapshots.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToListAsync(), "account_id"),
            ["reminders"] = Rows(await db.Reminders.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToListAsync(), "account_id"),
            ["notes"] = Rows(await db.Annotations.AsNoTracking().Where(r => r.AthleteId == id).OrderBy(r => r.Id).ToListAsync(), "athlete_id"),
            ["grants"] = Rows(await db.Grants.AsNoTracking().Where(r => r.AthleteId == id).OrderBy(r => r.Id).ToListAsync()),
            ["audit"] = Rows(await db.Audit.AsNoTracking().Where(r => r.AthleteId == id).OrderBy(r => r.Id).ToListAsync()),
        };
    }

    private static async Task<IResult> Export(HttpContext http, RepleteDb db, TimeProvider clock)
    {
        var access = http.Access();
        if (!access.IsOwner)
        {
            return Problems.NotFound();
        }

        var now = clock.GetUtcNow();
        var document = await DocumentAsync(db, access.AthleteId, now);
        var labs = await db.Labs.AsNoTracking().Where(l => l.AccountId == access.AthleteId).OrderBy(l => l.Collected).ThenBy(l => l.Id).ToListAsync();
        var intake = await db.Intake.AsNoTracking().Where(i => i.AccountId == access.AthleteId).OrderBy(i => i.Date).ThenBy(i => i.Id).ToListAsync();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "replete-export.json", document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Write(zip, "labs.fhir.json", FhirLabExport.Write(labs.Select(l => new FhirLabOut(l.Collected, l.Biomarker, l.Value, l.Unit, l.Comparator, l.Loinc)), now));
            Write(zip, "labs.csv", Csv(["collected", "biomarker", "value", "unit", "comparator", "source", "loinc"],
                labs.Select(l => new[] { Day(l.Collected), l.Biomarker, Number(l.Value), l.Unit, l.Comparator ?? "", l.Source, l.Loinc ?? "" })));
            Write(zip, "intake.csv", Csv(["date", "time", "meal", "food", "amount", "grams", "origin", "nutrients"],
                intake.Select(i => new[] { Day(i.Date), i.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "", i.Meal, i.Name, i.Amount ?? "", i.Grams is { } g ? Number(g) : "", i.Origin, IntakeRows.NutrientsForPeople(i) })));
        }

        return Results.File(buffer.ToArray(), "application/zip", $"replete-export-{now:yyyy-MM-dd}.zip");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>RFC 4180 text: every field quoted, quotes doubled. Written by hand: four lines, and the engine reads CSV
    /// with its own reader, so no CSV library is in the server.</summary>
    private static string Csv(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendJoin(',', row.Select(f => "\"" + Inert(f).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>A cell a spreadsheet will show as text: one that starts with = + - @, a tab or a carriage return (a meal
    /// named "=1+2", or "=HYPERLINK(...)") is opened as a formula, so it gets a leading apostrophe, which spreadsheets
    /// hide (OWASP, CSV Injection). A number ("-0.5") is left as it is. Only these CSV files are changed: the import
    /// reads replete-export.json, which keeps every name as it was stored, so an export loads back unchanged.</summary>
    private static string Inert(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;

    private static async Task<IResult> Import(HttpContext http, RepleteDb db)
    {
        var access = http.Access();
        if (!access.IsOwner)
        {
            return Problems.NotFound();
        }

        var id = access.AthleteId;
        if (await db.Profiles.AnyAsync(p => p.AccountId == id) || await db.Intake.AnyAsync(i => i.AccountId == id) || await db.Labs.AnyAsync(l => l.AccountId == id)
            || await db.Snapshots.AnyAsync(s => s.AccountId == id) || await db.CheckIns.AnyAsync(c => c.AccountId == id))
        {
            return Problems.Conflict("this account already holds data: load an export into a fresh account");
        }

        var (name, temp) = await Uploads.SaveAsync(http.Request, http.Request.Query["name"].FirstOrDefault() ?? "export.zip");
        try
        {
            JsonObject document;
            try
            {
                using var zip = ZipFile.OpenRead(temp);
                var entry = zip.GetEntry("replete-export.json") ?? throw Documents.Problem(name, "", InputProblemCodes.Required, "has no replete-export.json: it is not a Replete export");
                if (entry.Length > InputLimits.MaximumDietFileBytes)
                {
                    throw Documents.Problem(name, "replete-export.json", InputProblemCodes.Size, "is too large");
                }

                using var stream = entry.Open();
                document = JsonNode.Parse(stream) as JsonObject ?? throw Documents.Problem(name, "replete-export.json", InputProblemCodes.WrongType, "must be a JSON object");
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException)
            {
                throw Documents.Problem(name, "", InputProblemCodes.Unreadable, "is not a Replete export zip (" + ex.Message.Split('\n')[0] + ")");
            }

            if ((string?)document["format"] != "replete-export" || (int?)document["version"] != FormatVersion)
            {
                throw Documents.Problem(name, "version", InputProblemCodes.UnknownValue, $"is not a Replete export of version {FormatVersion}");
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            T[] Read<T>(string table) => document[table]?.Deserialize<T[]>(WireJson.Options) ?? [];
            foreach (var p in Read<AthleteProfile>("profile").Take(1))
            {
                p.AccountId = id;
                db.Profiles.Add(p);
            }

            foreach (var b in Read<BodyMass>("body_mass"))
            {
                b.Id = 0;
                b.AccountId = id;
                db.BodyMasses.Add(b);
            }

            var imports = new Dictionary<long, DietImportRecord>();
            foreach (var i in Read<DietImportRecord>("imports"))
            {
                imports[i.Id] = i;
                i.Id = 0;
                i.AccountId = id;
                db.DietImports.Add(i);
            }

            await db.SaveChangesAsync();
            foreach (var row in Read<IntakeRecord>("intake"))
            {
                row.Id = 0;
                row.AccountId = id;
                row.ImportId = row.ImportId is { } old ? imports.TryGetValue(old, out var imported) ? imported.Id : throw Documents.Problem(name, "intake", InputProblemCodes.Invalid, $"names import {old}, which the export lacks") : null;
                db.Intake.Add(row);
            }

            foreach (var l in Read<LabRecord>("labs"))
            {
                l.Id = 0;
                l.AccountId = id;
                db.Labs.Add(l);
            }

            foreach (var c in Read<CheckIn>("check_ins"))
            {
                c.Id = 0;
                c.AccountId = id;
                db.CheckIns.Add(c);
            }

            foreach (var d in Read<DatedDocument>("documents"))
            {
                d.Id = 0;
                d.AccountId = id;
                db.Documents.Add(d);
            }

            var snapshots = new Dictionary<long, Snapshot>();
            foreach (var s in Read<Snapshot>("snapshots"))
            {
                snapshots[s.Id] = s;
                s.Id = 0;
                s.AccountId = id;
                s.CreatedBy = id;
                db.Snapshots.Add(s);
            }

            await db.SaveChangesAsync();
            long? Snapshot(long? old) => old is { } o && snapshots.TryGetValue(o, out var s) ? s.Id : null;
            foreach (var r in Read<RetestReminder>("reminders"))
            {
                r.Id = 0;
                r.AccountId = id;
                r.SnapshotId = Snapshot(r.SnapshotId);
                db.Reminders.Add(r);
            }

            foreach (var n in Read<Annotation>("notes"))
            {
                n.Id = 0;
                n.AthleteId = id;
                n.SnapshotId = Snapshot(n.SnapshotId);
                db.Annotations.Add(n);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return Results.Ok(new JsonObject(Tables.Select(t => KeyValuePair.Create(t, (JsonNode?)(document[t]?.AsArray().Count ?? 0)))));
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
