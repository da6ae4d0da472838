using Replete.Diet;
using Replete.Foods;

namespace Replete.Tests.Diet;

public class MealInhibitorLoadTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 2);
    private static readonly DateOnly Day2 = new(2026, 11, 3);

    private static IntakeItem Item(DateOnly date, string meal, string name, double iron, double? phytate, double? polyphenols, double? vitaminC = 10, double calcium = 20)
    {
        var nutrients = new Dictionary<string, double> { ["iron"] = iron, ["calcium"] = calcium };
        if (vitaminC is { } c)
        {
            nutrients["vitamin_c"] = c;
        }

        var components = new Dictionary<string, double>();
        if (phytate is { } p)
        {
            components["phytate"] = p;
        }

        if (polyphenols is { } q)
        {
            components["polyphenols"] = q;
        }

        return new IntakeItem(date, null, meal, name, nutrients, "log.csv:1") { Grams = 100, Components = components };
    }

    [Fact]
    public void Of_MealWhereEveryFoodReports_SumsPerDayAndIsComplete()
    {
        var items = new[]
        {
            Item(Day1, "Lunch", "Bajra", 6.42, 485, 67.7),
            Item(Day1, "lunch", "Lentil dal", 7.06, 218, 14.9),
            Item(Day2, "lunch", "Bajra", 6.42, 485, 67.7),
        };

        var load = Assert.Single(MealInhibitorLoad.Of(items));

        Assert.Equal("lunch", load.Meal);
        Assert.Equal(2, load.Days);
        Assert.Equal((485 + 218 + 485) / 2.0, load.PhytateMg!.Value, 6);
        Assert.True(load.PhytateComplete);
        Assert.Equal((6.42 + 7.06 + 6.42) / 2, load.IronMg, 6);
        Assert.Empty(load.Unreported);
        Assert.Equal("phytate 594 mg, polyphenols 75 mg with 10 mg iron", load.Describe());
    }

    [Fact]
    public void Of_FoodWithoutValues_MakesTheLoadALowerBound_NeverAZero()
    {
        var items = new[] { Item(Day1, "dinner", "Bajra", 6.42, 485, null), Item(Day1, "dinner", "Yogurt", 0.1, null, null) };

        var load = Assert.Single(MealInhibitorLoad.Of(items));

        Assert.False(load.PhytateComplete);
        Assert.Null(load.PolyphenolsMg);
        Assert.Equal(["Yogurt"], load.Unreported);
        Assert.Equal("phytate at least 485 mg, polyphenols unknown with 6.5 mg iron", load.Describe());
        var phytateP = load.IronAbsorption.Inputs.Single(i => i.Name == "phytate-phosphorus");
        Assert.Null(phytateP.Value);
        Assert.Contains("Yogurt", phytateP.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_MealsWithoutAnyInhibitorValue_AreLeftOut()
    {
        Assert.Empty(MealInhibitorLoad.Of([Item(Day1, "breakfast", "Oats", 4.7, null, null)]));
    }

    [Fact]
    public void Estimate_WithEveryInputKnown_ShowsThemWithSources_ButMakesNoPercentWithoutReviewedEquations()
    {
        var estimate = HallbergHulthen.Estimate([Item(Day1, "lunch", "Bajra", 6.42, 485, 67.7)], 1);

        Assert.Null(estimate.Percent);
        Assert.Equal([HallbergHulthen.EquationsNotReviewed], estimate.WhyNot);
        var phytateP = estimate.Inputs.Single(i => i.Name == "phytate-phosphorus");
        // Phytic acid C6H18O24P6 (660.04 g/mol) holds 6 P (30.974): 28.16 % phosphorus by mass.
        Assert.Equal(485 * 0.2816, phytateP.Value!.Value, 1);
        Assert.All(estimate.Inputs, i => Assert.NotNull(i.Value));
    }

    [Fact]
    public void Estimate_MissingVitaminC_SaysSo()
    {
        var estimate = HallbergHulthen.Estimate([Item(Day1, "lunch", "Bajra", 6.42, 485, 67.7, vitaminC: null)], 1);

        Assert.Equal(["vitamin C unknown for 1 food", HallbergHulthen.EquationsNotReviewed], estimate.WhyNot);
    }
}
