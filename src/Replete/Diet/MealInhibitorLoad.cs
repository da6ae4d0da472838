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
    /// meal name), for the meals where at least one item reports either; meals without a name are left out.</summary>
    public static IReadOnlyList<MealInhibitorLoad> Of(IEnumerable<IntakeItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var meals = new Dictionary<string, Dictionary<DateOnly, List<IntakeItem>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items.Where(i => !i.IsSupplement && !i.IsDailyTotal && i.Meal.Trim().Length > 0))
        {
            var name = item.Meal.Trim().ToLowerInvariant();
            if (!meals.TryGetValue(name, out var days))
            {
                meals[name] = days = [];
            }

            if (!days.TryGetValue(item.Date, out var list))
            {
                days[item.Date] = list = [];
            }

            list.Add(item);
        }

        var loads = new List<MealInhibitorLoad>();
        foreach (var (meal, days) in meals.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var all = days.Values.SelectMany(d => d).ToList();
            if (!all.Any(i => i.Components.ContainsKey("phytate") || i.Components.ContainsKey("polyphenols")))
            {
                continue;
            }

            double? Mean(string component) => all.Any(i => i.Components.ContainsKey(component))
                ? all.Sum(i => i.Components.GetValueOrDefault(component)) / days.Count
                : null;
            var unreported = all.Where(i => !i.Components.ContainsKey("phytate") && !i.Components.ContainsKey("polyphenols"))
                .Select(i => i.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
            loads.Add(new MealInhibitorLoad(meal, days.Count, all.Sum(i => i.Nutrients.GetValueOrDefault("iron")) / days.Count,
                Mean("phytate"), all.All(i => i.Components.ContainsKey("phytate")),
                Mean("polyphenols"), all.All(i => i.Components.ContainsKey("polyphenols")),
                unreported, HallbergHulthen.Estimate(all, days.Count)));
        }

        return loads;
    }
}
