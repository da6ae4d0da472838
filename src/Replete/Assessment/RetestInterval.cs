using System.Globalization;
using Replete.Data;

namespace Replete.Assessment;

/// <summary>When to test a biomarker again once a nutrient's deficiency is being treated (data/retest_intervals.csv).
/// Only sourced intervals exist; for any other nutrient <see cref="For"/> returns null and the person sets their own.</summary>
/// <param name="Nutrient">Catalog id of the nutrient treated.</param>
/// <param name="Biomarker">The biomarker to repeat.</param>
/// <param name="Days">Days from the end of the assessed range.</param>
/// <param name="Retest">The retest in words ("25(OH)D after the 8-16 weeks a restoring course takes").</param>
/// <param name="Grade">Evidence grade: primary, secondary or unverified.</param>
/// <param name="Source">The source.</param>
public sealed record RetestInterval(string Nutrient, string Biomarker, int Days, string Retest, string Grade, string Source)
{
    /// <summary>Every sourced interval.</summary>
    public static IReadOnlyList<RetestInterval> All { get; } = [.. ReferenceData.Read("retest_intervals.csv").Select(r => new RetestInterval(
        r.Text("nutrient"), r.Text("biomarker"), int.Parse(r.Text("days"), CultureInfo.InvariantCulture), r.Text("retest"), r.Text("grade"), r.Text("source")))];

    /// <summary>The sourced interval for <paramref name="nutrient"/>, or null when no source gives one.</summary>
    public static RetestInterval? For(string nutrient) => All.FirstOrDefault(i => i.Nutrient == nutrient);
}
