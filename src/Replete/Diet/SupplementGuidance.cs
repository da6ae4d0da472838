using Replete.Data;

namespace Replete.Diet;

/// <summary>How a nutrient may be supplemented, from <c>data/supplement_guidance.csv</c>.</summary>
/// <param name="Nutrient">Catalog id.</param>
/// <param name="Route">"dose" (a sourced dose range), "shortfall" (the plan's shortfall, at most
/// <paramref name="DoseHigh"/>), or "never" (not self-supplemented: potassium).</param>
/// <param name="DoseLow">The lower end of the sourced dose, or null.</param>
/// <param name="DoseHigh">The upper end, or null.</param>
/// <param name="Unit">The dose's unit (the catalog's).</param>
/// <param name="Per">"day" or "alternate_days".</param>
/// <param name="Form">The form to choose, or empty.</param>
/// <param name="Timing">When to take it and what to keep apart from it, or empty.</param>
/// <param name="Retest">What to retest and when, where a source gives it (data/retest_intervals.csv, the one place
/// retests live), or empty.</param>
/// <param name="Grade">How well the source is checked: primary, secondary, unverified.</param>
/// <param name="Source">The sources.</param>
public sealed record SupplementGuide(string Nutrient, string Route, double? DoseLow, double? DoseHigh, string Unit, string Per, string Form, string Timing, string Retest, string Grade, string Source)
{
    /// <summary>The guidance by nutrient id.</summary>
    public static IReadOnlyDictionary<string, SupplementGuide> All { get; } = ReferenceData.Read("supplement_guidance.csv").ToDictionary(
        r => r.Text("nutrient"),
        r => new SupplementGuide(r.Text("nutrient"), r.Text("route"), r.OptionalNumber("dose_low"), r.OptionalNumber("dose_high"), r.Text("unit"), r.Text("per"),
            r.Text("form"), r.Text("timing"), Assessment.RetestInterval.For(r.Text("nutrient"))?.Retest ?? "", r.Text("grade"), r.Text("source")),
        StringComparer.Ordinal);
}

/// <summary>A medicine that changes a supplement's advice, from <c>data/supplement_interactions.csv</c>.</summary>
/// <param name="Nutrient">The nutrient supplemented.</param>
/// <param name="Medication">The medicine's risk id (data/risk_factors.csv), as the history resolves it.</param>
/// <param name="Caution">What to do.</param>
/// <param name="Source">The source.</param>
public sealed record SupplementInteraction(string Nutrient, string Medication, string Caution, string Source)
{
    /// <summary>Every interaction.</summary>
    public static IReadOnlyList<SupplementInteraction> All { get; } = [.. ReferenceData.Read("supplement_interactions.csv")
        .Select(r => new SupplementInteraction(r.Text("nutrient"), r.Text("medication"), r.Text("caution"), r.Text("source")))];
}
