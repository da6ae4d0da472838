using System.Globalization;
using Replete.Foods;

namespace Replete.Diet;

/// <summary>One meal's load of the absorption inhibitors that food tables report (phytate and polyphenols, from IFCT
/// 2017), as a mean over the days it was eaten, with how much of it is known.</summary>
/// <param name="Meal">The meal name ("lunch").</param>
/// <param name="Days">On how many logged days the meal was eaten.</param>
/// <param name="IronMg">Mean iron in the meal, mg.</param>
/// <param name="PhytateMg">Mean phytate (mg) from the items that report it; null when none does.</param>
/// <param name="PhytateComplete">True when every food item of the meal, on every day, reports phytate; else
/// <paramref name="PhytateMg"/> is a lower bound.</param>
/// <param name="PolyphenolsMg">Mean total polyphenols (mg) from the items that report them; null when none does.</param>
/// <param name="PolyphenolsComplete">True when every food item reports polyphenols.</param>
/// <param name="Unreported">The meal's foods that report neither, by name: why a load is a lower bound.</param>
/// <param name="IronAbsorption">The Hallberg &amp; Hulthen estimate of the meal's iron absorption, or why it is not
/// made.</param>
public sealed record MealInhibitorLoad(string Meal, int Days, double IronMg, double? PhytateMg, bool PhytateComplete, double? PolyphenolsMg, bool PolyphenolsComplete,
    IReadOnlyList<string> Unreported, IronAbsorptionEstimate IronAbsorption)
{
    /// <summary>Source of the values and of why they matter.</summary>
    public const string Source =
        "Phytate and polyphenols per food: IFCT 2017 (Longvah et al., ICMR-NIN 2017, Tables 10-11); effect on iron: Hallberg, Brune & Rossander, AJCN 1989;49:140 " +
        "(2 / 25 / 250 mg phytate-phosphorus cut non-heme iron absorption 18 / 64 / 82 %); Hurrell, Reddy & Cook, Br J Nutr 1999;81:289 (polyphenol drinks)";

    /// <summary>The meal's load in words: "phytate 420 mg (every food reports it), polyphenols at least 35 mg".</summary>
    public string Describe()
    {
        static string Part(string what, double? mg, bool complete) => mg is null
            ? $"{what} unknown"
            : complete ? string.Create(CultureInfo.InvariantCulture, $"{what} {mg:0} mg") : string.Create(CultureInfo.InvariantCulture, $"{what} at least {mg:0} mg");
        return $"{Part("phytate", PhytateMg, PhytateComplete)}, {Part("polyphenols", PolyphenolsMg, PolyphenolsComplete)} with {IronMg.ToString("0.#", CultureInfo.InvariantCulture)} mg iron";
    }

    /// <summary>The phytate and polyphenol load of each of the person's meals (a meal is one day's food items with the same
    /// meal name), for the meals where at least one item reports either; meals without a name are left out. The items
    /// are read once and only per-meal sums are kept, so a long log is never held whole.</summary>
    public static IReadOnlyList<MealInhibitorLoad> Of(IEnumerable<IntakeItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var reading = new Reading();
        foreach (var item in items)
        {
            reading.Add(item);
        }

        return reading.Loads();
    }

    /// <summary>Builds the meals' loads from items shown to it one by one (as the usual diet's single reading of a log
    /// does), keeping only per-meal sums.</summary>
    public sealed class Reading
    {
        private readonly Dictionary<string, Sums> meals = new(StringComparer.Ordinal);

        /// <summary>Counts one logged item in; supplements, daily totals and items without a meal name are left out.</summary>
        public void Add(IntakeItem item)
        {
            ArgumentNullException.ThrowIfNull(item);
            if (item.IsSupplement || item.IsDailyTotal || item.Meal.Trim().Length == 0)
            {
                return;
            }

            var name = item.Meal.Trim().ToLowerInvariant();
            if (!meals.TryGetValue(name, out var sums))
            {
                meals[name] = sums = new Sums();
            }

            sums.Add(item);
        }

        /// <summary>The load of each meal where at least one item reports phytate or polyphenols, by meal name.</summary>
        public IReadOnlyList<MealInhibitorLoad> Loads() =>
            [.. meals.Where(m => m.Value.AnyReported).OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value.Load(m.Key))];
    }

    /// <summary>One meal's running sums.</summary>
    private sealed class Sums
    {
        private const int MostNamed = 20;

        private readonly HashSet<DateOnly> days = [];
        private readonly HallbergHulthen.Inputs absorption = new();
        private readonly SortedSet<string> unreported = new(StringComparer.OrdinalIgnoreCase);
        private double iron;
        private double phytate;
        private double polyphenols;
        private bool anyPhytate;
        private bool anyPolyphenols;
        private bool allPhytate = true;
        private bool allPolyphenols = true;

        public bool AnyReported => anyPhytate || anyPolyphenols;

        public void Add(IntakeItem item)
        {
            days.Add(item.Date);
            iron += item.Nutrients.GetValueOrDefault("iron");
            var hasPhytate = item.Components.TryGetValue("phytate", out var p);
            var hasPolyphenols = item.Components.TryGetValue("polyphenols", out var q);
            phytate += p;
            polyphenols += q;
            anyPhytate |= hasPhytate;
            anyPolyphenols |= hasPolyphenols;
            allPhytate &= hasPhytate;
            allPolyphenols &= hasPolyphenols;
            if (!hasPhytate && !hasPolyphenols && unreported.Count < MostNamed)
            {
                unreported.Add(item.Name);
            }

            absorption.Add(item);
        }

        public MealInhibitorLoad Load(string meal) => new(meal, days.Count, iron / days.Count,
            anyPhytate ? phytate / days.Count : null, allPhytate, anyPolyphenols ? polyphenols / days.Count : null, allPolyphenols,
            [.. unreported], absorption.Estimate(days.Count));
    }
}
