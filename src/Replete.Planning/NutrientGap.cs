namespace Replete.Planning;

/// <summary>A nutrient below its goal and the foods that could close it.</summary>
/// <param name="Nutrient">Catalog id.</param>
/// <param name="Ideas">Own foods first, then new ones, richest per portion first.</param>
/// <param name="Unknown">Own foods whose value for the nutrient is unknown: not counted, never taken as zero.</param>
public sealed record NutrientGap(string Nutrient, IReadOnlyList<FoodIdea> Ideas, IReadOnlyList<string> Unknown);
