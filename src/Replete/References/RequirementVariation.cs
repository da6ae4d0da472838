using Replete.Data;

namespace Replete.References;

/// <summary>The coefficient of variation of the requirement, used for SD_req = CV x EAR (data/requirement_cv.csv).</summary>
/// <param name="NutrientId">Catalog id.</param>
/// <param name="CoefficientOfVariation">CV as a fraction (0.10 = 10 %).</param>
/// <param name="IsPublished">False where the IOM's 10 % default stands in for a value not published or not retrieved.</param>
/// <param name="Source">Where the CV comes from.</param>
public sealed record RequirementVariation(string NutrientId, double CoefficientOfVariation, bool IsPublished, string Source)
{
    private static readonly Dictionary<string, RequirementVariation> Table = ReferenceData.Read("requirement_cv.csv")
        .Select(r => new RequirementVariation(
            r.Text("nutrient"), r.Number("cv_percent") / 100, r.Text("evidence") == "published", r.Text("source")))
        .ToDictionary(v => v.NutrientId);

    /// <summary>The IOM default where nothing else is known: "In most cases, it is assumed to be 10 percent"
    /// (IOM 2000, Applications in Dietary Assessment, Appendix B p.194).</summary>
    public static RequirementVariation Default(string nutrientId) => new(
        nutrientId, 0.10, false, "IOM 2000 Applications in Dietary Assessment (doi:10.17226/9956) Appendix B p.194 default 10 %");

    /// <summary>The CV for a nutrient, or the IOM default.</summary>
    public static RequirementVariation For(string nutrientId) =>
        Table.TryGetValue(nutrientId, out var v) ? v : Default(nutrientId);
}
