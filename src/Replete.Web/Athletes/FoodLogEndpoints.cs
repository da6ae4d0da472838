using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Replete.Data;
using Replete.Diet;
using Replete.Documents;
using Replete.Storage.Records;
using Replete.Web.Sharing;

namespace Replete.Web.Athletes;

/// <summary>The food log: entries by day (matched through the food database), whole-file imports, and the supplement
/// plan.</summary>
internal static class FoodLogEndpoints
{
    /// <summary>A food log entry as written: <c>food</c> in words or a food id, <c>amount</c> in household units ("1 cup",
    /// "150 g"); <c>food_id</c> picks one of the offered matches.</summary>
    public sealed record EntryBody(DateOnly Date, TimeOnly? Time, string? Meal, string Food, string Amount, int? FoodId);

    /// <summary>A stored entry with its match.</summary>
    public sealed record EntryView(long Id, DateOnly Date, TimeOnly? Time, string Meal, string Food, string? Amount, double? Grams,
        long? FoodId, string Origin, long? ImportId, IReadOnlyDictionary<string, double> Nutrients);

    /// <summary>How an entry was matched: the food, how sure, the alternatives to confirm among.</summary>
    public sealed record EntryResult(EntryView Entry, Replete.Foods.FoodMatch? Match, bool NeedsConfirmation, IReadOnlyList<Replete.Foods.FoodMatch> Alternatives);

    /// <summary>An import as stored: with its food-log lines and how many of them were not counted.</summary>
    public sealed record ImportView(long Id, string FileName, DateTimeOffset ImportedAt, int Items, DateOnly FirstDay, DateOnly LastDay, int Lines, int LinesNotCounted, IReadOnlyList<InputProblem> Notes);

    /// <summary>The most entries one <c>GET /food-log</c> answers with.</summary>
    public const int MaximumListedEntries = 10_000;

    public static RouteGroupBuilder MapFoodLogEndpoints(this RouteGroupBuilder athlete)
    {
        var group = athlete.MapGroup("").WithTags("Food log");
        group.MapGet("/food-log", List).Scope(GrantScopes.ReadLogs).WithSummary("Entries and imported rows between from and to (YYYY-MM-DD)");
        group.MapPost("/food-log", Add).WithSummary("Log a food; the answer says how sure the match is");
        group.MapPut("/food-log/{id:long}", Edit).WithSummary("Change an entry (imported rows are changed by importing again)");
        group.MapDelete("/food-log/{id:long}", async (long id, HttpContext http, RepleteDb db) =>
            await db.Intake.Where(i => i.Id == id && i.AccountId == http.Access().AthleteId && i.ImportId == null).ExecuteDeleteAsync() == 1
                ? Results.NoContent() : Problems.NotFound())
            .WithSummary("Delete an entry");
        group.MapGet("/imports", async (HttpContext http, RepleteDb db) =>
            Results.Ok((await db.DietImports.Where(i => i.AccountId == http.Access().AthleteId).OrderBy(i => i.Id).ToListAsync()).Select(View)))
            .Scope(GrantScopes.ReadLogs).WithSummary("Imported files");
        group.MapPost("/imports", Import).WithSummary("Import a Cronometer or MyFitnessPal export, a Replete food log, or a zip of them: all or nothing")
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "application/zip", "application/json", "application/octet-stream")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ServerApi.MaxUploadBytes));
        group.MapDelete("/imports/{id:long}", async (long id, HttpContext http, RepleteDb db) =>
            await db.DietImports.Where(i => i.Id == id && i.AccountId == http.Access().AthleteId).ExecuteDeleteAsync() == 1
                ? Results.NoContent() : Problems.NotFound())
            .WithSummary("Remove an import and every row it brought");
        group.MapGet("/supplements", LatestSupplements).Scope(GrantScopes.ReadLogs).WithSummary("The supplement plan in force");
        group.MapPut("/supplements", SetSupplements).WithSummary("Set the supplement plan from a date (?from=YYYY-MM-DD, default today)");
        return athlete;
    }

    private static async Task<IResult> List(HttpContext http, RepleteDb db, DateOnly? from, DateOnly? to)
    {
        var id = http.Access().AthleteId;
        var query = db.Intake.Where(i => i.AccountId == id);
        if (from is { } f)
        {
            query = query.Where(i => i.Date >= f);
        }

        if (to is { } t)
        {
            query = query.Where(i => i.Date <= t);
        }

        // At most MaximumListedEntries in one answer, Replete's choice (a year of 25 foods a day is about 9,000): a longer
        // range is refused rather than cut short without saying so.
        var rows = await query.OrderBy(i => i.Date).ThenBy(i => i.Id).Take(MaximumListedEntries + 1).ToListAsync();
        if (rows.Count > MaximumListedEntries)
        {
            return Problems.Field(to is null ? "from" : "to", $"more than {MaximumListedEntries:N0} entries in this range: ask for a shorter one (from and to, YYYY-MM-DD)");
        }

        return Results.Ok(rows.Select(View));
    }

    private static EntryView View(IntakeRecord row) => new(row.Id, row.Date, row.Time, row.Meal, row.Name, row.Amount, row.Grams, row.FoodId,
        row.Origin, row.ImportId, IntakeRows.ToItem(row).Nutrients);

    private static ImportView View(DietImportRecord row) => new(row.Id, row.FileName, row.ImportedAt, row.Items, row.FirstDay, row.LastDay,
        row.Lines, row.LinesNotCounted, System.Text.Json.JsonSerializer.Deserialize<List<InputProblem>>(row.Notes, WireJson.Options) ?? []);

    /// <summary>The import as stored, with what its food-log lines came to as the command line's analysis lists it (the
    /// engine's <see cref="FoodLogCheck"/>): <c>to_confirm</c>, the matches below <see cref="FoodLogResolver.ConfirmBelow"/>
    /// or tied with another food, counted and to be confirmed; <c>not_counted</c>, with why; and
    /// <c>intake_is_lower_bound</c>, true when so many lines were not counted that every mean is a lower bound
    /// (<see cref="FoodLogCheck.MuchNotCounted"/>), which the analyses of the range then say.</summary>
    private static System.Text.Json.Nodes.JsonObject Imported(DietImportRecord row, FoodLogCheck check)
    {
        var shown = System.Text.Json.JsonSerializer.SerializeToNode(View(row), WireJson.Options)!.AsObject();
        shown["intake_is_lower_bound"] = check.MuchNotCounted;
        shown["to_confirm"] = System.Text.Json.JsonSerializer.SerializeToNode(check.ToConfirm, WireJson.Options);
        shown["not_counted"] = System.Text.Json.JsonSerializer.SerializeToNode(check.NotCounted, WireJson.Options);
        return shown;
    }

    private static (IntakeRecord? Row, IResult? Problem, ResolvedFood? Resolved) Resolve(EntryBody body, string accountId, ServerFoods foods)
    {
        if (string.IsNullOrWhiteSpace(body.Food) || body.Food.Length > InputLimits.MaximumWordChars)
        {
            return (null, Problems.Field("food", "name the food (at most 200 characters) or give its id"), null);
        }

        if (InputLimits.PastDateProblem(body.Date) is { } problem)
        {
            // The command line's rule for a food log's days (FoodLog): a day not yet eaten, or before anyone living was
            // born, is a typo in the year.
            return (null, Input("date", InputProblemCodes.OutOfRange, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{body.Date:yyyy-MM-dd} {problem}: {InputProblemCodes.FoodLogDateAdvice}")), null);
        }

        Documents.RequirePlausible(("date", body.Date));

        if (!Documents.Displayable(body.Food))
        {
            return (null, Problems.Field("food", "a food name without control or direction characters"), null);
        }

        if (body.Meal is { Length: > 100 } || !Documents.Displayable(body.Meal))
        {
            return (null, Problems.Field("meal", "a meal name of at most 100 characters, without control or direction characters"), null);
        }

        if (!HouseholdAmount.TryParse(body.Amount, out var amount))
        {
            return (null, Problems.Field("amount", "an amount such as \"150 g\", \"1 cup\", \"2 slices\" or \"1 medium\""), null);
        }

        var entry = new FoodLogEntry(body.Date, body.Time, body.Meal?.Trim() ?? "", body.Food.Trim(), amount, "log");
        var resolved = foods.NewResolver().Resolve(entry, body.FoodId);
        if (resolved.Item is not { } item)
        {
            return (null, Problems.Field(resolved.Match is null ? "food" : "amount", resolved.Problem ?? "could not be matched to a food"), resolved);
        }

        if (resolved.Grams is { } grams && !(double.IsFinite(grams) && grams <= InputLimits.MaximumEntryGrams))
        {
            return (null, Problems.Field("amount", $"at most {InputLimits.MaximumEntryGrams / 1000:0} kg in one entry"), resolved);
        }

        var row = IntakeRows.ToRecord(item, accountId, null);
        row.FoodId = resolved.Match?.FoodId;
        row.Amount = body.Amount.Trim();
        return (row, null, resolved);
    }

    private static IResult Input(string field, string code, string message) =>
        Problems.Input([new InputProblem("request", null, field, code, message)]);

    private static async Task<IResult> Add(EntryBody body, HttpContext http, RepleteDb db, ServerFoods foods)
    {
        var (row, problem, resolved) = Resolve(body, http.Access().AthleteId, foods);
        if (row is null)
        {
            return problem!;
        }

        db.Intake.Add(row);
        await db.SaveChangesAsync();
        return Results.Created($"food-log/{row.Id}", new EntryResult(View(row), resolved!.Match, resolved.NeedsConfirmation, resolved.Alternatives));
    }

    private static async Task<IResult> Edit(long id, EntryBody body, HttpContext http, RepleteDb db, ServerFoods foods)
    {
        var access = http.Access();
        var stored = await db.Intake.SingleOrDefaultAsync(i => i.Id == id && i.AccountId == access.AthleteId && i.ImportId == null);
        if (stored is null)
        {
            return Problems.NotFound();
        }

        var (row, problem, resolved) = Resolve(body, access.AthleteId, foods);
        if (row is null)
        {
            return problem!;
        }

        row.Id = stored.Id;
        db.Entry(stored).CurrentValues.SetValues(row);
        await db.SaveChangesAsync();
        return Results.Ok(new EntryResult(View(stored), resolved!.Match, resolved.NeedsConfirmation, resolved.Alternatives));
    }

    private static async Task<IResult> Import(HttpContext http, RepleteDb db, ServerFoods foods, TimeProvider clock, string? name)
    {
        var access = http.Access();
        var (fileName, temp) = await Uploads.SaveAsync(http.Request, name);
        try
        {
            string sha;
            await using (var read = File.OpenRead(temp))
            {
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read));
            }

            if (await db.DietImports.AnyAsync(i => i.AccountId == access.AthleteId && i.Sha256 == sha))
            {
                return Problems.Conflict($"{fileName} was imported before: every day in it would count twice.");
            }

            // Opened again whenever the entries are read, so an export is never held whole in memory. The days earlier
            // imports logged go in first: the engine's rule against counting a day twice then holds across imports
            // (an overlapping export, a copy with other line ends) as it does across the files of one.
            var import = new DietImport(foods.NewResolver);
            var earlier = await db.DietImports.AsNoTracking().Where(i => i.AccountId == access.AthleteId && i.Days != null)
                .Select(i => new { i.Id, i.FileName, i.ImportedAt, i.Days }).ToListAsync();
            foreach (var stored in earlier)
            {
                import.AddEarlier(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stored.FileName} (import {stored.Id}, {stored.ImportedAt:yyyy-MM-dd})"),
                    JsonSerializer.Deserialize<LoggedDay[]>(stored.Days!, DaysJson) ?? []);
            }

            import.Add(fileName, () => File.OpenRead(temp));

            var diet = import.Complete();
            if (!diet.IsValid)
            {
                return Problems.Input(diet.Problems);
            }

            var imported = diet.Value!;
            if (imported.Count == 0 || imported.FirstDate is not { } firstDay || imported.LastDate is not { } lastDay)
            {
                return Problems.Input([new InputProblem(fileName, null, "", InputProblemCodes.Required, "has no logged days")]);
            }

            if (imported.Count > InputLimits.MaximumImportedEntries)
            {
                return Problems.Input([new InputProblem(fileName, null, "", InputProblemCodes.Size,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"has {imported.Count:N0} entries, more than one import stores ({InputLimits.MaximumImportedEntries:N0}); export a shorter date range"))]);
            }

            var check = imported.Check;
            var record = new DietImportRecord
            {
                AccountId = access.AthleteId,
                FileName = fileName,
                Sha256 = sha,
                ImportedAt = clock.GetUtcNow(),
                Items = imported.Count,
                FirstDay = firstDay,
                LastDay = lastDay,
                Notes = WireJson.Serialize(imported.Notes),
                Lines = check.Lines,
                LinesNotCounted = check.LinesNotCounted,
                Days = JsonSerializer.Serialize(imported.Days, DaysJson),
            };
            // A client that goes away cancels the import (the transaction rolls back) rather than leaving it to run on.
            var aborted = http.RequestAborted;
            await using var transaction = await db.Database.BeginTransactionAsync(aborted);
            db.DietImports.Add(record);
            await db.SaveChangesAsync(aborted);
            // Rows go in batches read from the file as they are stored, so a large export is never held whole.
            var batch = 0;
            foreach (var item in imported.Items)
            {
                db.Intake.Add(IntakeRows.ToRecord(item, access.AthleteId, record.Id));
                if (++batch % 2_000 == 0)
                {
                    await db.SaveChangesAsync(aborted);
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync(aborted);
            await transaction.CommitAsync(aborted);
            return Results.Created($"imports/{record.Id}", Imported(record, check));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>How an import's days are stored: the wire style, unindented (a year of days is some 30 KB).</summary>
    private static readonly JsonSerializerOptions DaysJson = new(WireJson.Options) { WriteIndented = false };

    /// <summary>Characters in a supplement's name or form: 200, as a logged food's name (Replete's choice: a label's
    /// product name fits; more is a paste or an attack, stored and sent back on every read).</summary>
    public const int SupplementTextLength = 200;

    /// <summary>Products in one supplement plan: 100 (Replete's choice: no one takes more; each is read at every report).</summary>
    public const int SupplementCount = 100;

    private static async Task<IResult> LatestSupplements(HttpContext http, RepleteDb db, DateOnly? on)
    {
        Documents.RequirePlausible(("on", on));
        var day = on ?? DateOnly.MaxValue;
        var latest = await db.Documents.Where(d => d.AccountId == http.Access().AthleteId && d.Kind == DocumentKind.Supplements && d.Date <= day)
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).FirstOrDefaultAsync();
        return latest is null ? Results.Text("{\"supplements\":[]}", "application/json") : Results.Text(latest.Document, "application/json");
    }

    private static async Task<IResult> SetSupplements(HttpContext http, RepleteDb db, TimeProvider clock, DateOnly? from)
    {
        var body = await Documents.ReadObjectAsync(http.Request, "supplements");
        using var source = Documents.Source(body, "supplements");
        Documents.RequirePlausible(("from", from));
        var plan = SupplementPlan.Read(source).OrThrow();
        if (plan.Supplements.Count > SupplementCount)
        {
            return Problems.Field("supplements", $"at most {SupplementCount} products");
        }

        var tooLong = plan.Supplements.Select((s, i) => (s, i)).FirstOrDefault(p => p.s.Name.Length > SupplementTextLength || p.s.Form?.Length > SupplementTextLength);
        if (tooLong.s is { } supplement)
        {
            return Problems.Field($"supplements[{tooLong.i}].{(supplement.Name.Length > SupplementTextLength ? "name" : "form")}", $"at most {SupplementTextLength} characters");
        }

        db.Documents.Add(new DatedDocument
        {
            AccountId = http.Access().AthleteId,
            Kind = DocumentKind.Supplements,
            Date = from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            Document = body.ToJsonString(),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return Results.NoContent();
    }
}
