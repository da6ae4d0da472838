using Replete.Knowledge;

namespace Replete.Tests.Knowledge;

/// <summary>A harm level says whose UL it belongs to (new-user finding: B6's 50 mg/d was cited as if IOM's UL, the one
/// Replete applies, rested on it; it is EFSA's reference point for EFSA's UL of 12 mg/d, EFSA 2023, while IOM 1998 p.186
/// set 100 mg/d from a NOAEL of 200 mg/d with UF 2).</summary>
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
}
