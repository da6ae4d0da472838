using Replete.Diet;
using Replete.Foods;

namespace Replete.Tests.Diet;

/// <summary>A logged food's nutrients from its FoodData Central values, the catalog's own id first and then the other
/// ids that carry the same nutrient (data/fdc_alternates.csv).</summary>
public class FoodLogResolverTests
{
    [Fact]
    public void AFoodWithOnlyAlternateIds_StillGivesEnergyVitaminDAndVitaminA()
    {
        // A Foundation food with energy only by Atwater factors (2047), vitamin D only in IU (1110) and vitamin A only
        // in IU (1104, an estimate read as retinol).
        var food = new FoodComposition(new Food(7, "Lentils, dry", FoodSource.Foundation),
            new Dictionary<int, double> { [2047] = 352, [1110] = 40, [1104] = 100 }, []);
        var units = new Dictionary<int, FoodNutrient>
        {
            [2047] = new(2047, "Energy (Atwater General Factors)", "kcal"),
            [1110] = new(1110, "Vitamin D (D2 + D3), International Units", "IU"),
            [1104] = new(1104, "Vitamin A, IU", "IU"),
        };
        var resolver = new FoodLogResolver(FoodSearchIndex.Build([new FoodSearchEntry(7, "Lentils, dry", null, 3)]), id => id == 7 ? food : null, units);
        Assert.True(HouseholdAmount.TryParse("200 g", out var amount));

        var item = resolver.Resolve(new FoodLogEntry(new DateOnly(2026, 11, 2), null, "lunch", "7", amount, "log.csv:2")).Item!;

        Assert.Equal(704, item.Nutrients["energy"], 6);
        Assert.Equal(2, item.Nutrients["vitamin_d"], 6);       // 80 IU at 40 IU per ug (IOM 2011)
        Assert.Equal(60, item.Nutrients["vitamin_a"], 6);      // 200 IU at 0.3 ug each, an estimate
        Assert.Contains("vitamin_a", item.Estimated);
        Assert.DoesNotContain("energy", item.Estimated);
    }
}

/// <summary>Which names carry a word that could name a food (tester's finding 7): the rest are never matched to one.</summary>
public class FoodWordTests
{
    [Theory]
    [InlineData("x", false)]
    [InlineData("the", false)]
    [InlineData("of the", false)]
    [InlineData("2", false)]
    [InlineData("| **", false)]
    [InlineData("", false)]
    [InlineData("my grandma special", true)]
    [InlineData("oatmeal", true)]
    [InlineData("| apple **bold** ...", true)]
    [InlineData("egg", true)]
    public void HasFoodWord_Name_Result(string name, bool expected) => Assert.Equal(expected, FoodSearchIndex.HasFoodWord(name));

    [Fact]
    public void Resolve_ANameWithNoFoodWord_IsNotCounted()
    {
        var resolver = new FoodLogResolver(FoodSearchIndex.Build([new FoodSearchEntry(1, "Oats, regular, cooked with water (oatmeal)", null, 8)]), _ => null, new Dictionary<int, FoodNutrient>());
        Assert.True(HouseholdAmount.TryParse("100 g", out var amount));

        var resolved = resolver.Resolve(new FoodLogEntry(new DateOnly(2026, 11, 2), null, "breakfast", "x", amount, "log.csv:2"));

        Assert.Null(resolved.Match);
        Assert.Null(resolved.Item);
        Assert.Equal("no food matches 'x'", resolved.Problem);
    }
}
