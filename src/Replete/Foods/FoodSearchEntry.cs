namespace Replete.Foods;

/// <summary>What the search index needs to know of a food.</summary>
/// <param name="FoodId">The food's id.</param>
/// <param name="Description">Its name, ranked word by word.</param>
/// <param name="OtherNames">Other names that also find it (SR "ComName"), or null.</param>
/// <param name="Completeness">Share (0-1) of the tracked nutrients the source reports for the food. Staple foods are
/// analysed most fully, so among otherwise equal matches the more complete record ranks first.</param>
/// <param name="Category">Its USDA food group (SR "FdGrp_Desc"), or null. In a group eaten cooked
/// (<see cref="FoodGroups.EatenCooked"/>) the cooked form is the default one: "navy beans" means them cooked.</param>
/// <param name="Brand">The brand of a Branded food, or null: its words find the food like its other names.</param>
public readonly record struct FoodSearchEntry(int FoodId, string Description, string? OtherNames = null, double Completeness = 0, string? Category = null, string? Brand = null)
{
    /// <summary>True for an SR28 food the FNDDS survey foods use (<see cref="Food.InSurvey"/>): of foods whose scores
    /// are equal it ranks first. False for the others and for every food of a source without the flag, whose order
    /// among themselves it leaves as it was. A food with a <see cref="Brand"/> (a maker) and without the flag is one
    /// maker's product people seldom mean unless they name it: its name costs one more variant word.</summary>
    public bool InSurvey { get; init; }
}
