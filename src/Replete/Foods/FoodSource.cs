namespace Replete.Foods;

/// <summary>Where a food's composition comes from.</summary>
public enum FoodSource
{
    /// <summary>USDA Standard Reference, Release 28 (2015): the embedded default database.</summary>
    Sr28,

    /// <summary>FoodData Central SR Legacy (2018-2019), the final release of Standard Reference.</summary>
    SrLegacy,

    /// <summary>FoodData Central Foundation Foods.</summary>
    Foundation,

    /// <summary>FoodData Central Food and Nutrient Database for Dietary Studies (FNDDS, "Survey").</summary>
    Survey,

    /// <summary>FoodData Central Branded Foods: label data from manufacturers.</summary>
    Branded,
}
