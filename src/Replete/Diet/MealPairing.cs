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

    /// <summary>The rules that fire on <paramref name="items"/> (food and supplement items as logged) and the daily
    /// <paramref name="supplements"/>: one piece of advice per rule and meal name, with the days it fired on.</summary>
    public static IReadOnlyList<PairingAdvice> Check(IEnumerable<IntakeItem> items, IReadOnlyList<Supplement> supplements)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(supplements);
        var list = items.ToList();
        var advice = new List<PairingAdvice>();
        var foods = list.Where(i => !i.IsSupplement && !i.IsDailyTotal).ToList();
        var fired = new Dictionary<(string Rule, string Meal), (int Days, int Of, string Detail)>();
        foreach (var day in foods.GroupBy(i => i.Date))
        {
            var dayIron = day.Sum(i => i.Nutrients.GetValueOrDefault("iron"));
            foreach (var meal in day.Where(i => i.Meal.Trim().Length > 0).GroupBy(i => i.Meal.Trim().ToLowerInvariant()))
            {
                var mealIron = meal.Sum(i => i.Nutrients.GetValueOrDefault("iron"));
                var ironRich = dayIron > 0 && mealIron >= IronRichShare * dayIron;
                foreach (var rule in Rules)
                {
                    var key = (rule.Id, meal.Key);
                    var (days, of, detail) = fired.GetValueOrDefault(key);
                    var why = ironRich ? Fires(rule, meal.ToList(), mealIron) : null;
                    fired[key] = (days + (why is null ? 0 : 1), of + 1, why ?? detail);
                }
            }
        }

        foreach (var ((ruleId, meal), (days, of, detail)) in fired.Where(f => f.Value.Days > 0))
        {
            advice.Add(new PairingAdvice(Rules.Single(r => r.Id == ruleId), meal, days, of, detail));
        }

        // Supplements: the daily ones and any logged as supplements, each taken once a day.
        var taken = supplements.Select(s => (s.Name, Nutrients: (IReadOnlyDictionary<string, double>)s.PerDose))
            .Concat(list.Where(i => i.IsSupplement).GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).Select(g => (Name: g.Key, g.First().Nutrients)))
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
    private static string? Fires(PairingRule rule, List<IntakeItem> meal, double iron)
    {
        switch (rule.Id)
        {
            case "vitamin_c_with_iron_meal":
                // Unknown is not zero: a meal in which any item does not report vitamin C is not judged.
                if (!meal.All(i => i.Nutrients.ContainsKey("vitamin_c")))
                {
                    return null;
                }

                var vitaminC = meal.Sum(i => i.Nutrients.GetValueOrDefault("vitamin_c"));
                return vitaminC < rule.Threshold ? string.Create(CultureInfo.InvariantCulture, $"{iron:0.#} mg iron with {vitaminC:0} mg vitamin C") : null;
            case "tea_coffee_with_iron_meal":
                var drink = meal.FirstOrDefault(i => FoodExclusions.WordsOf(i.Name).Any(w => rule.Words.Contains(w)));
                return drink is null ? null : string.Create(CultureInfo.InvariantCulture, $"{drink.Name} with {iron:0.#} mg iron");
            case "calcium_with_iron_meal":
                var calcium = meal.Sum(i => i.Nutrients.GetValueOrDefault("calcium"));
                return calcium >= rule.Threshold ? string.Create(CultureInfo.InvariantCulture, $"{calcium:0} mg calcium with {iron:0.#} mg iron") : null;
            default:
                return null;
        }
    }
}
