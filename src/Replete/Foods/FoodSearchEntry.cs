namespace Replete.Foods;

/// <summary>What the search index needs to know of a food.</summary>
/// <param name="FoodId">The food's id.</param>
/// <param name="Description">Its name, ranked word by word.</param>
/// <param name="OtherNames">Other names that also find it (SR "ComName"), or null.</param>
public readonly record struct FoodSearchEntry(int FoodId, string Description, string? OtherNames = null);
