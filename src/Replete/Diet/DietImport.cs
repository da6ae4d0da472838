using System.Globalization;
using System.IO.Compression;
using System.Text;
using Replete.Data;
using Replete.Documents;

namespace Replete.Diet;

/// <summary>What a diet import gives: the intake items, how each food-log line was matched, and notes on what was
/// skipped or not counted.</summary>
/// <param name="Items">Intake items from every file in the order given, food-log lines resolved through the food
/// database. An app export given as a file that can be opened again is not held in memory: each enumeration reads it
/// again, so memory does not grow with its length (enumerate it once per use).</param>
/// <param name="Resolved">How each food and amount of the food logs was matched, once each with the lines that gave it
/// (for confirmation and traceability).</param>
/// <param name="Notes">What was left out, and why: a measurements file skipped, an amount that could not be
/// resolved. Not errors: the import stands.</param>
public sealed record ImportedDiet(IEnumerable<IntakeItem> Items, IReadOnlyList<ResolvedFood> Resolved, IReadOnlyList<InputProblem> Notes)
{
    /// <summary>How many items <see cref="Items"/> holds.</summary>
    public int Count { get; init; }

    /// <summary>The first day with an item, or null when there is none.</summary>
    public DateOnly? FirstDate { get; init; }

    /// <summary>The last day with an item, or null when there is none.</summary>
    public DateOnly? LastDate { get; init; }

    /// <summary>Every day each file logged (one per file and day), to keep with a stored import so that a later one is
    /// checked against it (<see cref="DietImport.AddEarlier"/>).</summary>
    public IReadOnlyList<LoggedDay> Days { get; init; } = [];

    /// <summary>Which food-log matches need confirming and which lines were not counted.</summary>
    public FoodLogCheck Check => FoodLogCheck.Of(Resolved);

    /// <summary>As <see cref="Check"/>, with the foods the diet pattern <paramref name="pattern"/> rules out
    /// (<see cref="FoodLogCheck.AgainstPattern"/>).</summary>
    public FoodLogCheck CheckFor(References.DietPattern? pattern) => FoodLogCheck.Of(Resolved, pattern);
}

/// <summary>Reads every kind of diet file into intake items: Replete's food log (CSV or JSON), Cronometer servings and
/// daily summaries, MyFitnessPal's Nutrition Summary CSV or its export zip. Food-log lines are matched through the food
/// database; an amount that cannot be resolved is a note, never a guess.</summary>
/// <remarks>Rules: a file above <see cref="InputLimits.MaximumDietFileBytes"/> or empty is refused, and so are food logs
/// with more than <see cref="InputLimits.MaximumDistinctFoodLogEntries"/> different foods and amounts (at the line that
/// passes it, reading no further); one entry above
/// <see cref="InputLimits.MaximumEntryGrams"/> is refused as a unit mistake; whole-day totals and single foods for the
/// same day are refused together, because one export holds both and adding them counts the day twice; so are two app
/// exports of one kind sharing a day, two food logs giving the same entry on a day, and a second daily total (or
/// MyFitnessPal meal without a time) for a date within a file, each named with both files or its line. A problem makes
/// the whole import fail (<see cref="Complete"/>): nothing half-read is used.
/// Memory: a file added with <see cref="Add(string, Func{Stream})"/> (an app export or a food log, CSV or JSON) is read
/// once here to check it (keeping per day only what the rule against counting a day twice needs, and the order of its
/// slashed dates), and read again each time <see cref="ImportedDiet.Items"/> is enumerated. A food log's lines are
/// matched once per distinct food and amount, and each match is kept with its first lines: what grows is the foods a
/// person eats, never the entries.</remarks>
/// <param name="resolver">Creates the food-log resolver when the first food log arrives (opening the food database only
/// when needed).</param>
public sealed class DietImport(Func<FoodLogResolver> resolver)
{
    private readonly List<Source> sources = [];
    private readonly LoggedDays days = new();
    private readonly List<Resolution> resolved = [];
    private readonly Dictionary<(string Food, HouseholdAmount Amount), Resolution> resolutions = [];
    private readonly List<InputProblem> notes = [];
    private readonly List<InputProblem> problems = [];
    private readonly Dictionary<string, string> seen = new(StringComparer.Ordinal);
    private FoodLogResolver? foods;
    private int count;

    /// <summary>How many lines of a food or amount a report names: Replete's choice, enough to find them.</summary>
    public const int OriginsShown = 10;

    /// <summary>Items of one file in the order read: kept in memory, or read again from the file.</summary>
    private sealed record Source(List<IntakeItem>? Kept, Func<IEnumerable<IntakeItem>>? Again);

    /// <summary>A food and amount of the food logs as matched, with the lines that gave it; a note or problem about it
    /// is written once, for its first line, and says how many lines it covers.</summary>
    private sealed class Resolution(ResolvedFood food)
    {
        public ResolvedFood Food { get; set; } = food;

        public int Lines { get; set; }

        public List<string> Origins { get; } = [];

        public int? Note { get; set; }

        public ResolvedFood Reported => Food with { Lines = Lines, Origins = [.. Origins] };
    }

    /// <summary>Asked for each uncertain match (below <see cref="FoodLogResolver.ConfirmBelow"/>): returns the food id
    /// the person meant, or null to keep the match. Null (the default) keeps every match and lists it for confirmation.</summary>
    public Func<ResolvedFood, int?>? ChooseFood { get; init; }

    /// <summary>Every problem so far; the import fails when there is one.</summary>
    public IReadOnlyList<InputProblem> Problems => problems;

    /// <summary>Checks the files of this import against the days an earlier, stored import logged
    /// (<see cref="ImportedDiet.Days"/>), as against one another: the same day in two exports of one kind, a food-log
    /// day with the same entries, or daily totals beside single foods is a problem naming <paramref name="name"/>.
    /// Call it before <see cref="Complete"/>.</summary>
    /// <param name="name">The earlier import as the person knows it (its file name, say), for messages.</param>
    /// <param name="days">Its days.</param>
    public void AddEarlier(string name, IEnumerable<LoggedDay> days)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            this.days.AddEarlier(name, day);
        }
    }

    /// <summary>Reads one file: <paramref name="name"/> decides the kind by its extension (.zip, .json, else CSV, whose
    /// header then tells the export apart).</summary>
    /// <param name="name">The file name as the person gave it, for messages.</param>
    /// <param name="content">The file's bytes; a seekable stream's length is checked against the limits first.</param>
    /// <remarks>The items of a stream are kept in memory; <see cref="Add(string, Func{Stream})"/> reads a file again
    /// instead.</remarks>
    public void Add(string name, Stream content) => Add(name, content, null);

    /// <summary>Reads one file that <paramref name="open"/> opens afresh each time, as <see cref="Add(string, Stream)"/>:
    /// an app export is read again whenever its items are enumerated, so its length costs no memory.</summary>
    /// <param name="name">The file name as the person gave it, for messages.</param>
    /// <param name="open">Opens the file's bytes from the start; each stream is disposed after use.</param>
    public void Add(string name, Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        using var content = open();
        Add(name, content, open);
    }

    private void Add(string name, Stream content, Func<Stream>? reopen)
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
                AddZip(name, content, reopen);
            }
            else if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                var dates = new FileDates(name, keepKeys: false);
                AddFoodLog(name, FoodLog.StreamJson(content, name, dates), dates, reopen is null ? null : dayFirst => JsonAgain(reopen, name, dayFirst));
            }
            else
            {
                if (LooksLikeUtf16WithoutBom(content))
                {
                    problems.Add(new InputProblem(name, null, "", InputProblemCodes.Unreadable, NotUtf8(content)));
                    return;
                }

                var mark = (sources.Count, resolved.Count, notes.Count, problems.Count, resolutions.Count);
                try
                {
                    using var csv = new CsvReader(new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true), name);
                    AddCsv(csv, reopen is null ? null : () => new CsvReader(new StreamReader(reopen(), StrictUtf8, detectEncodingFromByteOrderMarks: true), name));
                }
                catch (DecoderFallbackException) when (content.CanSeek)
                {
                    // Not UTF-8 but single-byte text (a Windows or older spreadsheet re-save): what this file added so far
                    // is dropped and it is read again as Latin-1, which gives the same µ and accented letters as
                    // Windows-1252, and the report says so.
                    sources.RemoveRange(mark.Item1, sources.Count - mark.Item1);
                    foreach (var dropped in resolved.Skip(mark.Item2))
                    {
                        resolutions.Remove((dropped.Food.Entry.Food, dropped.Food.Entry.Amount));
                    }

                    resolved.RemoveRange(mark.Item2, resolved.Count - mark.Item2);
                    notes.RemoveRange(mark.Item3, notes.Count - mark.Item3);
                    problems.RemoveRange(mark.Item4, problems.Count - mark.Item4);
                    content.Position = 0;
                    notes.Add(new InputProblem(name, null, "", "format", "is not UTF-8: read as Latin-1 (Windows-1252); save it as UTF-8 to be sure of accented names"));
                    using var csv = new CsvReader(new StreamReader(content, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true), name);
                    AddCsv(csv, reopen is null ? null : () => new CsvReader(new StreamReader(reopen(), Encoding.Latin1, detectEncodingFromByteOrderMarks: false), name));
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
            if (days.Overlap() is { } overlap)
            {
                problems.Add(overlap);
            }
        }

        // A note about a food and amount says how many lines it covers.
        foreach (var resolution in resolved.Where(r => r.Note is not null && r.Lines > 1))
        {
            var note = notes[resolution.Note!.Value];
            notes[resolution.Note.Value] = note with { Message = $"{note.Message} (and {resolution.Lines - 1} more line(s) with the same food and amount)" };
        }

        return InputResult.From(new ImportedDiet(Items([.. sources]), [.. resolved.Select(r => r.Reported)], [.. notes])
        {
            Count = count,
            FirstDate = days.Range?.First,
            LastDate = days.Range?.Last,
            Days = [.. days.Logged],
        }, problems);
    }

    /// <summary>Every source's items in order; each enumeration starts again (and reads again what was not kept).</summary>
    private static IEnumerable<IntakeItem> Items(IReadOnlyList<Source> sources)
    {
        foreach (var source in sources)
        {
            foreach (var item in source.Kept ?? source.Again!())
            {
                yield return item;
            }
        }
    }

    /// <summary>Adds items to the last kept source, or starts one.</summary>
    private void Keep(IntakeItem item)
    {
        if (sources.Count == 0 || sources[^1].Kept is null)
        {
            sources.Add(new Source([], null));
        }

        sources[^1].Kept!.Add(item);
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

    private void AddZip(string name, Stream content, Func<Stream>? reopen)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        // macOS adds "__MACOSX/._name" resource-fork entries (AppleDouble) when it zips a folder again: they share the
        // export's names but hold no lines, and were refused as a CSV with NUL characters (tester h76).
        var nutrition = zip.Entries.Where(e => e.Name.Contains("Nutrition", StringComparison.OrdinalIgnoreCase) && e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            && !e.Name.StartsWith("._", StringComparison.Ordinal) && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToList();
        if (nutrition.Count == 0)
        {
            problems.Add(new InputProblem(name, null, "", InputProblemCodes.Unreadable,
                $"not a MyFitnessPal export (no Nutrition-Summary CSV inside; found {string.Join(", ", zip.Entries.Select(e => e.Name).Take(8))})"));
            return;
        }

        // The limit holds for what the zip expands to in all, as for one file: each entry below it, three of them could
        // still give 600 MB of lines from a 2 MB upload (tester h73).
        if (nutrition.Sum(e => e.Length) is var expanded && expanded > InputLimits.MaximumDietFileBytes)
        {
            problems.Add(new InputProblem(name, null, "", InputProblemCodes.Size,
                string.Create(CultureInfo.InvariantCulture, $"expands to {expanded / 1048576} MB of Nutrition-Summary files, too large for a diet log (at most {InputLimits.MaximumDietFileBytes / 1048576} MB in all); export a shorter date range")));
            return;
        }

        foreach (var entry in nutrition)
        {
            var index = zip.Entries.IndexOf(entry);
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
            AddCsv(csv, reopen is null ? null : () => ReopenEntry(reopen, name, index));
        }
    }

    /// <summary>The zip entry at <paramref name="index"/> opened again; disposing the reader closes the zip and its file.</summary>
    private static CsvReader ReopenEntry(Func<Stream> reopen, string name, int index)
    {
        var content = reopen();
        var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: false);
        var entry = zip.Entries[index];
        return new CsvReader(new ZipEntryReader(CheckedZipEntry.Open(entry, name), zip), $"{name}/{entry.Name}");
    }

    /// <summary>A zip entry's text whose disposal also closes the zip.</summary>
    private sealed class ZipEntryReader(Stream entry, ZipArchive zip) : StreamReader(entry)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                zip.Dispose();
            }
        }
    }

    /// <param name="csv">The file, its header not yet read.</param>
    /// <param name="again">Opens the same file again (an app export is then read again rather than kept), or null.</param>
    private void AddCsv(CsvReader csv, Func<CsvReader>? again)
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
                var dates = new FileDates(csv.FileName, keepKeys: false);
                AddFoodLog(csv.FileName, FoodLog.StreamCsv(csv, dates), dates, again is null ? null : dayFirst => CsvAgain(again, dayFirst));
                break;
            case DietFileKind.CronometerServings or DietFileKind.CronometerDailySummary or DietFileKind.MyFitnessPalNutrition:
                if (AddExport(csv, kind, again) is > 0 and var supplements)
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

    /// <summary>Reads an app export row by row, keeping per day only what it logged; returns how many rows were
    /// supplements. Slashed dates the file settles only at its end are fixed by day when it has been read.</summary>
    private int AddExport(CsvReader csv, DietFileKind kind, Func<CsvReader>? again)
    {
        var dates = new FileDates(csv.FileName, keepKeys: false);
        var fileDays = new LoggedDays.FileDays(csv.FileName, kind);
        var kept = again is null ? new List<(IntakeItem Item, bool Provisional)>() : null;
        var (rows, supplements) = (0, 0);
        foreach (var item in AppExport.Stream(csv, kind, notes, dates))
        {
            fileDays.Add(item, dates.LastWasProvisional, csv.Line);
            kept?.Add((item, dates.LastWasProvisional));
            rows++;
            supplements += item.IsSupplement ? 1 : 0;
        }

        var dayFirst = dates.Resolve();
        days.Add(fileDays, dayFirst, problems);

        count += rows;
        if (kept is not null)
        {
            foreach (var (item, provisional) in kept)
            {
                Keep(provisional && dayFirst ? item with { Date = FileDates.Swap(item.Date) } : item);
            }
        }
        else
        {
            sources.Add(new Source(null, () => ReadAgain(again!, kind, dayFirst)));
        }

        return supplements;
    }

    /// <summary>An app export read again, its date order settled by the first reading.</summary>
    private static IEnumerable<IntakeItem> ReadAgain(Func<CsvReader> open, DietFileKind kind, bool dayFirst)
    {
        using var csv = open();
        csv.ReadHeader();
        foreach (var item in AppExport.Stream(csv, kind, [], FileDates.Settled(csv.FileName, dayFirst)))
        {
            yield return item;
        }
    }

    /// <summary>Reads a food log entry by entry: each distinct food and amount is matched once (and asked about once
    /// when uncertain), each entry counted in; the items are kept only when the file cannot be opened again, and read
    /// again otherwise, with the slashed date order the whole file settled.</summary>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="entries">The entries as read, their dates through <paramref name="dates"/>.</param>
    /// <param name="dates">The file's dates, settled when every entry has been read.</param>
    /// <param name="again">Reads the entries again with the date order known, or null to keep the items.</param>
    private void AddFoodLog(string name, IEnumerable<FoodLogEntry> entries, FileDates dates, Func<bool, IEnumerable<FoodLogEntry>>? again)
    {
        foods ??= resolver();
        var fileDays = new LoggedDays.FileDays(name, DietFileKind.FoodLog);
        var kept = again is null ? new List<(IntakeItem Item, bool Provisional)>() : null;
        foreach (var entry in entries)
        {
            var provisional = dates.LastWasProvisional;
            var item = Match(entry);
            fileDays.Add(entry, item, provisional, Locate(entry.Origin).Line ?? 0);
            if (item is null)
            {
                continue;
            }

            kept?.Add((item, provisional));
            count++;
        }

        var dayFirst = dates.Resolve();
        days.Add(fileDays, dayFirst, problems);

        if (kept is not null)
        {
            foreach (var (item, provisional) in kept)
            {
                Keep(provisional && dayFirst ? item with { Date = FileDates.Swap(item.Date) } : item);
            }
        }
        else
        {
            sources.Add(new Source(null, () => Again(again!(dayFirst))));
        }
    }

    /// <summary>The entries read again, each as the item its food and amount gave on the first reading.</summary>
    private IEnumerable<IntakeItem> Again(IEnumerable<FoodLogEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (resolutions.TryGetValue((entry.Food, entry.Amount), out var resolution) && Item(resolution, entry) is { } item)
            {
                yield return item;
            }
        }
    }

    /// <summary>A CSV food log read again, its date order settled by the first reading.</summary>
    private static IEnumerable<FoodLogEntry> CsvAgain(Func<CsvReader> open, bool dayFirst)
    {
        using var csv = open();
        csv.ReadHeader();
        foreach (var entry in FoodLog.StreamCsv(csv, FileDates.Settled(csv.FileName, dayFirst)))
        {
            yield return entry;
        }
    }

    /// <summary>A JSON food log read again, its date order settled by the first reading.</summary>
    private static IEnumerable<FoodLogEntry> JsonAgain(Func<Stream> open, string name, bool dayFirst)
    {
        using var content = open();
        foreach (var entry in FoodLog.StreamJson(content, name, FileDates.Settled(name, dayFirst)))
        {
            yield return entry;
        }
    }

    /// <summary>The item <paramref name="entry"/> supplies, matching its food and amount the first time they come (the
    /// person is asked once about an uncertain match); null when it is not counted (a note or problem said why, once).</summary>
    private IntakeItem? Match(FoodLogEntry entry)
    {
        if (!resolutions.TryGetValue((entry.Food, entry.Amount), out var resolution))
        {
            if (resolutions.Count >= InputLimits.MaximumDistinctFoodLogEntries)
            {
                // Refused where the limit is passed, before the rest is read: what grows is the foods, so the file stops here.
                var (file, at) = Locate(entry.Origin);
                throw new InputException([new InputProblem(file, at, "food", InputProblemCodes.Size,
                    string.Create(CultureInfo.InvariantCulture, $"more than {InputLimits.MaximumDistinctFoodLogEntries:N0} different foods and amounts in the food log(s) (Replete's limit for one analysis: no one person's log of a few years has so many); split the log by date range"))]);
            }

            var food = foods!.Resolve(entry);
            if (food.NeedsConfirmation && ChooseFood?.Invoke(food) is { } chosen)
            {
                food = foods.Resolve(entry, chosen);
            }

            resolutions[(entry.Food, entry.Amount)] = resolution = new Resolution(food);
            resolved.Add(resolution);
            var (source, line) = Locate(entry.Origin);
            if (food.Grams > InputLimits.MaximumEntryGrams)
            {
                problems.Add(new InputProblem(source, line, "amount", InputProblemCodes.OutOfRange,
                    $"{entry.Amount} of {food.Match?.Description} is {HouseholdAmount.Number(Math.Round(food.Grams ?? 0))} g, more than anyone eats at once ({InputLimits.MaximumEntryGrams:0} g); check the unit"));
                resolution.Food = food with { Item = null, Problem = "more than anyone eats at once" };
            }
            else if (food.Item is null)
            {
                resolution.Note = notes.Count;
                notes.Add(new InputProblem(source, line, "", "not_counted", $"{food.Problem}; not counted"));
            }
        }

        resolution.Lines++;
        if (resolution.Origins.Count < OriginsShown)
        {
            resolution.Origins.Add(entry.Origin);
        }

        return Item(resolution, entry);
    }

    /// <summary>The item of <paramref name="resolution"/> on <paramref name="entry"/>'s day, time and meal.</summary>
    private static IntakeItem? Item(Resolution resolution, FoodLogEntry entry) => resolution.Food.Item is { } supplied
        ? supplied with { Date = entry.Date, Time = entry.Time, Meal = entry.Meal, Origin = entry.Origin }
        : null;

    /// <summary>Splits an entry's origin, "file:line", into its parts.</summary>
    private static (string Source, int? Line) Locate(string origin)
    {
        var colon = origin.LastIndexOf(':');
        return colon > 0 && int.TryParse(origin.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line)
            ? (origin[..colon], line)
            : (origin, null);
    }
}
