using Replete.Knowledge;

namespace Replete.Tests.Knowledge;

/// <summary>A harm level says whose number it is and of what kind (new-user finding: B6's 50 mg/d was cited as if IOM's
/// UL, the one Replete applies, rested on it; it is EFSA's reference point for EFSA's UL of 12 mg/d, EFSA 2023, where
/// EFSA could not set a LOAEL from human data, while IOM 1998 p.186 set 100 mg/d from a NOAEL of 200 mg/d with UF 2).</summary>
public class HarmLevelSourceTests
{
    [Fact]
    public void VitaminB6_NamesEfsasUl_AndTheIomUlApplied_EachWithItsBasis()
    {
        var b6 = Assert.Single(KnowledgeBase.Default.HarmLevels, h => h.Nutrient == "vitamin_b6");

        Assert.Contains("EFSA's UL 12 mg/d", b6.Source, StringComparison.Ordinal);
        Assert.Contains("Not the basis of the UL Replete applies", b6.Source, StringComparison.Ordinal);
        Assert.Contains("p.186 set its UL of 100 mg/d from a NOAEL of 200 mg/d with UF 2", b6.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void VitaminB6_IsEfsasReferencePoint_NotALoael()
    {
        var b6 = Assert.Single(KnowledgeBase.Default.HarmLevels, h => h.Nutrient == "vitamin_b6");

        Assert.Equal(("reference_point", "EFSA"), (b6.Kind, b6.Body));
        Assert.Equal("the reference point EFSA set its own UL from (not a LOAEL or NOAEL; the UL applied here, 100 mg/d, is IOM's)", b6.InWords("100 mg/d"));
        Assert.DoesNotContain("harm was seen", b6.InWords(), StringComparison.Ordinal);
    }

    /// <summary>Each row's kind and body are the ones its source gives: the source starts with the body's report (or
    /// names the guideline's body), and a LOAEL, NOAEL or reference point is called so in it.</summary>
    [Fact]
    public void EveryRow_KindAndBody_AreTheOnesItsSourceGives()
    {
        Assert.All(KnowledgeBase.Default.HarmLevels, level =>
        {
            Assert.True(level.Body == "AAPCC" ? level.Source.Contains("AAPCC", StringComparison.Ordinal) : level.Source.StartsWith(level.Body, StringComparison.Ordinal),
                $"{level.Nutrient} {level.Level}: body {level.Body}, source {level.Source}");
            var named = level.Kind switch
            {
                "loael" => "LOAEL",
                "noael" => "NOAEL",
                "reference_point" => "reference point",
                _ => level.PerKg ? "mg/kg" : "acute toxicity",
            };
            Assert.True(level.Source.Contains(named, StringComparison.Ordinal), $"{level.Nutrient} {level.Level}: kind {level.Kind}, source {level.Source}");
        });
    }

    /// <summary>Every row of IOM's is worded as IOM's, and never as another body's UL basis.</summary>
    [Theory]
    [InlineData("zinc", 60, "the lowest intake at which harm was seen (IOM's LOAEL)")]
    [InlineData("vitamin_d", 250, "the most that was taken without harm (IOM's NOAEL)")]
    [InlineData("vitamin_a", 150000, "a dose at which acute poisoning was reported (IOM)")]
    public void IomRows_AreWordedAsIoms(string nutrient, double level, string words) =>
        Assert.Equal(words, Assert.Single(KnowledgeBase.Default.HarmLevels, h => h.Nutrient == nutrient && h.Level == level).InWords("40 mg/d"));
}
