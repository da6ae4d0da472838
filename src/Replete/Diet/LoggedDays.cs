using System.Globalization;
using System.Text;
using Replete.Documents;

namespace Replete.Diet;

/// <summary>The rule against counting a day twice, across the files of one import and within each: what each file
/// logged per day, never per entry, so memory grows with the days and not with the length of the files.</summary>
/// <remarks>
/// A day is refused (<see cref="InputProblemCodes.Conflict"/>) when adding what logs it would count it twice:
/// <list type="bullet">
/// <item>daily totals and single foods on one day (one Cronometer export holds both: its servings and its daily
/// summary), reported by <see cref="Overlap"/> when every file is in;</item>
/// <item>two app exports of the same kind logging one day (two Cronometer servings files, two daily summaries, two
/// MyFitnessPal Nutrition Summaries, or such a zip and the CSV it holds): each holds the whole day, so the second is a
/// copy (saved again with other line ends, say) or an export whose date range overlaps the first. They are refused,
/// not merged, because the two may differ and which is right cannot be known. Different kinds may share a day: a
/// food log of supplements beside an export, or Cronometer servings beside a MyFitnessPal day;</item>
/// <item>two of Replete's food logs logging one entry on the same day (the same time, meal, food and grams: a copy of
/// the log, or one saved again with a meal added): a person may split a day across food logs (meals in one,
/// supplements in another), so only an entry logged again is refused;</item>
/// <item>within one file, a second daily total for a date (Cronometer's daily summary has one row per date), or a
/// second row for a meal and date in a MyFitnessPal Nutrition Summary without times (one row per meal and date;
/// its meals are summed, a meal given twice is not). Rows with a time are single entries and may repeat.</item>
/// </list>
/// </remarks>
internal sealed class LoggedDays
{
    private readonly Dictionary<DateOnly, Day> days = [];
    private readonly List<LoggedDay> logged = [];

    /// <summary>What was logged on a day: daily totals, single foods (supplements are neither).</summary>
    [Flags]
    public enum Kinds
    {
        None = 0,
        DailyTotal = 1,
        Food = 2,
    }

    /// <summary>The first and last day the files logged (not the earlier imports'), or null when none is.</summary>
    public (DateOnly First, DateOnly Last)? Range => logged.Count == 0 ? null : (logged.Min(d => d.Date), logged.Max(d => d.Date));

    /// <summary>Every day each file logged, as a later import is checked against it.</summary>
    public IReadOnlyList<LoggedDay> Logged => logged;

    /// <summary>A day across files: what was logged, which files logged it (a handful at most), and whether one of
    /// this import's files did (a day only earlier imports logged is theirs, already checked).</summary>
    private sealed class Day
    {
        public Kinds Kinds { get; set; }

        public bool Earlier { get; set; }

        public bool Now { get; set; }

        public List<(DietFileKind Kind, string File, IReadOnlySet<ulong> Entries)> Files { get; } = [];
    }

    /// <summary>Adds a day an earlier import logged (<paramref name="name"/> names it), so that this import's files are
    /// checked against it as against one another.</summary>
    public void AddEarlier(string name, LoggedDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var entry = Get(day.Date);
        entry.Kinds |= (day.DailyTotals ? Kinds.DailyTotal : Kinds.None) | (day.Foods ? Kinds.Food : Kinds.None);
        entry.Earlier = true;
        entry.Files.Add((day.Kind, name, day.Entries.ToHashSet()));
    }

    private Day Get(DateOnly date)
    {
        if (!days.TryGetValue(date, out var day))
        {
            days[date] = day = new Day();
        }

        return day;
    }

    /// <summary>The problem of days logged both as daily totals and as single foods, or null.</summary>
    public InputProblem? Overlap()
    {
        var overlap = days.Where(d => d.Value.Now && d.Value.Kinds == (Kinds.DailyTotal | Kinds.Food)).OrderBy(d => d.Key).ToList();
        if (overlap.Count == 0)
        {
            return null;
        }

        // Named, where an earlier import holds the other half, so the person knows which to delete.
        var earlier = overlap.Where(d => d.Value.Earlier).SelectMany(d => d.Value.Files.Select(f => f.File)).Distinct(StringComparer.Ordinal).Take(3).ToList();
        var with = earlier.Count == 0 ? "" : $" (with {string.Join(", ", earlier)}, imported before)";
        return new InputProblem("", null, "", InputProblemCodes.Conflict, string.Create(CultureInfo.InvariantCulture,
            $"both daily totals and single foods are logged for {overlap.Count} day(s) (first {overlap[0].Key:yyyy-MM-dd}){with}; give the servings file or the daily summary, not both"));
    }

    /// <summary>Adds the days of one file, read whole (its slashed dates settled), to <paramref name="problems"/> every
    /// day it logs twice within itself or alongside an earlier file.</summary>
    public void Add(FileDays file, bool dayFirst, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(file);
        var settled = file.Settle(dayFirst, problems);
        var overlaps = new Dictionary<string, (int Count, DateOnly First, int Line)>(StringComparer.Ordinal);
        // A day none of whose lines counted (every food unresolved) adds nothing, so it cannot count twice.
        foreach (var (date, fileDay) in settled.Where(d => d.Value.Counted).OrderBy(d => d.Key))
        {
            var day = Get(date);
            var entries = (IReadOnlySet<ulong>?)fileDay.Entries ?? NoEntries;
            foreach (var other in day.Files.Where(o => o.Kind == file.Kind && (file.Kind != DietFileKind.FoodLog || o.Entries.Overlaps(entries))))
            {
                overlaps[other.File] = overlaps.TryGetValue(other.File, out var seen) ? seen with { Count = seen.Count + 1 } : (1, date, fileDay.Line);
            }

            day.Kinds |= fileDay.Kinds;
            day.Now = true;
            day.Files.Add((file.Kind, file.Name, entries));
            logged.Add(new LoggedDay(date, file.Kind, (fileDay.Kinds & Kinds.DailyTotal) != 0, (fileDay.Kinds & Kinds.Food) != 0, [.. entries.Order()]));
        }

        foreach (var (other, (count, first, line)) in overlaps.OrderBy(o => o.Value.First))
        {
            problems.Add(new InputProblem(file.Name, line, "", InputProblemCodes.Conflict, file.Kind == DietFileKind.FoodLog
                ? string.Create(CultureInfo.InvariantCulture, $"logs {first:yyyy-MM-dd} with entries that {other} logs too (the same time, meal, food and amount; {count} day(s) with such entries): a copy of a food log, or one saved again with more entries, would count them twice; give each entry once")
                : string.Create(CultureInfo.InvariantCulture, $"logs {count} day(s) that {other} logs too (first {first:yyyy-MM-dd}): two {Describe(file.Kind)} exports of one day would count it twice, and which one is right cannot be known; give each day once (one file, or exports whose date ranges do not overlap)")));
        }
    }

    private static readonly HashSet<ulong> NoEntries = [];

    /// <summary>How many counted entries of a food-log day are kept to find one logged again in another file: Replete's
    /// choice, far above the entries of a real day, so that what is kept grows with the days and not with a file's
    /// length. An entry beyond them is not compared.</summary>
    public const int EntriesKept = 64;

    private static string Describe(DietFileKind kind) => kind switch
    {
        DietFileKind.CronometerServings => "Cronometer servings",
        DietFileKind.CronometerDailySummary => "Cronometer daily summary",
        DietFileKind.MyFitnessPalNutrition => "MyFitnessPal Nutrition Summary",
        _ => kind.ToString(),
    };

    /// <summary>How many meal names of a MyFitnessPal day without times are kept to find one given twice: Replete's
    /// choice, far above the few meals a diary has, so that a file of made-up meal names cannot grow memory per row.</summary>
    public const int MealsKept = 32;

    /// <summary>What one file logged per day while it is read: dates as read (a slashed date provisional until the
    /// whole file settles its order), with the first line of each, the line of its daily total, its MyFitnessPal meals
    /// without a time, and a fingerprint of its food-log entries.</summary>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="kind">The kind of file.</param>
    public sealed class FileDays(string name, DietFileKind kind)
    {
        private readonly Dictionary<(DateOnly Date, bool Provisional), FileDay> days = [];
        private (int Line, int First, string Field, string What, DateOnly Date, bool Provisional)? twice;
        private int twiceCount;

        public string Name => name;

        public DietFileKind Kind => kind;

        /// <summary>Adds a row of an app export at <paramref name="line"/>.</summary>
        public void Add(IntakeItem item, bool provisional, int line)
        {
            var day = Get(item.Date, provisional, line);
            day.Kinds |= KindsOf(item);
            day.Counted = true;
            if (item.IsDailyTotal)
            {
                if (day.TotalLine is { } first)
                {
                    Twice(line, first, "Date", "a second daily total", item.Date, provisional);
                }
                else
                {
                    day.TotalLine = line;
                }
            }
            else if (kind == DietFileKind.MyFitnessPalNutrition && item.Time is null)
            {
                AddMeal(day, item.Meal, line, item.Date, provisional);
            }
        }

        /// <summary>Adds a food-log entry at <paramref name="line"/>; <paramref name="item"/> is what it counts as, or
        /// null when it is not counted (it still belongs to the day's entries).</summary>
        public void Add(FoodLogEntry entry, IntakeItem? item, bool provisional, int line)
        {
            var day = Get(entry.Date, provisional, line);
            day.Kinds |= item is null ? Kinds.None : KindsOf(item);
            day.Counted |= item is not null;
            // Only a counted entry could count twice; it is known by what it counts as, not by how it was written.
            if (item is not null)
            {
                day.Entries ??= [];
                if (day.Entries.Count < EntriesKept)
                {
                    day.Entries.Add(Fingerprint(item));
                }
            }
        }

        private FileDay Get(DateOnly date, bool provisional, int line)
        {
            if (!days.TryGetValue((date, provisional), out var day))
            {
                days[(date, provisional)] = day = new FileDay { Line = line };
            }

            return day;
        }

        /// <summary>Notes a MyFitnessPal meal without a time on <paramref name="day"/>; one the day already has is a
        /// second row for it (named at the later of the two lines). At most <see cref="MealsKept"/> names are kept.</summary>
        private void AddMeal(FileDay day, string meal, int line, DateOnly date, bool provisional)
        {
            day.Meals ??= new(StringComparer.OrdinalIgnoreCase);
            if (day.Meals.TryGetValue(meal, out var first))
            {
                Twice(Math.Max(line, first), Math.Min(line, first), "Meal", $"a second '{meal}' row", date, provisional);
            }
            else if (day.Meals.Count < MealsKept)
            {
                day.Meals[meal] = line;
            }
        }

        private void Twice(int line, int first, string field, string what, DateOnly date, bool provisional)
        {
            // Only the first is named; the rest are counted, so what is kept stays small whatever the file's length.
            twice ??= (line, first, field, what, date, provisional);
            twiceCount++;
        }

        /// <summary>The days with slashed dates in the order the file settled, adding to <paramref name="problems"/>
        /// a day logged twice within the file.</summary>
        internal Dictionary<DateOnly, FileDay> Settle(bool dayFirst, List<InputProblem> problems)
        {
            var settled = new Dictionary<DateOnly, FileDay>();
            foreach (var ((date, provisional), day) in days.OrderBy(d => d.Value.Line))
            {
                var key = provisional && dayFirst ? FileDates.Swap(date) : date;
                if (!settled.TryGetValue(key, out var same))
                {
                    settled[key] = day;
                    continue;
                }

                // One date written two ways (05/11/2024 and 2024-11-05): the same day.
                same.Kinds |= day.Kinds;
                same.Counted |= day.Counted;
                foreach (var entry in day.Entries ?? [])
                {
                    same.Entries ??= [];
                    if (same.Entries.Count < EntriesKept)
                    {
                        same.Entries.Add(entry);
                    }
                }
                if (same.TotalLine is { } first && day.TotalLine is { } second)
                {
                    Twice(Math.Max(first, second), Math.Min(first, second), "Date", "a second daily total", key, false);
                }
                else
                {
                    same.TotalLine ??= day.TotalLine;
                }

                foreach (var (meal, line) in day.Meals ?? [])
                {
                    AddMeal(same, meal, line, key, false);
                }
            }

            if (twice is { } found)
            {
                var (at, firstAt, field, what, date, provisional) = found;
                var day = provisional && dayFirst ? FileDates.Swap(date) : date;
                var rows = kind == DietFileKind.MyFitnessPalNutrition ? "one row per meal and date" : "one row per date";
                problems.Add(new InputProblem(name, at, field, InputProblemCodes.Conflict, string.Create(CultureInfo.InvariantCulture,
                    $"{day:yyyy-MM-dd} has {what} (the first is at line {firstAt}): the export holds {rows}, so adding them would count it twice; keep one{(twiceCount > 1 ? $" ({twiceCount} such rows in the file)" : "")}")));
            }

            return settled;
        }

        private static Kinds KindsOf(IntakeItem item) =>
            item.IsDailyTotal ? Kinds.DailyTotal : item.IsSupplement ? Kinds.None : Kinds.Food;

        /// <summary>A 64-bit FNV-1a hash of what a food-log entry counts as: its time, its meal (case aside), the food it
        /// matched and its grams to 0.1 g. The same entry written another way ("Oatmeal" or "oatmeal", the food's id, 2.822
        /// oz for 80 g; other line ends, quotes, CSV or JSON) has the same hash.</summary>
        private static ulong Fingerprint(IntakeItem item)
        {
            var grams = item.Grams is { } g ? Math.Round(g, 1) : (double?)null;
            var text = string.Create(CultureInfo.InvariantCulture, $"{item.Time:HH\\:mm\\:ss}\u001f{item.Meal.Trim().ToUpperInvariant()}\u001f{item.Name}\u001f{grams:R}");
            return Data.Fnv1a.Hash(text);
        }
    }

    /// <summary>One day of one file.</summary>
    internal sealed class FileDay
    {
        public Kinds Kinds { get; set; }

        /// <summary>The first line that logs the day.</summary>
        public int Line { get; init; }

        /// <summary>The line of the day's daily total, if it has one.</summary>
        public int? TotalLine { get; set; }

        /// <summary>MyFitnessPal meals without a time, with their lines.</summary>
        public Dictionary<string, int>? Meals { get; set; }

        /// <summary>Whether any row of the day counts (a food-log line whose food was resolved, any export row).</summary>
        public bool Counted { get; set; }

        /// <summary>The fingerprints of the day's counted food-log entries (at most <see cref="EntriesKept"/>), or null.</summary>
        public HashSet<ulong>? Entries { get; set; }
    }
}

/// <summary>A day one file of a diet import logged, as the rule against counting a day twice reads it: kept with a
/// stored import (<see cref="ImportedDiet.Days"/>) so that a later import is checked against it
/// (<see cref="DietImport.AddEarlier"/>) as the files of one import are checked against one another.</summary>
/// <param name="Date">The day.</param>
/// <param name="Kind">The kind of file that logged it.</param>
/// <param name="DailyTotals">Whether it logged a whole-day total.</param>
/// <param name="Foods">Whether it logged single foods (supplements are neither).</param>
/// <param name="Entries">For Replete's food log, a fingerprint of each counted entry of the day (a 64-bit FNV-1a hash of
/// its time, meal, matched food and grams; at most <see cref="LoggedDays.EntriesKept"/>), in order; empty for an app
/// export.</param>
public sealed record LoggedDay(DateOnly Date, DietFileKind Kind, bool DailyTotals, bool Foods, IReadOnlyList<ulong> Entries);
