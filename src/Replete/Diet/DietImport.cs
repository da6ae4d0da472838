using System.Globalization;
using System.IO.Compression;
using System.Text;
using Replete.Data;
using Replete.Documents;

namespace Replete.Diet;

/// <summary>What a diet import gives: the intake items, how each food-log line was matched, and notes on what was
/// skipped or not counted.</summary>
/// <param name="Items">Intake items from every file, food-log lines resolved through the food database.</param>
/// <param name="Resolved">How each food-log line was matched (for confirmation and traceability).</param>
/// <param name="Notes">What was left out, and why: a measurements file skipped, an amount that could not be
/// resolved. Not errors: the import stands.</param>
public sealed record ImportedDiet(IReadOnlyList<IntakeItem> Items, IReadOnlyList<ResolvedFood> Resolved, IReadOnlyList<InputProblem> Notes);

/// <summary>Reads every kind of diet file into intake items: Replete's food log (CSV or JSON), Cronometer servings and
/// daily summaries, MyFitnessPal's Nutrition Summary CSV or its export zip. Food-log lines are matched through the food
/// database; an amount that cannot be resolved is a note, never a guess.</summary>
/// <remarks>Rules: a file above <see cref="InputLimits.MaximumDietFileBytes"/> or empty is refused; one entry above
/// <see cref="InputLimits.MaximumEntryGrams"/> is refused as a unit mistake; whole-day totals and single foods for the
/// same day are refused together, because one export holds both and adding them counts the day twice. A problem makes
/// the whole import fail (<see cref="Complete"/>): nothing half-read is used.</remarks>
/// <param name="resolver">Creates the food-log resolver when the first food log arrives (opening the food database only
/// when needed).</param>
public sealed class DietImport(Func<FoodLogResolver> resolver)
{
    private readonly List<IntakeItem> items = [];
    private readonly List<ResolvedFood> resolved = [];
    private readonly List<InputProblem> notes = [];
    private readonly List<InputProblem> problems = [];
    private readonly Dictionary<string, string> seen = new(StringComparer.Ordinal);
    private FoodLogResolver? foods;

    /// <summary>Asked for each uncertain match (below <see cref="FoodLogResolver.ConfirmBelow"/>): returns the food id
    /// the person meant, or null to keep the match. Null (the default) keeps every match and lists it for confirmation.</summary>
    public Func<ResolvedFood, int?>? ChooseFood { get; init; }

    /// <summary>Every problem so far; the import fails when there is one.</summary>
    public IReadOnlyList<InputProblem> Problems => problems;

    /// <summary>Reads one file: <paramref name="name"/> decides the kind by its extension (.zip, .json, else CSV, whose
    /// header then tells the export apart).</summary>
    /// <param name="name">The file name as the person gave it, for messages.</param>
    /// <param name="content">The file's bytes; a seekable stream's length is checked against the limits first.</param>
    public void Add(string name, Stream content)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek && SizeProblem(name, content.Length) is { } size)
        {
            problems.Add(size);
            return;
        }

        // The same file given twice (or under two names) would count every day twice.
        if (content.CanSeek)
        {
            var hash = "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content));
            content.Position = 0;
            if (Twice(name, hash))
            {
                return;
            }
        }

        try
        {
            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                AddZip(name, content);
            }
            else if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                using var text = new StreamReader(content, leaveOpen: true);
                Resolve(FoodLog.ReadJson(text.ReadToEnd(), name));
            }
            else
            {
                if (LooksLikeUtf16WithoutBom(content))
                {
                    problems.Add(new InputProblem(name, null, "", InputProblemCodes.Unreadable, NotUtf8(content)));
                    return;
                }

                var mark = (items.Count, resolved.Count, notes.Count, problems.Count);
                try
                {
                    using var csv = new CsvReader(new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true), name);
                    AddCsv(csv);
                }
                catch (DecoderFallbackException) when (content.CanSeek)
                {
                    // Not UTF-8 but single-byte text (a Windows or older spreadsheet re-save): what this file added so far
                    // is dropped and it is read again as Latin-1, which gives the same µ and accented letters as
                    // Windows-1252, and the report says so.
                    items.RemoveRange(mark.Item1, items.Count - mark.Item1);
                    resolved.RemoveRange(mark.Item2, resolved.Count - mark.Item2);
                    notes.RemoveRange(mark.Item3, notes.Count - mark.Item3);
                    problems.RemoveRange(mark.Item4, problems.Count - mark.Item4);
                    content.Position = 0;
                    notes.Add(new InputProblem(name, null, "", "format", "is not UTF-8: read as Latin-1 (Windows-1252); save it as UTF-8 to be sure of accented names"));
                    using var csv = new CsvReader(new StreamReader(content, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true), name);
                    AddCsv(csv);
                }
            }
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new InputProblem(name, null, "", InputProblemCodes.Unreadable, NotUtf8(content)));
        }
        catch (InputException ex)
        {
            problems.AddRange(ex.Problems);
        }
        catch (InvalidDataException ex)
        {
            problems.Add(new InputProblem(name, null, "", InputProblemCodes.Unreadable, ex.Message.StartsWith(name + ": ", StringComparison.Ordinal)
                ? ex.Message[(name.Length + 2)..]
                : $"not a zip file Replete can read ({ex.Message})"));
        }
    }

    /// <summary>UTF-8 that refuses invalid bytes, so a Latin-1 or UTF-16 file is named, not read as replacement
    /// characters ("cr\uFFFDme br\uFFFDl\uFFFDe" matched to a cookie).</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the first bytes hold many NULs and no byte order mark: text in UTF-16 that UTF-8 would read as
    /// letters separated by NULs. The stream is left at its start.</summary>
    private static bool LooksLikeUtf16WithoutBom(Stream content)
    {
        if (!content.CanSeek)
        {
            return false;
        }

        var head = new byte[512];
        var read = content.Read(head, 0, head.Length);
        content.Position = 0;
        var bom = read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        return !bom && read > 0 && head.AsSpan(0, read).Count((byte)0) * 4 >= read;
    }

    /// <summary>Why a file is not UTF-8, with a guess at what it is from its first bytes.</summary>
    private static string NotUtf8(Stream content)
    {
        var guess = "Latin-1 or Windows-1252";
        if (content.CanSeek)
        {
            content.Position = 0;
            var head = new byte[512];
            var read = content.Read(head, 0, head.Length);
            if (read > 0 && head.AsSpan(0, read).Count((byte)0) * 4 >= read)
            {
                guess = "UTF-16 without a byte order mark";
            }
        }

        return $"is not UTF-8 text (it looks like {guess}); save it as UTF-8 (CSV UTF-8 in a spreadsheet) and try again";
    }

    /// <summary>Null when a file of <paramref name="bytes"/> may be read, else why not (empty, or above the limit).</summary>
    public static InputProblem? SizeProblem(string name, long bytes) => bytes switch
    {
        0 => new InputProblem(name, null, "", InputProblemCodes.Size, "the file is empty"),
        > InputLimits.MaximumDietFileBytes => new InputProblem(name, null, "", InputProblemCodes.Size,
            $"{bytes / 1048576} MB is too large for a diet log (at most {InputLimits.MaximumDietFileBytes / 1048576} MB); split it by date range"),
        _ => null,
    };

    /// <summary>Finishes the import: the diet, or every problem (including days logged both as totals and as foods).</summary>
    public InputResult<ImportedDiet> Complete()
    {
        if (problems.Count == 0)
        {
            var dailyTotals = items.Where(i => i.IsDailyTotal).Select(i => i.Date).ToHashSet();
            var overlap = items.Where(i => !i.IsDailyTotal && !i.IsSupplement && dailyTotals.Contains(i.Date)).Select(i => i.Date).Distinct().Order().ToList();
            if (overlap.Count > 0)
            {
                problems.Add(new InputProblem("", null, "", InputProblemCodes.Conflict,
                    $"both daily totals and single foods are logged for {overlap.Count} day(s) (first {overlap[0]:yyyy-MM-dd}); give the servings file or the daily summary, not both"));
            }
        }

        return InputResult.From(new ImportedDiet([.. items], [.. resolved], [.. notes]), problems);
    }

    /// <summary>Whether content with <paramref name="key"/> was added before (a problem naming both when it was).</summary>
    private bool Twice(string name, string key)
    {
        if (seen.TryGetValue(key, out var first))
        {
            problems.Add(new InputProblem(name, null, "", InputProblemCodes.Conflict, $"has the same content as {first}: every day in it would count twice; give it once"));
            return true;
        }

        seen[key] = name;
        return false;
    }

    private void AddZip(string name, Stream content)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var nutrition = zip.Entries.Where(e => e.Name.Contains("Nutrition", StringComparison.OrdinalIgnoreCase) && e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (nutrition.Count == 0)
        {
            problems.Add(new InputProblem(name, null, "", InputProblemCodes.Unreadable,
                $"not a MyFitnessPal export (no Nutrition-Summary CSV inside; found {string.Join(", ", zip.Entries.Select(e => e.Name).Take(8))})"));
            return;
        }

        foreach (var entry in nutrition)
        {
            if (Twice($"{name}/{entry.FullName}", string.Create(CultureInfo.InvariantCulture, $"zip:{entry.Crc32:x8}:{entry.Length}")))
            {
                continue;
            }

            // The limit holds for what the entry expands to, not for the zip's size.
            if (SizeProblem($"{name}/{entry.FullName}", entry.Length) is { } size)
            {
                problems.Add(size);
                continue;
            }

            using var csv = new CsvReader(new StreamReader(CheckedZipEntry.Open(entry, name)), $"{name}/{entry.Name}");
            AddCsv(csv);
        }
    }

    private void AddCsv(CsvReader csv)
    {
        if (!csv.ReadHeader())
        {
            problems.Add(new InputProblem(csv.FileName, null, "", InputProblemCodes.Size, "the file is empty"));
            return;
        }

        if (csv.Separator != ',')
        {
            notes.Add(new InputProblem(csv.FileName, 1, "", "format", "read with semicolons between fields and commas as the decimal mark, as the header shows"));
        }

        var kind = AppExport.Detect(csv.Header);
        switch (kind)
        {
            case DietFileKind.FoodLog:
                Resolve(FoodLog.ReadCsv(csv));
                break;
            case DietFileKind.CronometerServings or DietFileKind.CronometerDailySummary or DietFileKind.MyFitnessPalNutrition:
                var read = AppExport.Read(csv, kind, notes);
                items.AddRange(read);
                if (read.Count(i => i.IsSupplement) is > 0 and var supplements)
                {
                    notes.Add(new InputProblem(csv.FileName, null, "", "supplements",
                        $"{supplements} row(s) taken as supplements (group 'Supplements', or category 'Supplements' outside a meal): they count toward the supplement-only upper limits"));
                }

                break;
            case DietFileKind.CronometerBiometrics or DietFileKind.MyFitnessPalOther:
                notes.Add(new InputProblem(csv.FileName, null, "", "skipped", "holds measurements or exercise, not food; skipped"));
                break;
            default:
                problems.Add(new InputProblem(csv.FileName, null, "", InputProblemCodes.Unreadable,
                    $"not a diet file Replete knows (header: {DocumentReader.Shorten(string.Join(",", csv.Header.Take(6)))}...). Expected a food log (date,time,meal,food,amount), a Cronometer servings or daily summary export, or a MyFitnessPal Nutrition Summary"));
                break;
        }
    }

    private void Resolve(IReadOnlyList<FoodLogEntry> entries)
    {
        foods ??= resolver();
        foreach (var entry in entries)
        {
            var food = foods.Resolve(entry);
            if (food.NeedsConfirmation && ChooseFood?.Invoke(food) is { } chosen)
            {
                food = foods.Resolve(entry, chosen);
            }

            var (source, line) = Locate(entry.Origin);
            if (food.Grams > InputLimits.MaximumEntryGrams)
            {
                problems.Add(new InputProblem(source, line, "amount", InputProblemCodes.OutOfRange,
                    $"{entry.Amount} of {food.Match?.Description} is {food.Grams:0} g, more than anyone eats at once ({InputLimits.MaximumEntryGrams:0} g); check the unit"));
                continue;
            }

            resolved.Add(food);
            if (food.Item is { } item)
            {
                items.Add(item);
            }
            else
            {
                notes.Add(new InputProblem(source, line, "", "not_counted", $"{food.Problem}; not counted"));
            }
        }
    }

    /// <summary>Splits an entry's origin, "file:line", into its parts.</summary>
    private static (string Source, int? Line) Locate(string origin)
    {
        var colon = origin.LastIndexOf(':');
        return colon > 0 && int.TryParse(origin.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line)
            ? (origin[..colon], line)
            : (origin, null);
    }
}
