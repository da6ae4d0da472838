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

    /// <summary>True when another food of the same search matches the query as well as this one: their scores differ by
    /// less than the completeness bonus, so only the completeness of the nutrient record or the food number put one
    /// first. "cheese" ties every "Cheese, X" and "rice" brown with white rice: a match that ties is not what the person
    /// meant until they say so, whatever its <see cref="Confidence"/> (FoodLogResolver lists it for confirmation).</summary>
    public bool Tied { get; init; }

    /// <summary>The food as a person reads it in a list: its description, and its brand when it has one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => Food.LabelOf(Description, Brand);
}
