namespace Replete.Foods;

/// <summary>A nutrient as a food-composition source names and measures it.</summary>
/// <param name="Id">FoodData Central nutrient id (e.g. 1089 iron).</param>
/// <param name="Name">The source's name, e.g. "Iron, Fe".</param>
/// <param name="Unit">The source's unit, lower case: g, mg, ug, kcal, iu.</param>
public sealed record FoodNutrient(int Id, string Name, string Unit);
