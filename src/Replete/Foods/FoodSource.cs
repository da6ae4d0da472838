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

    /// <summary>Indian Food Composition Tables 2017 (Longvah T, Ananthan R, Bhaskarachary K, Venkaiah K; ICMR-National
    /// Institute of Nutrition, Hyderabad, 2017): 528 key foods per 100 g edible portion, with local names, phytate,
    /// polyphenols and oxalates. Replete's id is 800,000,000 + group letter (A = 1) x 1,000 + the IFCT number.</summary>
    Ifct2017,
}
