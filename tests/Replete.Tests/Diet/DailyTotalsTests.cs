using FsCheck;
using FsCheck.Fluent;
using Replete.Diet;

namespace Replete.Tests.Diet;

public class DailyTotalsTests
{
    private static readonly double[][] Foods =
    [
        [79, 2.71, double.NaN],   // spinach: magnesium, iron, no vitamin D
        [27, 0.26, 0],            // banana
        [double.NaN, 1.0, 11],    // a fish with no magnesium value
    ];

    [Fact]
    public void Sum_ScalesPer100Grams_AndLeavesMissingOutOfTotalAndCount()
    {
        var totals = new double[2 * 3];
        var reporting = new int[2 * 3];

        new DailyTotals(Foods, 3).Sum([0, 0, 1], [0, 2, 1], [200f, 100f, 118f], totals, reporting);

        Assert.Equal([158, 6.42, 11, 27 * 1.18, 0.26 * 1.18, 0], totals.Select(t => Math.Round(t, 6)));
        Assert.Equal([1, 2, 1, 1, 1, 1], reporting);
    }

    [Fact]
    public void Sum_EqualsSummingFoodByFood() => Prop.ForAll(
        Gen.Choose(0, 2).ArrayOf().ToArbitrary(),
        foods =>
        {
            var grams = foods.Select((_, i) => 10f + (i * 7 % 90)).ToArray();
            var totals = new double[3];
            new DailyTotals(Foods, 3).Sum(new int[foods.Length], foods, grams, totals, new int[3]);
            var expected = Enumerable.Range(0, 3).Select(n => foods.Select((f, i) => double.IsNaN(Foods[f][n]) ? 0 : Foods[f][n] * grams[i] / 100).Sum());
            return totals.Zip(expected).All(p => Math.Abs(p.First - p.Second) < 1e-9);
        }).QuickCheckThrowOnFailure();
}
