namespace Replete.Foods;

/// <summary>A food the search found, with how well it matches.</summary>
/// <param name="FoodId">The food's id.</param>
/// <param name="Description">The food's name.</param>
/// <param name="Score">Relevance; higher is better. Comparable within one search only.</param>
/// <param name="Confidence">How sure the match is what the person meant: 1 when every word matched exactly in the
/// food's main name with nothing left over, lower for typos, synonyms, missing words and extra words.</param>
/// <remarks>Down a result list the confidence never rises: a food ranked below another is never shown as the surer match.</remarks>
public sealed record FoodMatch(int FoodId, string Description, double Score, double Confidence)
{
    /// <summary>The brand of a Branded food (FoodData Central brand_name, or its owner), or null: shown with the food
    /// wherever it is listed, since two Branded foods often share a description.</summary>
    public string? Brand { get; init; }

    /// <summary>The food as a person reads it in a list: its description, and its brand when it has one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => Food.LabelOf(Description, Brand);
}
