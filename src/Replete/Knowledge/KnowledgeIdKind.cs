namespace Replete.Knowledge;

/// <summary>The kinds of id a person gives in an assessment: the lists <c>symptoms</c>, <c>risk_factors</c> and
/// <c>red_flags</c>.</summary>
public enum KnowledgeIdKind
{
    /// <summary>A symptom (data/symptoms.csv).</summary>
    Symptom,

    /// <summary>A risk factor (data/risk_factors.csv).</summary>
    RiskFactor,

    /// <summary>A red flag (data/red_flags.csv).</summary>
    RedFlag,
}
