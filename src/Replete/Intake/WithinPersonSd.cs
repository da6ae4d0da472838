namespace Replete.Intake;

/// <summary>The day-to-day SD of intake used for one assessment, and how it was obtained.</summary>
/// <param name="Value">SD in the nutrient's unit per day.</param>
/// <param name="Evidence">The kind of source behind the prior value.</param>
/// <param name="Source">The source of the prior value.</param>
/// <param name="UsedOwnDays">True where the person's own day-to-day SD was blended in.</param>
/// <param name="Explanation">How the value was formed, for the report.</param>
public sealed record WithinPersonSd(double Value, WithinPersonEvidence Evidence, string Source, bool UsedOwnDays, string Explanation)
{
    /// <summary>True where a fallback stood in for the IOM's pooled SD.</summary>
    public bool IsFallback => Evidence is WithinPersonEvidence.Proxy or WithinPersonEvidence.Assumed || UsedOwnDays;
}
