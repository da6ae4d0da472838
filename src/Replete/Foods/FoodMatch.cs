namespace Replete.Foods;

/// <summary>A food the search found, with how well it matches.</summary>
/// <param name="FoodId">The food's id.</param>
/// <param name="Description">The food's name.</param>
/// <param name="Score">Relevance; higher is better. Comparable within one search only.</param>
/// <param name="Confidence">How sure the match is what the person meant: 1 when every word matched exactly in the
/// food's main name with nothing left over, lower for typos, synonyms, missing words and extra words.</param>
public sealed record FoodMatch(int FoodId, string Description, double Score, double Confidence);
