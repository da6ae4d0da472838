namespace Replete.Planning;

/// <summary>A food that could carry more of a nutrient, for the person to choose from (food first).</summary>
/// <param name="Food">The food.</param>
/// <param name="Origin">Own (eat more of it, or more often) or new.</param>
/// <param name="PerPortion">Amount of the nutrient in one usual portion.</param>
/// <param name="PerHundredKcal">Amount per 100 kcal, or null when the food's energy is unknown or zero.</param>
/// <param name="Portion">The portion, in words.</param>
public sealed record FoodIdea(string Food, PlanFoodOrigin Origin, double PerPortion, double? PerHundredKcal, string Portion)
{
    /// <summary>How well the nutrient is absorbed from this food, with its source (data/absorption_notes.csv), or null.</summary>
    public string? Note { get; init; }
}
