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

    /// <summary>Other names people use for the food (SR "ComName"), comma-separated.</summary>
    public string? CommonNames { get; init; }

    /// <summary>The food as a person reads it in a list: its description, and its brand when it has one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => LabelOf(Description, Brand);

    /// <summary>"Greek yogurt, plain (FAGE)": a description followed by its brand in parentheses, or alone without one.</summary>
    public static string LabelOf(string description, string? brand) => brand is { Length: > 0 } ? $"{description} ({brand})" : description;
}
