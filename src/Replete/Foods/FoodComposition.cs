namespace Replete.Foods;

/// <summary>What 100 g of a food contains, and its household portions.</summary>
/// <remarks>A nutrient the source does not report is absent, never zero: "missing is not zero" holds through every
/// calculation that uses this type.</remarks>
public sealed class FoodComposition
{
    private readonly Dictionary<int, double> per100Grams;

    /// <summary>Creates the composition of <paramref name="food"/>; amounts are keyed by FoodData Central nutrient id.</summary>
    public FoodComposition(Food food, IReadOnlyDictionary<int, double> per100Grams, IReadOnlyList<FoodPortion> portions)
    {
        ArgumentNullException.ThrowIfNull(food);
        ArgumentNullException.ThrowIfNull(per100Grams);
        ArgumentNullException.ThrowIfNull(portions);
        Food = food;
        this.per100Grams = new Dictionary<int, double>(per100Grams);
        Portions = portions;
    }

    /// <summary>The food.</summary>
    public Food Food { get; }

    /// <summary>Reported amounts per 100 g, by FoodData Central nutrient id, in the source's unit.</summary>
    public IReadOnlyDictionary<int, double> Per100Grams => per100Grams;

    /// <summary>Household portions with their gram weights.</summary>
    public IReadOnlyList<FoodPortion> Portions { get; }

    /// <summary>The amount per 100 g, or null when the source does not report the nutrient.</summary>
    public double? AmountPer100Grams(int fdcNutrientId) =>
        per100Grams.TryGetValue(fdcNutrientId, out var amount) ? amount : null;
}
