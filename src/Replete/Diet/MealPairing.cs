using System.Globalization;
using Replete.Data;
using Replete.Foods;

namespace Replete.Diet;

/// <summary>A meal-pairing rule from <c>data/meal_pairing.csv</c>, with its source and how sure its effect is.</summary>
/// <param name="Id">The rule's id: vitamin_c_with_iron_meal, tea_coffee_with_iron_meal, calcium_with_iron_meal,
/// calcium_supplement_with_iron, zinc_iron_supplements.</param>
/// <param name="Label">What it is about, in words.</param>
/// <param name="Threshold">The amount that makes it fire (mg vitamin C below which, mg calcium at or above which), or 0.</param>
/// <param name="Words">Words in an item's name that make it the trigger (tea, coffee, cocoa).</param>
/// <param name="Advice">What to do.</param>
/// <param name="Certainty">How sure the effect is over a whole diet.</param>
/// <param name="Source">The studies behind it.</param>
public sealed record PairingRule(string Id, string Label, double Threshold, IReadOnlyList<string> Words, string Advice, string Certainty, string Source);

/// <summary>A pairing rule that fired on the person's own meals or supplements.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Meal">The meal it fired on ("breakfast"), or "supplements".</param>
/// <param name="Days">On how many logged days it fired.</param>
/// <param name="OfDays">Of how many logged days with that meal.</param>
/// <param name="Detail">What was found, in words.</param>
public sealed record PairingAdvice(PairingRule Rule, string Meal, int Days, int OfDays, string Detail);

/// <summary>Fires the meal-pairing rules on a person's own meals: a meal is one day's food items with the same meal
/// name. Rules about iron fire on iron-rich meals only, those that give at least <see cref="IronRichShare"/> of the
/// day's iron.</summary>
public static class MealPairing
{
    /// <summary>A meal giving at least this share of the day's iron is iron-rich. Replete's choice.</summary>
    public const double IronRichShare = 0.25;

    /// <summary>The rules.</summary>
    public static IReadOnlyList<PairingRule> Rules { get; } = [.. ReferenceData.Read("meal_pairing.csv").Select(r => new PairingRule(
        r.Text("id"), r.Text("label"), r.Number("threshold"),
        r.Text("words").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        r.Text("advice"), r.Text("certainty"), r.Text("source")))];

    /// <summary>The id of the rule on tea, coffee and cocoa with an iron-rich meal (data/meal_pairing.csv).</summary>
    public const string PolyphenolDrinkRule = "tea_coffee_with_iron_meal";

    /// <summary>True when a food's name holds a word of the tea, coffee and cocoa rule (<see cref="PolyphenolDrinkRule"/>):
    /// a drink that, taken with a meal, cuts the absorption of non-heme iron (coffee -39 %, tea -64 % with a hamburger
    /// meal: Morck, Lynch &amp; Cook, AJCN 1983;37:416; polyphenol drinks -50 to -94 %: Hurrell, Reddy &amp; Cook, Br J Nutr
    /// 1999;81:289).</summary>
    /// <param name="name">A food's name as logged or as the database gives it.</param>
    public static bool InhibitsIronAbsorption(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rule = Rules.First(r => r.Id == PolyphenolDrinkRule);
        return FoodExclusions.WordsOf(name).Any(w => rule.Words.Contains(w));
    }

    /// <summary>The rules that fire on <paramref name="items"/> (food and supplement items as logged) and the daily
    /// <paramref name="supplements"/>: one piece of advice per rule and meal name, with the days it fired on.</summary>
    public static IReadOnlyList<PairingAdvice> Check(IEnumerable<IntakeItem> items, IReadOnlyList<Supplement> supplements)
    {
        ArgumentNullException.ThrowIfNull(items);
        var reading = new Reading();
        foreach (var item in items)
        {
            reading.Add(item);
        }

        return reading.Advice(supplements);
    }

    /// <summary>One reading of the items, keeping per day and meal only the sums the rules need (the log is not held
    /// whole), for a caller that reads the items once for several purposes: <see cref="Add"/> each item, then ask for
    /// the <see cref="Advice"/>.</summary>
    public sealed class Reading
    {
        private readonly Dictionary<DateOnly, (double[] Iron, Dictionary<string, Meal> Meals)> days = [];
        private readonly Dictionary<string, IReadOnlyDictionary<string, double>> logged = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Counts one food or supplement item in.</summary>
        public void Add(IntakeItem item)
        {
            ArgumentNullException.ThrowIfNull(item);
            if (item.IsSupplement)
            {
                logged.TryAdd(item.Name, item.Nutrients);
                return;
            }

            if (item.IsDailyTotal)
            {
                return;
            }

            if (!days.TryGetValue(item.Date, out var day))
            {
                days[item.Date] = day = ([0], []);
            }

            day.Iron[0] += item.Nutrients.GetValueOrDefault("iron");
            if (item.Meal.Trim() is { Length: > 0 } name)
            {
                var key = name.ToLowerInvariant();
                if (!day.Meals.TryGetValue(key, out var meal))
                {
                    day.Meals[key] = meal = new Meal();
                }

                meal.Add(item, Rules);
            }
        }

        /// <summary>The rules that fire on the items read so far and the daily <paramref name="supplements"/>.</summary>
        public IReadOnlyList<PairingAdvice> Advice(IReadOnlyList<Supplement> supplements)
        {
            ArgumentNullException.ThrowIfNull(supplements);
            return Fired(days, logged, supplements);
        }
    }

    private static IReadOnlyList<PairingAdvice> Fired(Dictionary<DateOnly, (double[] Iron, Dictionary<string, Meal> Meals)> days,
        Dictionary<string, IReadOnlyDictionary<string, double>> logged, IReadOnlyList<Supplement> supplements)
    {
        var advice = new List<PairingAdvice>();
        var fired = new Dictionary<(string Rule, string Meal), (int Days, int Of, string Detail)>();
        foreach (var (dayIron, meals) in days.Values)
        {
            foreach (var (mealKey, meal) in meals)
            {
                var ironRich = dayIron[0] > 0 && meal.Iron >= IronRichShare * dayIron[0];
                foreach (var rule in Rules)
                {
                    var key = (rule.Id, mealKey);
                    var (count, of, detail) = fired.GetValueOrDefault(key);
                    var why = ironRich ? Fires(rule, meal) : null;
                    fired[key] = (count + (why is null ? 0 : 1), of + 1, why ?? detail);
                }
            }
        }

        foreach (var ((ruleId, meal), (count, of, detail)) in fired.Where(f => f.Value.Days > 0))
        {
            advice.Add(new PairingAdvice(Rules.Single(r => r.Id == ruleId), meal, count, of, detail));
        }

        // Supplements: the daily ones and any logged as supplements, each taken once a day.
        var taken = supplements.Select(s => (s.Name, Nutrients: (IReadOnlyDictionary<string, double>)s.PerDose))
            .Concat(logged.Select(l => (Name: l.Key, Nutrients: l.Value)))
            .ToList();
        var ironSupplements = taken.Where(s => s.Nutrients.GetValueOrDefault("iron") > 0).ToList();
        foreach (var (ruleId, other) in new[] { ("calcium_supplement_with_iron", "calcium"), ("zinc_iron_supplements", "zinc") })
        {
            var partner = taken.FirstOrDefault(s => s.Nutrients.GetValueOrDefault(other) > 0 && ironSupplements.Any(i => !string.Equals(i.Name, s.Name, StringComparison.OrdinalIgnoreCase)));
            if (partner.Name is not null && Rules.FirstOrDefault(r => r.Id == ruleId) is { } rule)
            {
                var iron = ironSupplements.First(i => !string.Equals(i.Name, partner.Name, StringComparison.OrdinalIgnoreCase));
                advice.Add(new PairingAdvice(rule, "supplements", 1, 1, $"{partner.Name} and {iron.Name}"));
            }
        }

        return [.. advice.OrderByDescending(a => a.Days).ThenBy(a => a.Rule.Id, StringComparer.Ordinal)];
    }

    /// <summary>Why <paramref name="rule"/> fires on an iron-rich meal, or null when it does not.</summary>
    private static string? Fires(PairingRule rule, Meal meal)
    {
        var iron = meal.Iron;
        switch (rule.Id)
        {
            case "vitamin_c_with_iron_meal":
                // Unknown is not zero: a meal in which any item does not report vitamin C is not judged.
                if (!meal.AllReportVitaminC)
                {
                    return null;
                }

                return meal.VitaminC < rule.Threshold ? string.Create(CultureInfo.InvariantCulture, $"{iron:0.#} mg iron with {meal.VitaminC:0} mg vitamin C") : null;
            case "tea_coffee_with_iron_meal":
                return meal.Drinks.GetValueOrDefault(rule.Id) is not { } drink ? null : string.Create(CultureInfo.InvariantCulture, $"{drink} with {iron:0.#} mg iron");
            case "calcium_with_iron_meal":
                return meal.Calcium >= rule.Threshold ? string.Create(CultureInfo.InvariantCulture, $"{meal.Calcium:0} mg calcium with {iron:0.#} mg iron") : null;
            default:
                return null;
        }
    }

    /// <summary>One day's meal as the rules see it: its iron, vitamin C (and whether every item reports it), calcium, and
    /// per rule with trigger words the first item named by them.</summary>
    private sealed class Meal
    {
        public double Iron { get; private set; }

        public double VitaminC { get; private set; }

        public bool AllReportVitaminC { get; private set; } = true;

        public double Calcium { get; private set; }

        public Dictionary<string, string> Drinks { get; } = new(StringComparer.Ordinal);

        public void Add(IntakeItem item, IReadOnlyList<PairingRule> rules)
        {
            Iron += item.Nutrients.GetValueOrDefault("iron");
            VitaminC += item.Nutrients.GetValueOrDefault("vitamin_c");
            AllReportVitaminC &= item.Nutrients.ContainsKey("vitamin_c");
            Calcium += item.Nutrients.GetValueOrDefault("calcium");
            foreach (var rule in rules.Where(r => r.Words.Count > 0 && !Drinks.ContainsKey(r.Id)))
            {
                if (FoodExclusions.WordsOf(item.Name).Any(w => rule.Words.Contains(w)))
                {
                    Drinks[rule.Id] = item.Name;
                }
            }
        }
    }
}
