using Replete.Planning;

namespace Replete.IntegrationTests.Planning;

/// <summary>h103: rounding a planned amount up to whole grams, where rounding down left a goal short, must not give a
/// food more than the solved plan allowed it. A usual 42.5 g cut to 42.3 g rounded up to 43 g: a "+0.5 g" change of a
/// food the plan may not raise (held at its usual amount, or one whose content of a limited nutrient is unknown).</summary>
public class PlanRoundingTests
{
    private static PlanFood Own(double usual, double portion, bool held = false) =>
        new("Tea, brewed", PlanFoodOrigin.Own, new Dictionary<string, double>(StringComparer.Ordinal), usual, portion, $"1 cup ({portion:0} g)") { HeldAtUsual = held };

    [Theory]
    [InlineData(42.5, 42.3, false, 42.5)] // a cut food: up to its usual amount, not past it
    [InlineData(42.5, 42.3, true, 42.5)] // a held food likewise
    [InlineData(42.5, 30.2, false, 31)] // a deeper cut rounds up to the whole gram
    [InlineData(42.5, 59.6, false, 60)] // a raised food rounds up within its most (2 x 30 g portions = 60 g)
    [InlineData(42.5, 59.99, false, 60)]
    public void RoundedUp_NeverPastWhatThePlanAllowed(double usual, double planned, bool held, double expected) =>
        Assert.Equal(expected, DayPlanner.RoundedUp(Own(usual, 30, held), planned), 9);

    [Fact]
    public void RoundedUp_ARaisedFood_StaysWithinItsMost()
    {
        var food = Own(10, 20.3);
        Assert.Equal(40.6, food.MaximumGrams, 9);
        Assert.Equal(40.6, DayPlanner.RoundedUp(food, 40.55), 9);
    }
}
