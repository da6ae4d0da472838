namespace Replete.Diet;

/// <summary>A line of Replete's food log: what a person says they ate.</summary>
/// <param name="Date">The day.</param>
/// <param name="Time">The time, optional.</param>
/// <param name="Meal">Breakfast, lunch, a snack... optional.</param>
/// <param name="Food">Free text ("banana"), or a food id ("9040", "id:168462").</param>
/// <param name="Amount">The amount as written: "150 g", "1 medium", "2 slices", "1 cup", "8 fl oz", "1 serving".</param>
/// <param name="Origin">"file:line".</param>
public sealed record FoodLogEntry(DateOnly Date, TimeOnly? Time, string Meal, string Food, HouseholdAmount Amount, string Origin)
{
    /// <summary>The food id when <see cref="Food"/> names one directly.</summary>
    public int? FoodId
    {
        get
        {
            var text = Food.StartsWith("id:", StringComparison.OrdinalIgnoreCase) ? Food[3..] : Food;
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        }
    }
}
