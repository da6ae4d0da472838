using System.Text.RegularExpressions;
using Replete.IntegrationTests.Storage;
using Replete.Planning;
using Replete.References;

namespace Replete.IntegrationTests.Planning;

/// <summary>The new foods a plan may suggest, over all of SR28, checked against hand-made deny lists that do not use
/// the exclusion rules themselves: nothing animal for a vegan, no tree nut for a nut allergy, no milk for dairy-free,
/// no egg for an egg allergy, and nothing that must be cooked offered raw.</summary>
[Collection(Sr28Group.Name)]
public sealed partial class CandidatePoolTests(Sr28Database sr28)
{
    private IReadOnlyList<PlanFood> Candidates(DietPattern pattern, params string[] avoid)
    {
        var catalog = sr28.Database.Catalog;
        return PlanFoods.Candidates(catalog.InCategories(PlanFoods.CandidateGroups), catalog.Nutrients(), pattern, avoid, []);
    }

    [GeneratedRegex(@"\b(beef|pork|chicken|turkey|lamb|veal|fish|salmon|tuna|shrimp|crab|egg|eggs|cheese|yogurt|honey|gelatin|whey|lard|anchov\w*|pancakes?|refrigerated)\b|(?<!coconut |soy |almond |rice |oat )\bmilk\b|(?<!peanut |almond |cashew |sesame |nut |cocoa )\bbutter\b|(?<!coconut )\bcream\b", RegexOptions.IgnoreCase)]
    private static partial Regex Animal();

    [GeneratedRegex(@"^Nuts,|\b(almonds?|cashews?|walnuts?|pecans?|pistachios?|hazelnuts?|macadamias?|filberts?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TreeNut();

    [GeneratedRegex(@"(?<!coconut |soy |almond |rice |oat )\bmilk\b|\b(cheese|yogurt|whey|casein|kefir|ghee|cream)\b|(?<!peanut |almond |cashew |sesame |nut |cocoa )\bbutter\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dairy();

    [GeneratedRegex(@"\b(egg|eggs|pancakes?|souffle|refrigerated|mayonnaise)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Egg();

    [GeneratedRegex(@"\b(morels?|poke\w*|cassava|elderberr\w*|lima|taro|kidney|potato\w*|mushrooms?)\b.*\braw\b|\braw\b.*\b(morels?|poke\w*|cassava|elderberr\w*|lima|taro|kidney)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MustBeCooked();

    [SkippableFact]
    public void Vegan_IsOfferedNothingAnimal()
    {
        var offered = Candidates(DietPattern.Vegan);
        Assert.True(offered.Count > 100, $"{offered.Count} candidates");
        Assert.Empty(offered.Where(f => Animal().IsMatch(f.Name) || f.Group is "Dairy and Egg Products" or "Finfish and Shellfish Products" or "Poultry Products" or "Beef Products" or "Pork Products").Select(f => f.Name));
    }

    [SkippableFact]
    public void Avoided_TreeNutsDairyAndEggs_AreNeverOffered()
    {
        Assert.Empty(Candidates(DietPattern.Omnivore, "tree nuts").Where(f => TreeNut().IsMatch(f.Name)).Select(f => f.Name));
        Assert.Empty(Candidates(DietPattern.Omnivore, "nut allergy").Where(f => TreeNut().IsMatch(f.Name)).Select(f => f.Name));
        Assert.Empty(Candidates(DietPattern.Omnivore, "dairy-free").Where(f => Dairy().IsMatch(f.Name)).Select(f => f.Name));
        Assert.Empty(Candidates(DietPattern.Vegetarian, "eggs").Where(f => Egg().IsMatch(f.Name)).Select(f => f.Name));
        // Dairy-free still offers eggs, and a nut allergy still offers seeds.
        Assert.Contains(Candidates(DietPattern.Omnivore, "dairy").Select(f => f.Name), n => n.StartsWith("Egg,", StringComparison.Ordinal));
        Assert.Contains(Candidates(DietPattern.Omnivore, "nuts").Select(f => f.Name), n => n.StartsWith("Seeds,", StringComparison.Ordinal));
    }

    // h50 finding 4: "tomato", "tomato allergy" and "nightshade" still let the plan add "Tomatoes, sun-dried".
    [SkippableFact]
    public void Avoided_TomatoInThePersonsWords_AndNightshades_AreNeverOffered()
    {
        foreach (var avoid in new[] { "tomato", "Tomato allergy", "tomatoes", "nightshade" })
        {
            Assert.Empty(Candidates(DietPattern.Omnivore, avoid).Where(f => f.Name.Contains("tomato", StringComparison.OrdinalIgnoreCase)).Select(f => f.Name));
        }

        var nightshade = Candidates(DietPattern.Omnivore, "nightshade").Select(f => f.Name).ToList();
        Assert.DoesNotContain(nightshade, n => Regex.IsMatch(n, @"^(Potatoes|Peppers|Eggplant)\b", RegexOptions.IgnoreCase));
        Assert.Contains(nightshade, n => n.StartsWith("Sweet potato", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public void AnAvoidItemThatMatchesNoFood_IsNamed()
    {
        var catalog = sr28.Database.Catalog;
        var pool = PlanFoodPool.From(catalog.InCategories(PlanFoods.CandidateGroups).Where(f => PlanFoods.EverydayForm(f.Food)), catalog.Nutrients());

        Assert.Equal(["tomatto", "allergy"], pool.Unmatched(["tomato", "tomatto", "tree nuts", "allergy", "nightshade"]));
    }

    [SkippableFact]
    public void FoodsThatMustBeCooked_AreNeverOfferedRaw() =>
        Assert.Empty(Candidates(DietPattern.Omnivore).Where(f => MustBeCooked().IsMatch(f.Name)).Select(f => f.Name));

    /// <summary>A pool remembers what each diet allows (a long-lived process asks it for many people): asked for
    /// several diets in turn, and again, it answers each exactly as a pool made for that person alone.</summary>
    [SkippableFact]
    public void OnePool_AskedForManyDiets_AnswersEachAsAFreshPool()
    {
        var catalog = sr28.Database.Catalog;
        PlanFoodPool Fresh() => PlanFoodPool.Build(catalog.FoodsIn, catalog.FindMany, catalog.Nutrients());
        var shared = Fresh();
        (DietPattern Pattern, string[] Avoid, string[] Own)[] people =
        [
            (DietPattern.Vegan, [], []), (DietPattern.Omnivore, ["dairy"], []), (DietPattern.Omnivore, [], ["Spinach, raw"]),
            (DietPattern.Vegan, [], []), (DietPattern.Omnivore, ["dairy", "eggs"], []), (DietPattern.Omnivore, ["eggs", "dairy"], []),
            (DietPattern.Omnivore, ["tree nuts\u001fdairy"], []), (DietPattern.Omnivore, ["tree nuts", "dairy"], []),
        ];
        foreach (var (pattern, avoid, own) in people)
        {
            var names = PlanFoods.Candidates(shared, pattern, avoid, own).Select(f => f.Name).ToList();
            Assert.Equal(PlanFoods.Candidates(Fresh(), pattern, avoid, own).Select(f => f.Name), names);
            Assert.DoesNotContain("Spinach, raw", own.Length > 0 ? names : []);
        }

        Assert.NotEqual(PlanFoods.Candidates(shared, DietPattern.Vegan, [], []).Count, PlanFoods.Candidates(shared, DietPattern.Omnivore, [], []).Count);
    }

    [SkippableFact]
    public void SavedPool_OffersExactlyWhatTheDatabaseOffers()
    {
        // The pool a catalog saves beside the database must give every person the candidates read from the database
        // itself: same foods, same order, same portions and per-gram values to the last bit.
        var catalog = sr28.Database.Catalog;
        var pool = PlanFoodPool.Build(catalog.FoodsIn, catalog.FindMany, catalog.Nutrients());
        using var saved = new MemoryStream();
        pool.Write(saved);
        saved.Position = 0;
        var read = PlanFoodPool.Read(saved);
        foreach (var (pattern, avoid) in new[] { (DietPattern.Omnivore, Array.Empty<string>()), (DietPattern.Vegan, []), (DietPattern.Vegetarian, ["eggs", "dairy-free"]) })
        {
            var fromDatabase = Candidates(pattern, avoid);
            var fromSaved = PlanFoods.Candidates(read, pattern, avoid, []);
            Assert.True(fromDatabase.Count > 100, $"{fromDatabase.Count} candidates");
            Assert.Equal(fromDatabase.Select(f => (f.FoodId, f.Name, f.Group, f.Portion, f.PortionGrams, f.MinimumGrams)), fromSaved.Select(f => (f.FoodId, f.Name, f.Group, f.Portion, f.PortionGrams, f.MinimumGrams)));
            for (var i = 0; i < fromDatabase.Count; i++)
            {
                Assert.Equal(fromDatabase[i].PerGram.OrderBy(p => p.Key, StringComparer.Ordinal), fromSaved[i].PerGram.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }
    }

    /// <summary>h101: a new food's least amount is 15 g (PlanFoods.SmallestPortionGrams, the least counted as a serving),
    /// whatever its household measures: raisins (shown as 1 cup, 165 g), sunflower seeds (1 oz) and nonfat milk (1 cup)
    /// alike, so a plan may add 24 g of liver but not 1 g of seeds.</summary>
    [SkippableTheory]
    [InlineData("Raisins, seedless", 15)]
    [InlineData("Seeds, sunflower seed kernels, dried", 15)]
    [InlineData("Milk, nonfat, fluid, with added vitamin A and vitamin D (fat free or skim)", 15)]
    public void LeastAmount_IsTheSmallestServing(string food, double grams)
    {
        var offered = Candidates(DietPattern.Omnivore, []).Single(f => f.Name == food);

        Assert.Equal(grams, offered.MinimumGrams, 6);
        Assert.True(offered.MinimumGrams <= offered.PortionGrams);
    }

    [SkippableFact]
    public void DamagedSavedPool_IsRefused()
    {
        var catalog = sr28.Database.Catalog;
        using var saved = new MemoryStream();
        PlanFoodPool.Build(catalog.FoodsIn, catalog.FindMany, catalog.Nutrients()).Write(saved);
        Assert.Throws<EndOfStreamException>(() => PlanFoodPool.Read(new MemoryStream(saved.ToArray()[..(int)(saved.Length / 2)])));
        var otherLayout = saved.ToArray();
        otherLayout[0] = 99;
        Assert.Throws<InvalidDataException>(() => PlanFoodPool.Read(new MemoryStream(otherLayout)));
    }
}
