using System.Globalization;
using Replete.Data;
using Replete.Documents;
using Replete.Nutrients;

namespace Replete.Diet;

/// <summary>The kinds of file Replete reads a diet from.</summary>
public enum DietFileKind
{
    /// <summary>Not a file Replete knows.</summary>
    Unknown,

    /// <summary>Replete's own food log (date, time, meal, food, amount).</summary>
    FoodLog,

    /// <summary>Cronometer servings.csv: one row per food eaten.</summary>
    CronometerServings,

    /// <summary>Cronometer dailysummary.csv: one row per day.</summary>
    CronometerDailySummary,

    /// <summary>Cronometer biometrics.csv (weights, heart rate): not intake.</summary>
    CronometerBiometrics,

    /// <summary>MyFitnessPal Nutrition-Summary CSV: one row per meal.</summary>
    MyFitnessPalNutrition,

    /// <summary>MyFitnessPal Measurement or Exercise summary: not intake.</summary>
    MyFitnessPalOther,
}

/// <summary>Reads Cronometer and MyFitnessPal exports into <see cref="IntakeItem"/>s.</summary>
/// <remarks>Units come from Cronometer's headers ("Vitamin D (IU)" is converted to ug); a blank cell is unknown, not
/// zero. MyFitnessPal's Vitamin A, Vitamin C, Calcium and Iron columns are percent of the label Daily Value in force
/// on the entry's date (<c>data/label_daily_values.csv</c>) and are flagged as estimates.</remarks>
public static class AppExport
{
    private static readonly IReadOnlyList<(string App, string Column, string Nutrient, string Unit, bool ZeroIsUnknown)> Columns = ReferenceData.Read("export_columns.csv")
        .Select(row => (row.Text("app"), row.Text("column"), row.Text("nutrient"), row.Text("unit"), row.Text("zero_is_unknown") == "yes"))
        .ToArray();

    private static readonly IReadOnlyList<(string Nutrient, string Unit, DateOnly? From, DateOnly? To, double Value)> DailyValues = ReferenceData.Read("label_daily_values.csv")
        .Select(row => (row.Text("nutrient"), row.Text("unit"), OptionalDate(row.Text("valid_from")), OptionalDate(row.Text("valid_to")), row.Number("daily_value")))
        .ToArray();


    /// <summary>What kind of export a header row belongs to.</summary>
    public static DietFileKind Detect(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        bool Has(string name) => header.Contains(name, StringComparer.OrdinalIgnoreCase);
        return true switch
        {
            _ when Has("Day") && Has("Food Name") && Has("Amount") => DietFileKind.CronometerServings,
            _ when Has("Day") && Has("Metric") => DietFileKind.CronometerBiometrics,
            _ when Has("Date") && Has("Energy (kcal)") => DietFileKind.CronometerDailySummary,
            _ when Has("Date") && Has("Meal") && Has("Calories") => DietFileKind.MyFitnessPalNutrition,
            _ when Has("Date") && (Has("Weight") || Has("Exercise")) => DietFileKind.MyFitnessPalOther,
            _ when Has("date") && Has("food") && Has("amount") => DietFileKind.FoodLog,
            _ => DietFileKind.Unknown,
        };
    }

    /// <summary>Reads a Cronometer servings or daily-summary file, or a MyFitnessPal nutrition file.</summary>
    /// <exception cref="CsvDataException">A date or number does not parse; names file, line and column.</exception>
    public static IReadOnlyList<IntakeItem> Read(CsvReader csv, DietFileKind kind) => Read(csv, kind, []);

    /// <summary>As <see cref="Read(CsvReader, DietFileKind)"/>, adding to <paramref name="notes"/> what was recovered:
    /// MyFitnessPal lines joined where a note ran across lines, and calorie-adjustment rows (negative energy) left out.</summary>
    public static IReadOnlyList<IntakeItem> Read(CsvReader csv, DietFileKind kind, List<InputProblem> notes)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(notes);
        var dates = new FileDates(csv.FileName);
        var items = Stream(csv, kind, notes, dates).ToList();
        dates.Fix(items, (item, day) => item with { Date = day }, item => item.Date);
        return items;
    }

    /// <summary>As <see cref="Read(CsvReader, DietFileKind, List{InputProblem})"/>, one row at a time: a slashed date
    /// the file settles only at its end is provisional (<see cref="FileDates.LastWasProvisional"/>) unless
    /// <paramref name="dates"/> was settled by an earlier reading; the order is decided when the last row has been read.</summary>
    internal static IEnumerable<IntakeItem> Stream(CsvReader csv, DietFileKind kind, List<InputProblem> notes, FileDates dates) => kind switch
    {
        DietFileKind.CronometerServings => ReadCronometer(csv, "Day", csv.IndexOf("Group"), csv.Require("Food Name"), dates),
        DietFileKind.CronometerDailySummary => ReadCronometer(csv, "Date", -1, -1, dates),
        DietFileKind.MyFitnessPalNutrition => ReadMyFitnessPal(csv, notes, dates),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an intake export"),
    };

    private static IEnumerable<IntakeItem> ReadCronometer(CsvReader csv, string dateColumn, int group, int food, FileDates dates)
    {
        var date = csv.Require(dateColumn);
        var time = csv.IndexOf("Time");
        var amount = csv.IndexOf("Amount");
        var category = csv.IndexOf("Category");
        var nutrientColumns = NutrientColumns(csv, "cronometer");
        var count = 0;
        double? vitaminAIu = null;
        while (csv.Read())
        {
            var day = Date(csv, date, dates, count);
            var nutrients = new Dictionary<string, double>();
            var estimated = new HashSet<string>();
            foreach (var (index, nutrient, unit, zeroIsUnknown) in nutrientColumns)
            {
                if (csv.GetOptionalDouble(index) is not { } value)
                {
                    continue;
                }

                if (nutrient == "vitamin_a" && unit.Equals("IU", StringComparison.OrdinalIgnoreCase))
                {
                    if (value < 0 || InputLimits.DailyIntake.Check(value) is not null)
                    {
                        throw csv.Error(index, value < 0 ? $"{value} is negative" : InputLimits.DailyIntake.Check(value)!);
                    }

                    vitaminAIu = value;
                    continue;
                }

                Add(csv, index, nutrients, estimated, nutrient, value, unit);
            }

            // A supplement by the diary group the person put it in or by Cronometer's category: a magnesium capsule in
            // the "Supplements" group with a blank category counts, and so does one logged at breakfast. A protein shake
            // filed under Supplements counts too: the cautious reading for the supplement-only upper limits (a
            // capsule missed there could hide an excess; a shake counted there can only warn early).
            var groupName = group >= 0 ? csv.GetOptionalString(group) : null;
            var name = food >= 0 ? csv.GetOptionalString(food) ?? "(unnamed)" : "daily total";
            // Any group or category naming vitamins or supplements counts ("Vitamins", "Supplement", "Vitamins and
            // Supplements", a trailing space): a magnesium tablet in the "Vitamins" group was read as food and its 800 mg
            // passed the supplement-only UL (h76). A row with a blank category could be a tablet logged as a custom food
            // (MaybeSupplement); the fixture exports give every USDA food a food-group category.
            var categoryName = category >= 0 ? csv.GetOptionalString(category) : null;
            var isSupplement = NamesSupplements(groupName) || NamesSupplements(categoryName);
            // A folic acid or methylfolate tablet logged as a food (h65 finding 5): its name says the form, and its
            // category is no food group. It is a supplement, so its folate counts toward the UL. Whether the export's
            // folate for it is DFE or micrograms as taken is not known, so it is stored as it stands and read the cautious
            // way for each use (FolateForms.TowardUl; the analysis says so): as DFE for adequacy, all of it for the UL.
            if (FolateForms.NamesATablet(name) && food >= 0
                && (isSupplement || category < 0 || string.IsNullOrWhiteSpace(csv.GetOptionalString(category))))
            {
                isSupplement = true;
            }

            if (vitaminAIu is { } iu)
            {
                VitaminAFromIu(iu, nutrients, estimated, isSupplement);
                vitaminAIu = null;
            }

            // A daily-summary day with every nutrient blank was not logged (Cronometer writes such days with Completed
            // false): it is no day of intake, and counting it would make every mean a lower bound.
            if (group < 0 && food < 0 && nutrients.Count == 0)
            {
                dates.Forget(count);
                continue;
            }

            count++;
            yield return new IntakeItem(day, Time(csv, time), group >= 0 ? csv.GetOptionalString(group) ?? "" : "day",
                name, nutrients, $"{csv.FileName}:{csv.Line}")
            {
                Estimated = estimated,
                Grams = amount >= 0 ? Grams(csv.GetOptionalString(amount)) : null,
                IsSupplement = isSupplement,
                MaybeSupplement = !isSupplement && food >= 0 && string.IsNullOrWhiteSpace(categoryName),
                IsDailyTotal = group < 0 && food < 0,
            };
        }

        dates.Resolve();
    }

    /// <summary>Whether a Cronometer diary group or category files supplements: it names vitamins or supplements
    /// ("Supplements", a protein shake in the fixture exports; "Vitamins"; "Vitamins and Supplements"). The other
    /// categories are food groups ("Breakfast Cereals"); blank is a recipe or a custom food.</summary>
    private static bool NamesSupplements(string? label) =>
        label is not null && (label.Contains("supplement", StringComparison.OrdinalIgnoreCase) || label.Contains("vitamin", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<IntakeItem> ReadMyFitnessPal(CsvReader csv, List<InputProblem> notes, FileDates dates)
    {
        var date = csv.Require("Date");
        var meal = csv.Require("Meal");
        csv.JoinShortRecords = true;
        var energyColumn = csv.IndexOf("Calories");
        // The first ten lines are named, the rest counted: the list stays the same size whatever the file's length.
        var adjustments = new List<int>();
        var adjustmentCount = 0;
        var time = csv.IndexOf("Time");
        var nutrientColumns = NutrientColumns(csv, "myfitnesspal");
        var count = 0;
        while (csv.Read())
        {
            // A calorie adjustment (negative energy, from an exercise or tracker sync) is not food: left out and noted.
            if (energyColumn >= 0 && csv.GetOptionalDouble(energyColumn) is < 0)
            {
                if (adjustmentCount++ < 10)
                {
                    adjustments.Add(csv.Line);
                }

                continue;
            }

            var day = Date(csv, date, dates, count);
            var nutrients = new Dictionary<string, double>();
            var estimated = new HashSet<string>();
            var vitaminAFormUnknown = false;
            var vitaminAIu = 0.0;
            foreach (var (index, nutrient, unit, zeroIsUnknown) in nutrientColumns)
            {
                if (csv.GetOptionalDouble(index) is not { } value)
                {
                    continue;
                }

                // A 0 in a column whose zeros mean "not reported" (data/export_columns.csv) is unknown, not zero.
                if (value == 0 && zeroIsUnknown)
                {
                    continue;
                }

                if (unit == "percent_dv")
                {
                    var dv = DailyValues.Single(d => d.Nutrient == nutrient && (d.From is null || d.From <= day) && (d.To is null || day <= d.To));
                    if (nutrient == "vitamin_a")
                    {
                        // A % Daily Value does not say which form the vitamin A is in, so the UL (retinol only) cannot
                        // be judged. Before the 2016 rule the Daily Value was 5,000 IU, and an IU is 0.3 ug RAE as
                        // retinol but 0.05 as beta-carotene (IOM 2001 ch.4): that RAE is not known within sixfold and is
                        // not counted; after it the Daily Value is 900 ug RAE, and the RAE is counted as an estimate.
                        vitaminAFormUnknown = true;
                        if (dv.Unit != "ug")
                        {
                            if (value < 0 || InputLimits.DailyIntake.Check(value) is not null)
                            {
                                throw csv.Error(index, value < 0 ? $"{value} is negative" : InputLimits.DailyIntake.Check(value)!);
                            }

                            vitaminAIu = value / 100 * dv.Value;
                            continue;
                        }
                    }

                    Add(csv, index, nutrients, estimated, nutrient, value / 100 * dv.Value, dv.Unit);
                    estimated.Add(nutrient);
                }
                else
                {
                    Add(csv, index, nutrients, estimated, nutrient, value, unit);
                }
            }

            var mealName = csv.GetOptionalString(meal) ?? "";
            count++;
            yield return new IntakeItem(day, Time(csv, time), mealName, mealName, nutrients, $"{csv.FileName}:{csv.Line}")
            {
                Estimated = estimated,
                VitaminAFormUnknown = vitaminAFormUnknown,
                VitaminAIuNotCounted = vitaminAIu,
            };
        }

        dates.Resolve();
        if (adjustmentCount > 0)
        {
            notes.Add(new InputProblem(csv.FileName, adjustments[0], "Calories", "skipped",
                $"{adjustmentCount} row(s) with negative calories (calorie adjustments, not food) left out: line(s) {string.Join(", ", adjustments)}{(adjustmentCount > 10 ? ", ..." : "")}"));
        }

        foreach (var (first, last) in csv.JoinedLines)
        {
            notes.Add(new InputProblem(csv.FileName, first, "", "joined", $"lines {first}-{last} read as one row: a note ran across lines without quotes"));
        }
    }

    /// <summary>Vitamin A given in IU (older Cronometer exports). An IU of retinol is 0.3 ug and an IU of dietary
    /// beta-carotene 0.05 ug RAE (IOM 2001 ch.4, data/unit_conversions.csv): where the row also gives retinol, the IU
    /// beyond it are carotenoids and count at 0.05; otherwise all IU are read as retinol, an overstatement marked as an
    /// estimate. Either way the sum is an estimate (other carotenoids convert differently).</summary>
    /// <summary>Vitamin A in IU to ug RAE, with the row's retinol where it gives one: the IU beyond the retinol is read as
    /// carotenoid from food. On a supplement, IU beyond the retinol it states is counted as retinol for the UL (0.3 ug
    /// per IU, IOM 2001 ch.4): a softgel of 25,000 IU with retinol 0.00 (a blank Cronometer cell written as zero) is
    /// more often retinyl palmitate than beta-carotene, and reading it as carotenoid said "below the UL" (h76).</summary>
    private static void VitaminAFromIu(double iu, Dictionary<string, double> nutrients, HashSet<string> estimated, bool supplement)
    {
        var catalog = NutrientCatalog.Default;
        var vitaminA = catalog.Get("vitamin_a");
        var perIuRetinol = catalog.Convert(vitaminA, 1, "IU_retinol")!.Value;
        var perIuCarotene = catalog.Convert(vitaminA, 1, "IU_beta_carotene_food")!.Value;
        double rae;
        if (nutrients.TryGetValue("retinol", out var retinol))
        {
            var carotenoidIu = Math.Max(0, iu - (retinol / perIuRetinol));
            rae = retinol + (carotenoidIu * perIuCarotene);
            if (supplement && carotenoidIu > 0)
            {
                // Adequacy keeps the low reading (RAE as carotenoid), the UL the high one (all of it as retinol).
                nutrients["retinol"] = iu * perIuRetinol;
                estimated.Add("retinol");
            }
        }
        else
        {
            rae = iu * perIuRetinol;
        }

        nutrients["vitamin_a"] = nutrients.GetValueOrDefault("vitamin_a") + rae;
        estimated.Add("vitamin_a");
    }

    private static void Add(CsvReader csv, int index, Dictionary<string, double> nutrients, HashSet<string> estimated, string nutrientId, double value, string unit)
    {
        if (value < 0)
        {
            throw csv.Error(index, $"{value} is negative");
        }

        if (InputLimits.DailyIntake.Check(value) is { } tooMuch)
        {
            throw csv.Error(index, tooMuch);
        }

        var nutrient = NutrientCatalog.Default.Get(nutrientId);
        // Vitamin A in IU never reaches here: VitaminAFromIu reads it with the row's retinol.
        var converted = NutrientCatalog.Default.Convert(nutrient, value, unit)
            ?? throw csv.Error(index, $"unit '{unit}' cannot be converted to {nutrient.Unit}");
        nutrients[nutrientId] = nutrients.GetValueOrDefault(nutrientId) + converted.Value;
        if (converted.IsEstimate)
        {
            estimated.Add(nutrientId);
        }
    }

    /// <summary>The nutrient columns of this file: (index, nutrient id, unit from the header or the mapping).</summary>
    private static List<(int Index, string Nutrient, string Unit, bool ZeroIsUnknown)> NutrientColumns(CsvReader csv, string app)
    {
        var found = new List<(int, string, string, bool)>();
        for (var i = 0; i < csv.Header.Count; i++)
        {
            var (name, unit) = SplitUnit(csv.Header[i]);
            var column = Columns.FirstOrDefault(c => c.App == app && c.Column.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (column.Nutrient is null)
            {
                continue;
            }

            var resolved = column.Unit.Length > 0 && (unit is null || column.Unit == "percent_dv") ? column.Unit : unit
                ?? throw new CsvDataException(csv.FileName, 1, csv.Header[i], "the header does not give the unit");
            // Two columns for one nutrient (a header given twice, or "Vitamin A (IU)" beside "Vitamin A (ug)") would be
            // summed: the file is refused instead.
            if (found.FirstOrDefault(f => f.Item2 == column.Nutrient) is { Item2: not null } same)
            {
                throw new CsvDataException(csv.FileName, 1, csv.Header[i], $"holds {column.Nutrient} as column {same.Item1 + 1} does too; keep one");
            }

            found.Add((i, column.Nutrient, resolved, column.ZeroIsUnknown));
        }

        return found;
    }

    /// <summary>"B12 (Cobalamin) (µg)" is ("B12 (Cobalamin)", "ug"); "Calories" is ("Calories", null).</summary>
    internal static (string Name, string? Unit) SplitUnit(string header)
    {
        var trimmed = header.Trim();
        if (!trimmed.EndsWith(')'))
        {
            return (trimmed, null);
        }

        var open = trimmed.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0)
        {
            return (trimmed, null);
        }

        var unit = trimmed[(open + 2)..^1].Trim();
        var known = unit.Replace("µ", "u", StringComparison.Ordinal).Replace("μ", "u", StringComparison.Ordinal);
        return known.ToUpperInvariant() is "G" or "MG" or "UG" or "MCG" or "KCAL" or "IU" or "KJ"
            ? (trimmed[..open].Trim(), known == "mcg" ? "ug" : known)
            : (trimmed, null);
    }

    private static DateOnly Date(CsvReader csv, int index, FileDates dates, int key) =>
        !dates.TryRead(csv.GetSpan(index), csv.Line, key, out var date)
            ? throw csv.Error(index, $"'{csv.GetString(index)}' is not a date (expected YYYY-MM-DD, D.M.YYYY or a slashed date)")
            : Documents.InputLimits.PastDateProblem(date, csv.GetSpan(index).Contains('/')) is { } problem
            ? throw csv.Error(index, $"'{csv.GetString(index)}' {problem}: an export records days eaten (check the year)")
            : date;

    private static TimeOnly? Time(CsvReader csv, int index) =>
        index >= 0 && csv.GetOptionalString(index) is { } text
            && TimeOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    private static double? Grams(string? amount)
    {
        if (amount is null)
        {
            return null;
        }

        var parts = amount.Split(' ', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[1] == "g" && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var grams) ? grams : null;
    }

    private static DateOnly? OptionalDate(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
