namespace Replete.Foods;

/// <summary>A household measure of a food and its weight, e.g. 1 "medium (7" to 7-7/8" long)" banana = 118 g.</summary>
/// <param name="Amount">How many of <paramref name="Measure"/>, e.g. 1 or 0.25.</param>
/// <param name="Measure">The measure in the source's words: "cup, sliced", "tbsp", "medium".</param>
/// <param name="GramWeight">Grams of edible food in <paramref name="Amount"/> <paramref name="Measure"/>.</param>
public sealed record FoodPortion(double Amount, string Measure, double GramWeight)
{
    /// <summary>Grams in one <see cref="Measure"/>.</summary>
    public double GramsPerUnit => GramWeight / Amount;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Amount:0.###} {Measure} ({GramWeight:0.#} g)");
}
