namespace Replete.Nutrients;

/// <summary>A nutrient of the catalog, in its canonical unit.</summary>
/// <param name="Id">Stable catalog id, such as <c>iron</c> or <c>vitamin_d</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Unit">Canonical unit of every amount of this nutrient in Replete (g, mg, ug or kcal).</param>
/// <param name="FdcNutrientId">The USDA FoodData Central nutrient id whose values map to this nutrient.</param>
/// <param name="Group">macronutrient, electrolyte, mineral or vitamin.</param>
/// <param name="Source">Where the definition and unit come from.</param>
public sealed record Nutrient(string Id, string Name, string Unit, int FdcNutrientId, string Group, string Source);
