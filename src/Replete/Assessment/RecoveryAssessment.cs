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

    /// <summary>What has happened to the person: months without a period, falls, medicines (for the red-flag rules).</summary>
    public History History { get; init; } = History.None;

    /// <summary>Whether the person declared a supplement (a supplements file, or supplements in a diet log): supplement
    /// excess is named as a cause only then, or where a high-dose supplement or a high result shows one.</summary>
    public bool TakesSupplements { get; init; }

    /// <summary>Sodium lost in sweat, from the profile's sweat test (<see cref="Training.SweatSodium.For"/>), or null
    /// without one.</summary>
    public Training.SweatSodium? SweatSodium { get; init; }

    /// <summary>The day the results are judged on (today, or the end of the assessed range): each result's date is read
    /// against it and its sourced retest interval (<see cref="LabCurrency"/>). Null: no result's age is judged (callers
    /// reading a person's files always give one).</summary>
    public DateOnly? AsOf { get; init; }
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

/// <summary>Where a piece of evidence comes from.</summary>
public enum EvidenceKind
{
    /// <summary>A symptom or sign the person reported (data/symptoms.csv).</summary>
    Symptom,

    /// <summary>A risk factor of the person's own: listed, or their diet from the profile (data/risk_factors.csv).</summary>
    RiskFactor,

    /// <summary>A base rate the profile implies (sex, age, sport): weak, never the person's own evidence.</summary>
    Prior,

    /// <summary>A lab result read against its cut-off (data/biomarkers.csv).</summary>
    Lab,

    /// <summary>The diet's probability of adequacy (IOM 2000, Appendix B).</summary>
    Diet,

    /// <summary>An exposure to too much: a high-dose supplement, intake above the UL, a lab above its upper cut-off.</summary>
    Exposure,
}

/// <summary>One piece of evidence for or against a nutrient, with its source and the weight it carried.</summary>
/// <param name="What">The evidence in words.</param>
/// <param name="Strength">The strength it counted with (an unverified link or a prior counts as weak whatever the
/// data says of it; the stated strength is in <paramref name="What"/>).</param>
/// <param name="Source">Where the link, cut-off or method comes from.</param>
/// <param name="Grade">How well that source is checked.</param>
public sealed record Evidence(string What, LinkStrength Strength, string Source, EvidenceGrade Grade)
{
    /// <summary>Where the evidence comes from.</summary>
    public EvidenceKind Kind { get; init; }

    /// <summary>The id behind it: a symptom or risk factor id, a biomarker id, or the nutrient for diet evidence.</summary>
    public string Code { get; init; } = "";

    /// <summary>The points it added to (for) or took from (against) the nutrient's ordinal score; 0 for an exposure.
    /// See <see cref="RecoveryAssessor"/> for the weights, which are Replete's design.</summary>
    public int Points { get; init; }
}

/// <summary>Something that changes how a lab result reads, and its source.</summary>
/// <param name="Text">What it changes, in words.</param>
/// <param name="Source">The source, or null for Replete's own sampling notes.</param>
public sealed record Caveat(string Text, string? Source)
{
    /// <summary>"text (source: source)".</summary>
    public override string ToString() => Source is null ? Text : $"{Text} (source: {Source})";
}

/// <summary>A nutrient's standing: likelihood, the evidence both ways, and what would settle it.</summary>
public sealed record NutrientFinding(string Nutrient, Likelihood Likelihood, int Score, IReadOnlyList<Evidence> For, IReadOnlyList<Evidence> Against, string SettleIt)
{
    /// <summary>What changes how this nutrient's labs read (inflammation, season, sampling), with sources.</summary>
    public IReadOnlyList<Caveat> Notes { get; init; } = [];
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

    /// <summary>The levels where harm was seen that the intake reaches (data/harm_levels.csv), acute first; also in
    /// <see cref="Evidence"/>. Each with a flag raises it.</summary>
    internal IReadOnlyList<HarmReached> Harm { get; init; } = [];

    /// <summary>True where a per-kg poisoning level (iron, 40 mg/kg) could not be judged for want of a body mass: no
    /// report may then read as an all-clear (h71 finding 2).</summary>
    public bool PoisoningUnjudged => MassNeeded.Count > 0;

    /// <summary>The headline every report shows, in place of an all-clear, where <see cref="PoisoningUnjudged"/>.</summary>
    public const string PoisoningUnjudgedHeadline = "Not judged: a dose may be in the range of poisoning, and no body mass was given to judge it (see Check). Give body_mass_kg and take no more until then.";

    /// <summary>Each level where harm was seen, for an effect that raises a red flag, that the intake reaches, in words
    /// ("62.2 mg/d is at or above 60 mg/d, the lowest intake at which harm was seen (IOM's LOAEL): ..."); empty where none. A
    /// plan that lowers the supplement says this rather than only by how much (h68 finding 16).</summary>
    public IReadOnlyList<string> AtHarmLevel => [.. Harm.Where(h => h.Level.Flag.Length > 0).Select(h => h.Text)];

    /// <summary>True for a mean intake above the UL from food alone, with no supplement supplying it, no level where harm
    /// was seen reached, no symptom of the excess and no lab above its range. A UL is the highest intake likely to pose no
    /// risk (IOM 1998, Dietary Reference Intakes: A Risk Assessment Model, doi:10.17226/6432), not a level of harm, so
    /// such an excess is shown but does not come before the findings in the next steps (new-user report h82: manganese
    /// 9.6 mg/d from a vegetarian teen's whole grains, UL 9, came before her ferritin of 12 ug/L).</summary>
    public bool FromFoodAlone { get; init; }

    /// <summary>Per-kg harm levels (iron poisoning) that could not be judged for want of a body mass, in words with their
    /// source: shown first as warnings.</summary>
    internal IReadOnlyList<string> MassNeeded { get; init; } = [];
}

/// <summary>A recovery system (sleep, muscle repair, energy, cramps, immunity, nerves) and what limits it.</summary>
/// <param name="System">The system id.</param>
/// <param name="Label">Its name.</param>
/// <param name="Status">"no nutrient indicated" or "limited by iron (likely)".</param>
/// <param name="Bottleneck">The nutrient limiting it, or null.</param>
/// <param name="Nutrients">The nutrients it depends on.</param>
public sealed record SystemStatus(string System, string Label, string Status, string? Bottleneck, IReadOnlyList<string> Nutrients);

/// <summary>The assessment: triage first, then the ranked bottlenecks, the systems, other causes and next steps.</summary>
public sealed record RecoveryAssessment(
    TriageLevel Triage, IReadOnlyList<RedFlag> RedFlags, IReadOnlyList<NutrientFinding> Bottlenecks, IReadOnlyList<SystemStatus> Systems,
    IReadOnlyList<OtherCause> OtherCauses, IReadOnlyList<LabReading> Labs, IReadOnlyList<string> NextSteps)
{
    /// <summary>Nutrients the person may be getting too much of, from supplements, diet or labs.</summary>
    public IReadOnlyList<ExcessFinding> Excess { get; init; } = [];

    /// <summary>Sodium lost in sweat, from the person's sweat test (a measured sweat rate or sweat sodium in the profile),
    /// per hour of training and over the training week, every number with its source; null without a sweat test (tester
    /// h91: the sweat test reached only the session plans).</summary>
    public Training.SweatSodium? SweatSodium { get; init; }

    /// <summary>Results a lab file held that were not read, each with its file and why (a FHIR result of a test Replete
    /// does not read, retracted or cancelled, or with no value): set by the caller that read the file, shown in every
    /// format so nothing a laboratory reported disappears silently.</summary>
    public IReadOnlyList<string> LabsLeftOut { get; init; } = [];

    /// <summary>Results too old to read as now (older than their sourced retest interval) or dated after the assessment
    /// day (<see cref="LabCurrency.NotCurrent"/>), read against their cut-offs as they were then, each with its
    /// <see cref="LabReading.Age"/>: not evidence, not a red flag, only a next step to retest (and to see a doctor to
    /// recheck one that was abnormal). Shown in every format.</summary>
    public IReadOnlyList<LabReading> NotCurrentLabs { get; init; } = [];

    /// <summary>What to check before reading the report, shown first in every format: two results of one test that
    /// differ (which was used and why, <see cref="LabConflicts"/>), an implausible intake
    /// (<see cref="Diet.DietAnalysis.Warnings"/>), and input that contradicts itself.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Always shown: what this is and is not.</summary>
    public string Disclaimer { get; } = "Decision support, not a diagnosis. A red flag means: see a doctor, whatever else this report says.";

    /// <summary>How many bottlenecks a report lists at most. Replete's choice: a person reads a short list.</summary>
    public const int ListedAtMost = 8;

    /// <summary>Whether nutrition findings are shown at all: not in an emergency, where the emergency is the message.</summary>
    public bool ShowsNutritionFindings => Triage != TriageLevel.Emergency;

    /// <summary>The bottlenecks a report lists: those with a signal or evidence for them, at most
    /// <see cref="ListedAtMost"/>, none in an emergency. Not written to JSON, which carries every finding.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<NutrientFinding> Listed => ShowsNutritionFindings
        ? [.. Bottlenecks.Where(b => b.Likelihood > Likelihood.NotIndicated || b.For.Count > 0).Take(ListedAtMost)]
        : [];

    /// <summary>The top bottleneck, or null when no nutrient is indicated.</summary>
    public NutrientFinding? Top => Bottlenecks.FirstOrDefault(b => b.Likelihood >= Likelihood.Possible);

    /// <summary>True when self-treatment advice must stop (any red flag).</summary>
    public bool SelfTreatmentStopped => Triage != TriageLevel.SelfCare;
}
