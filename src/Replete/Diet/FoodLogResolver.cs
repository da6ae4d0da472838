using Replete.Data;
using Replete.Foods;
using Replete.Nutrients;

namespace Replete.Diet;

/// <summary>A logged food matched to the database and weighed.</summary>
/// <param name="Entry">The log line.</param>
/// <param name="Match">The food chosen, or null when nothing matched.</param>
/// <param name="Alternatives">The next best matches, for the person to pick from.</param>
/// <param name="Grams">The weight eaten, or null when the amount could not be resolved.</param>
/// <param name="Problem">Why the entry is not counted, in words; null when it is.</param>
/// <param name="Item">What the entry supplied; null when it is not counted.</param>
public sealed record ResolvedFood(FoodLogEntry Entry, FoodMatch? Match, IReadOnlyList<FoodMatch> Alternatives, double? Grams, string? Problem, IntakeItem? Item)
{
    /// <summary>How many log lines gave this food and amount (an import reports each once, with its lines).</summary>
    public int Lines { get; init; } = 1;

    /// <summary>The first of those lines, "file:line" (at most <see cref="DietImport.OriginsShown"/>).</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];

    /// <summary>True when the match is uncertain enough that the person should confirm it
    /// (<see cref="FoodLogResolver.Uncertain"/>).</summary>
    public bool NeedsConfirmation => Match is not null && FoodLogResolver.Uncertain(Match);

    /// <summary>The matched food (with its food group), when it was counted; null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Foods.Food? Food { get; init; }
}

/// <summary>Matches food-log lines to foods through the search, and turns amounts into grams through the food's
/// household portions. An amount that cannot be resolved is reported, never guessed.</summary>
public sealed class FoodLogResolver(FoodSearchIndex index, Func<int, FoodComposition?> find, IReadOnlyDictionary<int, FoodNutrient> units)
{
    /// <summary>Matches below this confidence are listed for the person to confirm.</summary>
    public const double ConfirmBelow = 0.8;

    /// <summary>True when <paramref name="match"/> must be confirmed before it is trusted: its confidence is below
    /// <see cref="ConfirmBelow"/>, or another food matched the words as well (<see cref="FoodMatch.Tied"/>: "cheese",
    /// "rice").</summary>
    public static bool Uncertain(FoodMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Confidence < ConfirmBelow || match.Tied;
    }

    /// <summary>A first match below this confidence is not counted: the line is listed as not counted ("no food
    /// matches"), never added to the intake, as an amount is never guessed. Replete's choice, calibrated on the tune rows
    /// of the search relevance set (tests/Replete.IntegrationTests/Foods/search_relevance.csv, <c>Replete.Benchmarks
    /// relevance</c>): the lowest confidence of a right first food on its 201 tune rows is 0.39 (the next 0.51), so 0.35
    /// drops none of them, while a name that shares one stray word with a food ("my grandma special": Special K granola,
    /// 0.32) is not counted. Matches from the floor up to <see cref="ConfirmBelow"/> are still counted and listed to
    /// confirm.</summary>
    public const double CountFloor = 0.35;

    /// <summary>True when <paramref name="match"/> is the first food found for <paramref name="text"/> yet no food the
    /// person named: the text has no food word (<see cref="FoodSearchIndex.HasFoodWord"/>: "x", "the") or the match is
    /// below <see cref="CountFloor"/>.</summary>
    public static bool NotAFood(string text, FoodMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Confidence < CountFloor || !FoodSearchIndex.HasFoodWord(text);
    }

    private readonly Dictionary<string, IReadOnlyList<FoodMatch>> searches = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The table the person prefers (a profile's <c>food_table</c>): where foods of two tables match a logged
    /// food equally well (the same confidence), the preferred table's comes first. <see cref="FoodSource.Sr28"/> stands
    /// for every USDA table. The search's own ranking is unchanged; null leaves its order as it is.</summary>
    public FoodSource? PreferredTable { get; init; }
    private readonly Dictionary<int, FoodComposition?> foods = [];

    /// <summary>Resolves <paramref name="entry"/>; <paramref name="chosen"/> overrides the search (an interactive pick).</summary>
    /// <remarks>A log repeats the same foods day after day: each text is searched once and each food read once.</remarks>
    public ResolvedFood Resolve(FoodLogEntry entry, int? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        FoodMatch match;
        IReadOnlyList<FoodMatch> alternatives = [];
        if ((chosen ?? entry.FoodId) is { } id)
        {
            if (Food(id) is not { } named)
            {
                return new ResolvedFood(entry, null, [], null, $"no food with id {id}", null);
            }

            match = new FoodMatch(id, named.Food.Description, 0, 1) { Brand = named.Food.Brand };
        }
        else
        {
            if (!searches.TryGetValue(entry.Food, out var found))
            {
                // Each distinct name is searched and judged once: a name that is no food keeps no match.
                found = Prefer(index.Search(entry.Food, 4));
                searches[entry.Food] = found = found.Count > 0 && NotAFood(entry.Food, found[0]) ? [] : found;
            }

            if (found.Count == 0)
            {
                return new ResolvedFood(entry, null, [], null, $"no food matches '{entry.Food}'", null);
            }

            match = found[0];
            alternatives = [.. found.Skip(1)];
        }

        var composition = Food(match.FoodId)!;
        var (grams, problem) = Weigh(entry.Amount, composition);
        return grams is null
            ? new ResolvedFood(entry, match, alternatives, null, problem, null)
            : new ResolvedFood(entry, match, alternatives, grams, null, Supplied(entry, composition, grams.Value)) { Food = composition.Food };
    }

    /// <summary><paramref name="found"/> with the first of the best-matching foods from the preferred table moved to the
    /// front, when one is there.</summary>
    private IReadOnlyList<FoodMatch> Prefer(IReadOnlyList<FoodMatch> found)
    {
        if (PreferredTable is not { } preferred || found.Count < 2)
        {
            return found;
        }

        var tied = found.TakeWhile(m => m.Confidence >= found[0].Confidence).ToList();
        var pick = tied.FirstOrDefault(m => Food(m.FoodId)?.Food.Source is { } source && (source == FoodSource.Ifct2017) == (preferred == FoodSource.Ifct2017));
        return pick is null || pick == found[0] ? found : [pick, .. found.Where(m => m != pick)];
    }

    /// <summary>Grams in <paramref name="amount"/> of <paramref name="food"/>, or why they cannot be known.</summary>
    public static (double? Grams, string? Problem) Weigh(HouseholdAmount amount, FoodComposition food)
    {
        ArgumentNullException.ThrowIfNull(food);
        if (amount.GramsPerUnit is { } perUnit)
        {
            return (amount.Quantity * perUnit, null);
        }

        // The portion as the food lists it, written out ("1 cup, sliced", "2 cups sliced"): the message below offers the
        // portions in that form, so each must be taken back (a new user was told to use "1 cup, sliced" and refused).
        var key = MeasureKey(amount.Unit);
        if (food.Portions.FirstOrDefault(p => MeasureKey(p.Measure) == key) is { } listed)
        {
            return (amount.Quantity * listed.GramsPerUnit, null);
        }

        if (food.Portions.Count == 0 && food.Food.Source == FoodSource.Ifct2017)
        {
            // IFCT 2017 gives values per 100 g edible portion and no household measures; Replete has no sourced table of
            // Indian standard portions (katori, roti, teaspoon of ghee), so it does not guess one.
            return (null, $"'{food.Food.Label}' is from IFCT 2017, which gives values per 100 g edible portion and no household measures, and Replete has no sourced table of Indian standard portions: log it in grams");
        }

        if (amount.MillilitresPerUnit is { } millilitres)
        {
            var volume = food.Portions.FirstOrDefault(p => HouseholdAmount.MillilitresOf(p.Measure) is not null);
            return volume is null
                ? (null, $"'{food.Food.Description}' has no volume measure to convert {amount} to grams; log it in grams")
                : (amount.Quantity * millilitres * volume.GramsPerUnit / HouseholdAmount.MillilitresOf(volume.Measure)!.Value, null);
        }

        var portion = food.Portions.FirstOrDefault(p => Words(p.Measure).Contains(amount.Unit));
        if (portion is not null)
        {
            return (amount.Quantity * portion.GramsPerUnit, null);
        }

        var known = food.Portions.Count == 0 ? "none" : string.Join("; ", food.Portions.Select(p => p.ToString()));
        if (amount.Unit == "serving")
        {
            // A bare number ("118") counts servings; a food with no serving size cannot be weighed that way.
            return (null, $"{amount} cannot be weighed: '{food.Food.Description}' has no serving size (a number with no unit counts servings); write grams, such as \"{HouseholdAmount.Number(amount.Quantity)} g\", or one of its portions ({known})");
        }

        return (null, $"'{food.Food.Description}' has no '{amount.Unit}' portion (its portions: {known}); log it in grams or one of those");
    }

    private FoodComposition? Food(int id)
    {
        if (!foods.TryGetValue(id, out var food))
        {
            foods[id] = food = find(id);
        }

        return food;
    }

    private IntakeItem Supplied(FoodLogEntry entry, FoodComposition food, double grams)
    {
        var (nutrients, estimated) = NutrientsIn(food, grams, units);
        var folicAcid = FolicAcidIn(food, grams, units);
        return new IntakeItem(entry.Date, entry.Time, entry.Meal, food.Food.Label, nutrients, entry.Origin)
        {
            Grams = grams,
            Estimated = estimated,
            Components = ComponentsIn(food, grams) is { Count: > 0 } components ? components : IntakeItem.NoComponents,
            FolicAcid = folicAcid,
            FolicAcidAtMost = folicAcid is null ? FolicAcidBound(food, grams, units, nutrients) : null,
        };
    }

    /// <summary>The synthetic folic acid (ug) that <paramref name="grams"/> g of <paramref name="food"/> gives: its
    /// folic acid per 100 g (<see cref="FolateForms.FolicAcidFdcNutrientId"/>) where the source reports it; none for an
    /// IFCT 2017 food, which the table analysed unfortified (data/ifct2017_columns.csv: "no folic acid in unfortified
    /// foods"); null (unknown, not zero) otherwise.</summary>
    public static double? FolicAcidIn(FoodComposition food, double grams, IReadOnlyDictionary<int, FoodNutrient> units)
    {
        ArgumentNullException.ThrowIfNull(food);
        ArgumentNullException.ThrowIfNull(units);
        if (food.Food.Source == FoodSource.Ifct2017)
        {
            return 0;
        }

        return Micrograms(food, FolateForms.FolicAcidFdcNutrientId, grams, units);
    }

    /// <summary>The most folic acid a food whose folic acid is not reported can give: its total folate where reported
    /// (food folate plus folic acid), else its folate DFE / 1.7 (IOM 1998 ch.8), else null.</summary>
    private static double? FolicAcidBound(FoodComposition food, double grams, IReadOnlyDictionary<int, FoodNutrient> units, Dictionary<string, double> nutrients) =>
        Micrograms(food, FolateForms.TotalFolateFdcNutrientId, grams, units)
        ?? (nutrients.TryGetValue("folate", out var dfe) ? dfe / FolateForms.DfePerUg(FolateForm.FolicAcid) : null);

    private static double? Micrograms(FoodComposition food, int id, double grams, IReadOnlyDictionary<int, FoodNutrient> units) =>
        food.AmountPer100Grams(id) is { } per100 && units.TryGetValue(id, out var unit) && unit.Unit.Equals("ug", StringComparison.OrdinalIgnoreCase)
            ? per100 * grams / 100
            : null;

    /// <summary>The <see cref="FoodComponent"/>s (mg) that <paramref name="grams"/> g of <paramref name="food"/> carries,
    /// by name; only those its source reports.</summary>
    public static Dictionary<string, double> ComponentsIn(FoodComposition food, double grams)
    {
        ArgumentNullException.ThrowIfNull(food);
        var components = new Dictionary<string, double>();
        foreach (var (name, id) in FoodComponent.All)
        {
            if (food.AmountPer100Grams(id) is { } per100)
            {
                components[name] = per100 * grams / 100;
            }
        }

        return components;
    }

    /// <summary>What <paramref name="grams"/> g of <paramref name="food"/> supplies, by catalog nutrient id in catalog
    /// units, and which amounts are estimates. A nutrient the food does not report is absent (unknown, not zero).</summary>
    /// <param name="food">The food.</param>
    /// <param name="grams">Grams eaten.</param>
    /// <param name="units">The database's nutrients with their units, by FoodData Central id.</param>
    public static (Dictionary<string, double> Nutrients, HashSet<string> Estimated) NutrientsIn(FoodComposition food, double grams, IReadOnlyDictionary<int, FoodNutrient> units)
    {
        ArgumentNullException.ThrowIfNull(food);
        ArgumentNullException.ThrowIfNull(units);
        var nutrients = new Dictionary<string, double>();
        var estimated = new HashSet<string>();
        foreach (var nutrient in NutrientCatalog.Default.All)
        {
            // The catalog's own id first, then the other ids that carry the nutrient (data/fdc_alternates.csv): a
            // Foundation food with energy only by Atwater factors, a Branded food with vitamin D only in IU.
            foreach (var (id, readAs, estimate) in Alternates[nutrient.Id])
            {
                if (food.AmountPer100Grams(id) is not { } per100 || !units.TryGetValue(id, out var source)
                    || NutrientCatalog.Default.Convert(nutrient, per100 * grams / 100, readAs ?? source.Unit) is not { } converted)
                {
                    continue;
                }

                nutrients[nutrient.Id] = converted.Value;
                if (converted.IsEstimate || estimate)
                {
                    estimated.Add(nutrient.Id);
                }

                break;
            }
        }

        return (nutrients, estimated);
    }

    /// <summary>The words naming the measure: its first comma segment outside parentheses ("medium" in
    /// "medium (7" to 7-7/8" long)", "serving" in "NLEA serving", but not "pieces" in "cup, pieces").</summary>
    /// <summary>A measure's words before any parenthesis, each as <see cref="HouseholdAmount.Normalise"/> reads a unit,
    /// joined by one space: "cups, sliced" and "cup sliced" are both "cup sliced".</summary>
    private static string MeasureKey(string measure) =>
        string.Join(' ', measure.Split('(')[0].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(HouseholdAmount.Normalise));

    private static IEnumerable<string> Words(string measure) =>
        measure.Split(',')[0].Split('(')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(HouseholdAmount.Normalise);

    /// <summary>For each catalog nutrient, the FoodData Central ids that carry it, its own first.</summary>
    private static readonly Dictionary<string, List<(int Id, string? ReadAs, bool Estimate)>> Alternates = BuildAlternates();

    private static Dictionary<string, List<(int Id, string? ReadAs, bool Estimate)>> BuildAlternates()
    {
        var map = NutrientCatalog.Default.All.ToDictionary(n => n.Id, n => new List<(int Id, string? ReadAs, bool Estimate)> { (n.FdcNutrientId, null, false) });
        foreach (var row in ReferenceData.Read("fdc_alternates.csv"))
        {
            var readAs = row.Text("read_as");
            map[row.Text("nutrient")].Add(((int)row.Number("fdc_nutrient_id"), readAs.Length == 0 ? null : readAs, row.Text("estimate") == "true"));
        }

        return map;
    }
}
