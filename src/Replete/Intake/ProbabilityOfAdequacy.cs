namespace Replete.Intake;

/// <summary>Probability that a person's usual intake of one nutrient meets their requirement.</summary>
/// <param name="NutrientId">Catalog id.</param>
/// <param name="Method">How it was computed.</param>
/// <param name="Probability">P(adequate) for EAR and iron methods; for the AI test, the confidence that usual
/// intake is at or above the AI. Null where there is no reference value.</param>
/// <param name="Z">The z statistic, where one was computed.</param>
/// <param name="TableB1Confidence">The confidence IOM 2000 Table B-1 reads off for this z (the report's rounding).</param>
/// <param name="Reference">The EAR or AI compared against.</param>
/// <param name="Conclusion">The conclusion in words.</param>
/// <param name="IsApproximate">True where any input was a fallback (within-person SD, iron distribution).</param>
/// <param name="WithinPersonSd">The SD_within used, where one was.</param>
/// <param name="UpperLimit">The UL check, where a UL exists.</param>
/// <param name="Notes">Caveats, each a sentence.</param>
public sealed record ProbabilityOfAdequacy(
    string NutrientId,
    AdequacyMethod Method,
    double? Probability,
    double? Z,
    double? TableB1Confidence,
    double? Reference,
    string Conclusion,
    bool IsApproximate,
    WithinPersonSd? WithinPersonSd,
    UpperLimitCheck? UpperLimit,
    IReadOnlyList<string> Notes);
