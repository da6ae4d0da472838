using Replete.Foods;

namespace Replete.Tests.Foods;

/// <summary>How a query is expanded by the synonym list (data/food_synonyms.csv): a phrase in any order or with one
/// word mistyped is found, a negated word is never read as the word it negates, and a word still being typed is not
/// corrected.</summary>
public sealed class FoodSynonymsTests
{
    private static readonly FoodSynonyms Synonyms = FoodSynonyms.Default;

    [Theory]
    [InlineData("creme fraiche")]
    [InlineData("fraiche creme")]
    [InlineData("creme fraihe")]
    public void APhrase_InAnyOrderOrWithATypo_IsFound(string query)
    {
        var variants = Synonyms.Expand(query.Split(' '), 6, word => word is "creme");

        Assert.Contains(variants, v => v.SequenceEqual(["sour", "cream", "cultured"]));
    }

    [Fact]
    public void ANegatedWord_IsNeverCorrectedToTheWordItNegates()
    {
        // "non-soya milk" and "non-diet coke": the negated terms are not indexed, one edit from "soya" and "diet".
        Assert.Single(Synonyms.Expand(["~soya", "milk"], 6, _ => false));
        Assert.DoesNotContain(Synonyms.Expand(["non", "~diet", "coke"], 6, _ => false), v => v.Contains("low"));
    }

    [Fact]
    public void AWordStillBeingTyped_IsNotCorrected()
    {
        // "stea" is one edit from "steak", but it starts indexed words ("steamed"): the index says it is known.
        Assert.Single(Synonyms.Expand(["stea"], 6, word => "steamed".StartsWith(word, StringComparison.Ordinal)));
    }

    [Fact]
    public void ANegatedPhraseRow_Matches_AsTheQueryHoldsIt()
    {
        // "fat free" is "~fat free" in a query; the row was read as "fat free" and never matched.
        Assert.Contains(Synonyms.Expand(["~fat", "free", "milk"], 6, _ => true), v => v.SequenceEqual(["nonfat", "milk"]));
    }
}
