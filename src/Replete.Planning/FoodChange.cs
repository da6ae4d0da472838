namespace Replete.Planning;

/// <summary>A change to one food in the day plan.</summary>
/// <param name="Food">The food.</param>
/// <param name="Origin">Own or new.</param>
/// <param name="UsualGrams">Grams a day now.</param>
/// <param name="PlannedGrams">Grams a day in the plan.</param>
/// <param name="Portion">A usual portion, in words.</param>
/// <param name="Carries">The nutrients below their goals this change raises by at least 5 % of the goal, as catalog ids,
/// largest share of goal first.</param>
public sealed record FoodChange(string Food, PlanFoodOrigin Origin, double UsualGrams, double PlannedGrams, string Portion, IReadOnlyList<string> Carries)
{
    /// <summary>The change in grams a day (negative for less).</summary>
    public double ChangeGrams => PlannedGrams - UsualGrams;
}
