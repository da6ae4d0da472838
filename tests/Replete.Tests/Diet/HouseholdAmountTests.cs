using Replete.Diet;

namespace Replete.Tests.Diet;

public class HouseholdAmountTests
{
    [Theory]
    [InlineData("150 g", 150, "g")]
    [InlineData("1 1/2 cups", 1.5, "cup")]
    [InlineData(".5 lb", 0.5, "lb")]
    [InlineData("2 Slices", 2, "slice")]
    [InlineData("1 medium", 1, "medium")]
    [InlineData("8 fl oz", 8, "fl oz")]
    [InlineData("2 tablespoons", 2, "tbsp")]
    [InlineData("1", 1, "serving")]
    [InlineData("3 servings", 3, "serving")]
    [InlineData("1e3 g", 1000, "g")]     // scientific notation is a number, held to the limits (issue 13)
    [InlineData("1e308 g", 1e308, "g")]  // not 1 of a unit "e308 g"
    [InlineData("1 egg", 1, "egg")]
    public void TryParse_WhatPeopleWrite(string text, double quantity, string unit)
    {
        Assert.True(HouseholdAmount.TryParse(text, out var amount));
        Assert.Equal((quantity, unit), (amount.Quantity, amount.Unit));
    }

    [Theory]
    [InlineData("")]
    [InlineData("some")]
    [InlineData("-2 g")]
    [InlineData("0 g")]
    [InlineData("1/0 cup")]
    [InlineData("1e309 g")]
    public void TryParse_NoPositiveQuantity_Fails(string text) => Assert.False(HouseholdAmount.TryParse(text, out _));

    [Theory]
    [InlineData("1 kg", 1000)]
    [InlineData("4 oz", 113.398)]
    [InlineData("1 lb", 453.592)]
    public void Mass_ConvertsToGrams(string text, double grams)
    {
        Assert.True(HouseholdAmount.TryParse(text, out var amount));
        Assert.Equal(grams, amount.Quantity * amount.GramsPerUnit!.Value, 3);
    }
}

public class WeighTests
{
    private static readonly Replete.Foods.FoodComposition Cheese = new(
        new Replete.Foods.Food(1, "Cheese, cheddar", Replete.Foods.FoodSource.Sr28),
        new Dictionary<int, double>(),
        [new Replete.Foods.FoodPortion(1, "cup, pieces", 132), new Replete.Foods.FoodPortion(1, "NLEA serving", 28), new Replete.Foods.FoodPortion(1, "slice (1 oz)", 28)]);

    [Theory]
    [InlineData("1 serving", 28)]
    [InlineData("2 slices", 56)]
    [InlineData("1/2 cup", 66)]
    [InlineData("30 g", 30)]
    [InlineData("1 cup, pieces", 132)] // a portion as the refusal lists it is taken back (new user h75)
    [InlineData("2 cups pieces", 264)]
    [InlineData("1 slice (1 oz)", 28)]
    public void Weigh_ThroughTheMeasureThePortionNames(string text, double grams)
    {
        Assert.True(HouseholdAmount.TryParse(text, out var amount));
        Assert.Equal(grams, FoodLogResolver.Weigh(amount, Cheese).Grams!.Value, 3);
    }

    [Fact]
    public void Weigh_WordOnlyInAPortionsDescription_IsNotItsMeasure()
    {
        Assert.True(HouseholdAmount.TryParse("2 pieces", out var amount));
        var (grams, problem) = FoodLogResolver.Weigh(amount, Cheese);
        Assert.Null(grams);
        Assert.Contains("has no 'piece' portion", problem, StringComparison.Ordinal);
    }
}
