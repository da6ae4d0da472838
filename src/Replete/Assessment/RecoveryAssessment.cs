using Replete.Knowledge;

namespace Replete.Assessment;

/// <summary>What is known of a person for an assessment.</summary>
/// <param name="Person">Who they are.</param>
/// <param name="Symptoms">Symptom ids (data/symptoms.csv).</param>
/// <param name="RiskFactors">Risk factor ids (data/risk_factors.csv).</param>
/// <param name="RedFlags">Red flag ids the person reported (data/red_flags.csv).</param>
/// <param name="Labs">Lab results.</param>
public sealed record AssessmentInput(References.Person Person, IReadOnlyList<string> Symptoms, IReadOnlyList<string> RiskFactors, IReadOnlyList<string> RedFlags, IReadOnlyList<LabInput> Labs)
{
    /// <summary>How and when the labs were drawn (time, fasting, season, after hard training).</summary>
    public LabSample Sample { get; init; } = LabSample.Unknown;
}

/// <summary>How likely a nutrient is to be holding recovery back.</summary>
public enum Likelihood
{
    /// <summary>Nothing points to it, or a normal lab speaks against it.</summary>
    NotIndicated,

    /// <summary>A weak signal only: worth keeping in mind.</summary>
    Weak,

    /// <summary>Several signs or risks point to it: test or log to settle it.</summary>
    Possible,

    /// <summary>A lab shows it, or strong signs and risks agree.</summary>
    Likely,
}

/// <summary>One piece of evidence for or against a nutrient, with its source.</summary>
public sealed record Evidence(string What, LinkStrength Strength, string Source, EvidenceGrade Grade);

/// <summary>A nutrient's standing: likelihood, the evidence both ways, and what would settle it.</summary>
public sealed record NutrientFinding(string Nutrient, Likelihood Likelihood, int Score, IReadOnlyList<Evidence> For, IReadOnlyList<Evidence> Against, string SettleIt)
{
    /// <summary>What changes how this nutrient's labs read (inflammation, season, sampling), with sources.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A nutrient the person may be getting too much of: an exposure (a high-dose supplement, intake above the UL,
/// a lab above its upper cut-off) with the symptoms of excess that go with it.</summary>
/// <param name="Nutrient">The nutrient.</param>
/// <param name="Evidence">The exposure and the matching symptoms, each with its source.</param>
/// <param name="Advice">What to do about it.</param>
public sealed record ExcessFinding(string Nutrient, IReadOnlyList<Evidence> Evidence, string Advice)
{
    /// <summary>Whether the person has symptoms of the excess: that raises the red flag symptoms_of_excess.</summary>
    public bool WithSymptoms => Signs.Count > 0;

    /// <summary>The person's symptoms of the excess (also in <see cref="Evidence"/>).</summary>
    internal IReadOnlyList<SymptomLink> Signs { get; init; } = [];
}

/// <summary>A recovery system (sleep, muscle repair, energy, cramps, immunity, nerves) and what limits it.</summary>
public sealed record SystemStatus(string System, string Label, string Status, string? Bottleneck, IReadOnlyList<string> Nutrients);

/// <summary>The assessment: triage first, then the ranked bottlenecks, the systems, other causes and next steps.</summary>
public sealed record RecoveryAssessment(
    TriageLevel Triage, IReadOnlyList<RedFlag> RedFlags, IReadOnlyList<NutrientFinding> Bottlenecks, IReadOnlyList<SystemStatus> Systems,
    IReadOnlyList<OtherCause> OtherCauses, IReadOnlyList<LabReading> Labs, IReadOnlyList<string> NextSteps)
{
    /// <summary>Nutrients the person may be getting too much of, from supplements, diet or labs.</summary>
    public IReadOnlyList<ExcessFinding> Excess { get; init; } = [];

    /// <summary>Always shown: what this is and is not.</summary>
    public string Disclaimer { get; } = "Decision support, not a diagnosis. A red flag means: see a doctor, whatever else this report says.";

    /// <summary>The top bottleneck, or null when no nutrient is indicated.</summary>
    public NutrientFinding? Top => Bottlenecks.FirstOrDefault(b => b.Likelihood >= Likelihood.Possible);

    /// <summary>True when self-treatment advice must stop (any red flag).</summary>
    public bool SelfTreatmentStopped => Triage != TriageLevel.SelfCare;
}
