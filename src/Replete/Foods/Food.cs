namespace Replete.Foods;

/// <summary>A food in the database, as a person would pick it from a list.</summary>
/// <param name="Id">The source's id: an SR28 NDB number (below 100,000) or a FoodData Central fdc_id.</param>
/// <param name="Description">The source's description, e.g. "Bananas, raw".</param>
/// <param name="Source">Which database it comes from.</param>
public sealed record Food(int Id, string Description, FoodSource Source)
{
    /// <summary>The USDA food group or category, when known.</summary>
    public string? Category { get; init; }

    /// <summary>The brand owner or manufacturer, for branded foods.</summary>
    public string? Brand { get; init; }

    /// <summary>Other names people use for the food (SR "ComName"), comma-separated; for IFCT 2017 foods the scientific
    /// name and every local name as the table writes them, separated by ';'.</summary>
    public string? CommonNames { get; init; }

    /// <summary>Whether the food is used by the U.S. survey foods: USDA SR28's "Survey" flag, field 7 of the Food
    /// Description file (FOOD_DES.txt), "Y" when the food is used in the USDA Food and Nutrient Database for Dietary
    /// Studies (FNDDS) and so has a complete profile of the FNDDS nutrients (SR28 Documentation and User
    /// Guide, sr28_doc.pdf, 2015, the Food Description File format table). FNDDS codes the foods eaten in What We Eat
    /// in America, NHANES, so the flag is a measure of which SR foods people eat. True for 3,404 of SR28's 8,789 foods,
    /// false for the others; null for a food from a source without the flag (FoodData Central imports, IFCT 2017). The
    /// search puts a Survey food first among foods whose names answer a query equally well, and charges a maker's
    /// product without the flag as a variant (<see cref="FoodSearchEntry.InSurvey"/>).</summary>
    public bool? InSurvey { get; init; }

    /// <summary>The source table's own code when it is not the id (IFCT 2017: "A003" for bajra), or null.</summary>
    public string? SourceCode { get; init; }

    /// <summary>The name to show wherever the food is shown outside a list that has a source column: the description,
    /// with its brand when it has one ("Greek yogurt, plain (FAGE)"), and with the table and code for a food that is not
    /// from USDA ("Bajra (IFCT 2017 A003)"), so that a report mixing tables says where each food's values come from.</summary>
    public string Label => Source == FoodSource.Ifct2017 ? $"{Description} (IFCT 2017{(SourceCode is null ? "" : " " + SourceCode)})" : LabelOf(Description, Brand);

    /// <summary>"Greek yogurt, plain (FAGE)": a description followed by its brand in parentheses, or alone without one.</summary>
    public static string LabelOf(string description, string? brand) => brand is { Length: > 0 } ? $"{description} ({brand})" : description;
}
