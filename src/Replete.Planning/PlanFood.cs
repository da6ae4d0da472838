using System.Globalization;
using Replete.Diet;
using Replete.Foods;
using Replete.References;

namespace Replete.Planning;

/// <summary>Where a food in a plan comes from.</summary>
public enum PlanFoodOrigin
{
    /// <summary>A food the person already eats (from their log).</summary>
    Own,

    /// <summary>A food from the food database that fits their diet pattern and what they avoid.</summary>
    New,
}

/// <summary>A food a plan may change (an own food) or add (a new food).</summary>
/// <param name="Name">The food as logged, or the database description.</param>
/// <param name="Origin">Own or new.</param>
/// <param name="PerGram">What one gram supplies, by catalog nutrient id in catalog units, and its folic acid from
/// fortification in ug under <see cref="FolateForms.FolicAcidKey"/> where known. A nutrient whose value is unknown is
/// absent: the plan never counts on it for that nutrient.</param>
/// <param name="UsualGrams">Grams a day in the usual diet (0 for a new food).</param>
/// <param name="PortionGrams">One usual portion in grams: the person's median logged amount, or the database's first
/// household portion between <see cref="PlanFoods.SmallestPortionGrams"/> and <see cref="PlanFoods.LargestPortionGrams"/>.</param>
/// <param name="Portion">The portion in words: "1 cup (198 g)".</param>
public sealed record PlanFood(string Name, PlanFoodOrigin Origin, IReadOnlyDictionary<string, double> PerGram, double UsualGrams, double PortionGrams, string Portion)
{
    /// <summary>The database id, for a new food.</summary>
    public int? FoodId { get; init; }

    /// <summary>The SR food group, for a new food.</summary>
    public string? Group { get; init; }

    /// <summary>The most a plan puts in a day: two usual portions, or the usual amount where that is more. Two
    /// servings a day is the default limit of diet optimisers (NutriOptimizer FAQ; Optifood uses min/max servings a
    /// week, Skau et al., AJCN 2014;99:130).</summary>
    public double MaximumGrams => HeldAtUsual ? UsualGrams : Math.Max(UsualGrams, PlanFoods.MaximumPortionsPerDay * PortionGrams);

    /// <summary>True for an own food the plan may lower but never raises or suggests: one the person's diet pattern rules
    /// out (salmon in a vegan's log), or tea, coffee or cocoa while iron is below its goal
    /// (<see cref="MealPairing.InhibitsIronAbsorption"/>).</summary>
    public bool HeldAtUsual { get; init; }

    /// <summary>For a new food, the least a plan adds where it adds the food at all, in grams:
    /// <see cref="PlanFoods.SmallestPortionGrams"/> (the least Replete counts as a serving), or the food's usual portion
    /// where that is less. A plan never says "add 1 g of sunflower seeds": no one measures it (h101). 0 for an own food,
    /// which changes by any amount.</summary>
    public double MinimumGrams { get; init; }
}

/// <summary>Builds the foods a plan works with: the person's own, from their log, and new ones from the database.</summary>
public static class PlanFoods
{
    /// <summary>At most this many usual portions of one food a day (see <see cref="PlanFood.MaximumGrams"/>).</summary>
    public const double MaximumPortionsPerDay = 2;

    /// <summary>Household portions below this many grams (a tablespoon of lentils) are not a serving. Replete's choice.</summary>
    public const double SmallestPortionGrams = 15;

    /// <summary>Household portions above this many grams (a whole melon, a bunch of spinach) are not a serving.
    /// Replete's choice.</summary>
    public const double LargestPortionGrams = 300;

    /// <summary>The share of a food's logged grams that must report a nutrient for its per-gram value to be known.
    /// The same 80 % as the diet analysis's coverage (<see cref="DietAnalyzer.LowCoverage"/>).</summary>
    public const double KnownShare = DietAnalyzer.LowCoverage;

    /// <summary>The SR food groups new foods come from: everyday whole foods. Mixed dishes, fast food, sweets, baby
    /// foods, spices and fats are left out: a plan suggests a food, not a product. Replete's choice, in SR28 group names
    /// (USDA ARS 2015, FD_GROUP).</summary>
    public static IReadOnlyList<string> CandidateGroups { get; } =
    [
        "Dairy and Egg Products", "Poultry Products", "Fruits and Fruit Juices", "Pork Products", "Vegetables and Vegetable Products",
        "Nut and Seed Products", "Beef Products", "Finfish and Shellfish Products", "Legumes and Legume Products", "Cereal Grains and Pasta",
    ];

    /// <summary>Groups whose foods are eaten cooked: their raw forms (dry lentils, raw meat, raw rice) are not offered.</summary>
    private static IReadOnlySet<string> EatenCooked => FoodGroups.EatenCooked;

    /// <summary>Description words that keep a food out of the new-food pool. Salted, fortified, enriched, canned,
    /// frozen, sweetened and prepared forms vary by product and country (a plan suggests the plain food); organ meats
    /// other than liver and heart are rarely eaten; spirulina and seaweeds carry vitamin B12 analogues that
    /// are not active in people (IOM 1998, ch. 9) and iodine that varies a hundredfold. Replete's choice.</summary>
    private static readonly HashSet<string> NotOffered =
    [
        "fortified", "enriched", "babyfood", "spirulina", "seaweed", "kelp", "dehydrated", "powder", "imitation", "frozen", "canned", "sweetened",
        "prepared", "glands", "brain", "brains", "spleen", "lungs", "juice", "commodity", "crude", "mix", "substitute", "evaporated", "condensed",
        "supplement", "nutritional", "formula", "ready", "shake", "liquid", "flour", "starch", "bran", "germ", "peel", "yolk", "barbecue", "eggnog", "human", "ice", "shake", "shakes", "whipped",
        "dulce", "salted", "breaded", "battered", "fried", "sandwich", "sandwiches", "topping", "pudding", "dessert",
    ];

    /// <summary>Foods never offered raw, whatever their group: cyanogenic glycosides in cassava, lima beans, bamboo shoots
    /// and elderberries; lectins (phytohaemagglutinin) in raw kidney beans and their sprouts; toxins in raw morels and
    /// pokeweed; solanine and resistant starch in raw potato; oxalate raphides in raw taro. Replete's choice, grade
    /// unverified (FDA Bad Bug Book, 2nd ed. 2012, phytohaemagglutinin; FSANZ 2004 Technical Report 28, cyanogenic
    /// glycosides): leaving a food out is the safe direction.</summary>
    private static readonly HashSet<string> NeverRaw =
        ["cassava", "lima", "elderberries", "elderberry", "bamboo", "kidney", "morel", "morels", "pokeberry", "poke", "potato", "potatoes", "taro", "fava", "soybeans", "yam", "yams", "rhubarb", "mushroom", "mushrooms", "sprouted"];

    /// <summary>Words that say a food is cooked: foods of the groups eaten cooked are offered only in a cooked form.</summary>
    private static readonly HashSet<string> Cooked = ["cooked", "boiled", "baked", "roasted", "grilled", "broiled", "braised", "steamed", "stewed", "simmered", "poached", "microwaved"];

    /// <summary>Groups whose dried forms are products (dried milk, egg powder) rather than foods.</summary>
    private static readonly HashSet<string> NoDriedForms = new(StringComparer.Ordinal) { "Dairy and Egg Products" };

    /// <summary>The person's own foods from <paramref name="items"/>: every food item with a known weight, grouped by
    /// name, with its usual grams a day over <paramref name="days"/> logged days and its median logged portion.</summary>
    /// <remarks>Items without a weight (a daily total, a line without grams) stay in the diet as they are, but a plan
    /// cannot scale them.</remarks>
    public static IReadOnlyList<PlanFood> Own(IEnumerable<IntakeItem> items, int days)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (days <= 0)
        {
            return [];
        }

        var reading = new OwnReading();
        foreach (var item in items)
        {
            reading.Add(item);
        }

        return reading.Foods(days);
    }

    /// <summary>The person's own foods summed as the items come, for one reading shared with other uses
    /// (<see cref="UsualDiet"/>): memory grows with the foods and their distinct portions, not with the entries.</summary>
    internal sealed class OwnReading
    {
        private readonly Dictionary<string, OwnFood> byName = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Counts an item in: a food with a known weight (not a supplement or a daily total).</summary>
        public void Add(IntakeItem item)
        {
            if (item.IsSupplement || item.IsDailyTotal || !(item.Grams > 0))
            {
                return;
            }

            if (!byName.TryGetValue(item.Name, out var own))
            {
                byName[item.Name] = own = new OwnFood(item.Name);
            }

            var grams = item.Grams!.Value;
            own.Grams += grams;
            own.Portions[grams] = own.Portions.GetValueOrDefault(grams) + 1;
            own.Count++;
            foreach (var (nutrient, amount) in item.Nutrients)
            {
                var (sum, reportingGrams) = own.Nutrients.GetValueOrDefault(nutrient);
                own.Nutrients[nutrient] = (sum + amount, reportingGrams + grams);
            }

            // Folic acid from fortification, where the item gives it, beside the nutrients (FolateForms.FolicAcidKey).
            if (item.FolicAcid is { } folicAcid)
            {
                var (sum, reportingGrams) = own.Nutrients.GetValueOrDefault(FolateForms.FolicAcidKey);
                own.Nutrients[FolateForms.FolicAcidKey] = (sum + folicAcid, reportingGrams + grams);
            }
        }

        /// <summary>The foods, with their usual grams a day over <paramref name="days"/> logged days (none for no day).</summary>
        public IReadOnlyList<PlanFood> Foods(int days)
        {
            if (days <= 0)
            {
                return [];
            }

            var foods = new List<PlanFood>();
            foreach (var own in byName.Values)
            {
                var perGram = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (nutrient, (sum, reportingGrams)) in own.Nutrients)
                {
                    if (reportingGrams >= KnownShare * own.Grams)
                    {
                        perGram[nutrient] = sum / reportingGrams;
                    }
                }

                var median = own.Count % 2 == 1 ? own.Portion(own.Count / 2) : (own.Portion((own.Count / 2) - 1) + own.Portion(own.Count / 2)) / 2;
                foods.Add(new PlanFood(own.Name, PlanFoodOrigin.Own, perGram, own.Grams / days, median,
                    string.Create(CultureInfo.InvariantCulture, $"{median:0} g (your usual portion)")));
            }

            return foods;
        }
    }

    /// <summary>A food of the person's own, summed over its entries: grams, how often each portion was logged, and per
    /// nutrient the amount and the grams of the entries that report it.</summary>
    private sealed class OwnFood(string name)
    {
        public string Name { get; } = name;

        public double Grams { get; set; }

        public int Count { get; set; }

        public Dictionary<double, int> Portions { get; } = [];

        public Dictionary<string, (double Sum, double Grams)> Nutrients { get; } = new(StringComparer.Ordinal);

        /// <summary>The portion at <paramref name="index"/> when every logged portion is sorted.</summary>
        public double Portion(int index)
        {
            foreach (var (grams, count) in Portions.OrderBy(p => p.Key))
            {
                if (index < count)
                {
                    return grams;
                }

                index -= count;
            }

            throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    /// <summary>The new foods a plan may suggest from <paramref name="foods"/>: in <see cref="CandidateGroups"/>, in
    /// their plain everyday form, allowed by <paramref name="pattern"/> and <paramref name="avoid"/>, not already among
    /// <paramref name="own"/>, one per name and form ("Spinach, raw" and "Spinach, cooked" are two).</summary>
    /// <param name="foods">Foods from the database, with their nutrients and portions.</param>
    /// <param name="units">The database's nutrient units, to convert to catalog units.</param>
    /// <param name="pattern">The person's diet pattern.</param>
    /// <param name="avoid">What they avoid (exclusion ids or foods in their words).</param>
    /// <param name="own">Their own foods' names.</param>
    /// <param name="exclusions">The exclusion rules; <see cref="FoodExclusions.Default"/> when null.</param>
    public static IReadOnlyList<PlanFood> Candidates(
        IEnumerable<FoodComposition> foods, IReadOnlyDictionary<int, FoodNutrient> units, DietPattern pattern, IReadOnlyList<string> avoid,
        IEnumerable<string> own, FoodExclusions? exclusions = null) =>
        Candidates(PlanFoodPool.From(foods, units), pattern, avoid, own, exclusions);

    /// <summary>The new foods a plan may suggest from <paramref name="pool"/>: allowed by <paramref name="pattern"/> and
    /// <paramref name="avoid"/>, not already among <paramref name="own"/>, one per name and form ("Spinach, raw" and
    /// "Spinach, cooked" are two), in id order.</summary>
    /// <param name="pool">The foods a plan may offer anyone.</param>
    /// <param name="pattern">The person's diet pattern.</param>
    /// <param name="avoid">What they avoid (exclusion ids or foods in their words).</param>
    /// <param name="own">Their own foods' names.</param>
    /// <param name="exclusions">The exclusion rules; <see cref="FoodExclusions.Default"/> when null.</param>
    public static IReadOnlyList<PlanFood> Candidates(PlanFoodPool pool, DietPattern pattern, IReadOnlyList<string> avoid, IEnumerable<string> own, FoodExclusions? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(own);
        exclusions ??= FoodExclusions.Default;
        var owned = own.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chosen = new Dictionary<string, (Food Food, PlanFood Plan)>(StringComparer.Ordinal);
        // The pool holds everyday forms only: what is left to judge is the person (their diet, then their own foods).
        foreach (var (food, plan, key) in pool.Allowed(exclusions, pattern, avoid))
        {
            var description = food.Description;
            if (owned.Contains(description))
            {
                continue;
            }

            // One food per name and form: the first two comma segments ("Beans, kidney"), the plainest (shortest) wins.
            if (!chosen.TryGetValue(key, out var kept) || description.Length < kept.Food.Description.Length)
            {
                chosen[key] = (food, plan);
            }
        }

        return [.. chosen.Values.OrderBy(f => f.Food.Id).Select(f => f.Plan)];
    }

    /// <summary>New foods a plan may offer a person from <paramref name="pool"/> (made once per food database, see
    /// <see cref="PlanFoodPool"/>): their diet pattern and avoid list applied, their own foods left out.</summary>
    /// <param name="pool">The foods a plan may offer anyone.</param>
    /// <param name="items">The person's logged items (their own foods are not new).</param>
    /// <param name="days">Days logged.</param>
    /// <param name="profile">The person's profile: diet pattern and avoid list.</param>
    public static IReadOnlyList<PlanFood> Offered(PlanFoodPool pool, IEnumerable<IntakeItem> items, int days, References.Profile profile)
    {
        return Offered(pool, Own(items, days), profile);
    }

    /// <summary>As the other overload, with the person's own foods already read (<see cref="UsualDiet.Own"/>): their
    /// names are not offered as new.</summary>
    /// <param name="pool">The foods a plan may offer anyone.</param>
    /// <param name="ownFoods">The person's own foods.</param>
    /// <param name="profile">The person's profile: diet pattern and avoid list.</param>
    public static IReadOnlyList<PlanFood> Offered(PlanFoodPool pool, IReadOnlyList<PlanFood> ownFoods, References.Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(ownFoods);
        ArgumentNullException.ThrowIfNull(profile);
        return Candidates(pool, profile.Diet ?? DietPattern.Omnivore, profile.Avoid, ownFoods.Select(f => f.Name));
    }

    /// <summary>Whether <paramref name="food"/> may be offered as a new food, judged by its group and name alone (its
    /// nutrients and portions are not needed, so a caller can choose before reading them): in its
    /// <see cref="EverydayForm"/>, allowed by the pattern and what the person avoids, and not one of their own foods.</summary>
    public static bool MayOffer(Food food, DietPattern pattern, IReadOnlyList<string> avoid, IReadOnlySet<string> own, FoodExclusions? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(food);
        ArgumentNullException.ThrowIfNull(own);
        return EverydayForm(food) && !own.Contains(food.Description) && (exclusions ?? FoodExclusions.Default).Reason(food, pattern, avoid) is null;
    }

    /// <summary>Whether <paramref name="food"/> is one a plan may offer anyone, by its group and name: in
    /// <see cref="CandidateGroups"/>, in a plain everyday form (none of the words that keep a food out, cooked where its
    /// group is eaten cooked, not a dried dairy product, not raw where it is never eaten raw, not a brand).</summary>
    public static bool EverydayForm(Food food)
    {
        ArgumentNullException.ThrowIfNull(food);
        var description = food.Description;
        var words = description.ToLowerInvariant().Split([' ', ',', '(', ')', '/', '-'], StringSplitOptions.RemoveEmptyEntries);
        return food.Category is { } group && CandidateGroupSet.Contains(group)
            && !words.Any(w => NotOffered.Contains(w)) && !(words.Contains("salt") && !words.Contains("without"))
            && !((EatenCooked.Contains(group) || description.StartsWith("Egg,", StringComparison.Ordinal)) && !words.Any(w => Cooked.Contains(w)))
            && !(NoDriedForms.Contains(group) && (words.Contains("dried") || words.Contains("dry")))
            && !(words.Contains("raw") && words.Any(w => NeverRaw.Contains(w)))
            && !HasBrand(description);
    }

    private static readonly HashSet<string> CandidateGroupSet = new(CandidateGroups, StringComparer.Ordinal);

    /// <summary>SR28 writes brand names in capitals ("BOLTHOUSE FARMS"): a plan suggests the food, not a product.</summary>
    private static bool HasBrand(string description) =>
        description.Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length >= 3 && w.All(c => char.IsUpper(c) || !char.IsLetter(c)) && w.Any(char.IsLetter));

    /// <summary>The food's usual portion, a USDA household measure weighing between the smallest and largest
    /// serving. Protein foods and nuts and seeds are measured in ounces where the food has an ounce measure (the Dietary
    /// Guidelines for Americans 2020-2025 count them in ounce-equivalents; cheese is measured in ounces there too); nuts
    /// and seeds without one get one ounce
    /// (28.35 g), since a cup of seeds is not a serving. Other foods take their first measure in the range.</summary>
    internal static FoodPortion? Portion(FoodComposition food)
    {
        var usable = food.Portions.Where(p => p.GramWeight is >= SmallestPortionGrams and <= LargestPortionGrams).ToList();
        if (food.Food.Category is { } group && (InOunces.Contains(group) || food.Food.Description.StartsWith("Cheese", StringComparison.Ordinal)))
        {
            var ounces = usable.FirstOrDefault(p => p.Measure.StartsWith("oz", StringComparison.OrdinalIgnoreCase));
            if (ounces is not null)
            {
                return ounces;
            }

            if (group == "Nut and Seed Products")
            {
                return new FoodPortion(1, "oz", 28.35);
            }
        }

        return usable.FirstOrDefault();
    }

    /// <summary>The least a plan adds of a new food (<see cref="PlanFood.MinimumGrams"/>): <see cref="SmallestPortionGrams"/>,
    /// the least Replete counts as a serving, or the food's usual <paramref name="portion"/> where that is smaller. Not
    /// the smallest household measure: tried (h101), it made beef liver's least a 68 g slice and Jerusalem artichokes' a
    /// 150 g cup, so plans that could close a gap with 24 g of liver or 80 g of artichokes closed none.</summary>
    internal static double MinimumGrams(FoodPortion portion) => Math.Min(SmallestPortionGrams, portion.GramWeight);

    /// <summary>Groups measured in ounces (see <see cref="Portion"/>).</summary>
    private static readonly HashSet<string> InOunces = new(StringComparer.Ordinal)
    {
        "Nut and Seed Products", "Poultry Products", "Pork Products", "Beef Products", "Finfish and Shellfish Products",
    };
}
