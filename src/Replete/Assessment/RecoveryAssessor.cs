using System.Globalization;
using Replete.Knowledge;

namespace Replete.Assessment;

/// <summary>Combines symptoms, risk factors, the diet and labs into ranked recovery bottlenecks, red flags first.</summary>
/// <remarks>
/// <para>The literature gives no likelihood ratios for these links (data/KNOWLEDGE.md), so the combination is an
/// explainable ordinal score, not a probability: each sign or risk adds 3, 2 or 1 points by its strength (strong,
/// moderate, weak); a lab dominates, adding 8 when deficient and 5 when low, and taking 8 away when normal; a lab whose
/// cut-off is unverified counts half, and one read against a conditional cut-off (data/lab_confounders.csv: ferritin
/// with raised CRP or restless legs) counts 3, like a strong sign. A score of 8 or more is "likely", 4 or more
/// "possible", above 0 "weak". These weights are Replete's design, stated here and in the report, not numbers from
/// science; every piece of evidence carries its own source, grade and points.</para>
/// <para>The steps, one file each: red flags from the labs and from symptoms of excess
/// (<c>RecoveryAssessor.RedFlags.cs</c>), possible excess (<c>.Excess.cs</c>), the scored evidence per nutrient
/// (<c>.Evidence.cs</c>), the ranked findings (<c>.Findings.cs</c>), and the systems, other causes and next steps
/// (<c>.NextSteps.cs</c>). Any red flag stops self-treatment advice; an emergency stops every nutrition claim.</para>
/// </remarks>
public static partial class RecoveryAssessor
{
    private const int LabDeficient = 8;
    private const int LabLow = 5;
    private const int LabNormal = -8;
    private const int LabConditional = 3;
    private const int LikelyFrom = 8;
    private const int PossibleFrom = 4;

    /// <summary>Assesses <paramref name="input"/> against <paramref name="knowledge"/> (the compiled default when null),
    /// with the diet's analysis when there is one.</summary>
    /// <exception cref="ArgumentException">An unknown symptom, risk factor, red flag or lab: input from a person is
    /// checked first by <see cref="AssessmentRequest"/>, so this is a programming error.</exception>
    public static RecoveryAssessment Assess(AssessmentInput input, KnowledgeBase? knowledge = null, Diet.DietAnalysis? diet = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kb = knowledge ?? KnowledgeBase.Default;
        if (diet?.Nutrients.Any(n => n.MeanFromSupplements > 0) == true)
        {
            input = input with { TakesSupplements = true };
        }

        Check(kb, input.Symptoms, KnowledgeIdKind.Symptom);
        Check(kb, input.RiskFactors, KnowledgeIdKind.RiskFactor);
        Check(kb, input.RedFlags, KnowledgeIdKind.RedFlag);
        var pregnant = input.Person.Reproductive == References.ReproductiveStatus.Pregnant;
        var athlete = input.Person.Sport is not null || input.Person.TrainingHoursPerWeek > 0;
        var all = input.Labs.Select(l => LabReading.Read(l, input.Person.Sex, input.Person.AgeYears, input.Sample, pregnant, athlete) with { Drawn = l.Drawn ?? input.Sample.Drawn }).Select(l => Aged(l, input.AsOf)).ToList();
        // A result too old to read as now (or dated after the assessment day) is not read at all: only shown, dated, with
        // a next step to retest (LabCurrency). The rest, with what is derived from them, is read.
        var notCurrent = all.Where(l => l.Age?.Currency == LabCurrency.NotCurrent).Select(l => WithFlagUpperLimit(l, input.Person.Sex, kb) with { NormalRulesOut = false }).ToList();
        var read = DerivedLabs.Add([.. all.Where(l => l.Age?.Currency != LabCurrency.NotCurrent)], input.Person.Sex, input.Person.AgeYears)
            .Select(l => l.Age is null ? Aged(l, input.AsOf) : l).ToList();
        var labs = LabConfounders.Apply(UpperLimitsFromFlags(read, kb, input.Person.Sex), input.Sample, input.Symptoms, input.RiskFactors, kb, input.Person);

        var raised = new RaisedFlags(input.RedFlags);
        labs = CriticalValues(input, kb, labs, raised);

        // Two differing results of one test: one is used, and the report says which and why (every result has already
        // had its say in the red flags above, so a critical one is never lost).
        var (resolved, conflicts) = LabConflicts.Resolve(labs);
        labs = [.. resolved];
        var warnings = new List<string>(conflicts);
        warnings.AddRange(diet?.Warnings ?? []);
        if (diet?.Implausible is { } implausible)
        {
            warnings.Add($"The diet log is not counted as evidence that any nutrient is adequate ({implausible}): correct the log and assess again.");
        }

        warnings.AddRange(ProfileContradictions(input, diet));
        var excess = Excess(input, kb, labs, diet?.Nutrients ?? [], diet?.Implausible);
        // A dose whose poisoning level is per kg, with no body mass to judge it by, is said first (h68 finding 1).
        warnings.AddRange(excess.SelectMany(e => e.MassNeeded));
        var (redFlags, triage) = RedFlags(kb, excess, raised);

        // In an emergency the emergency is the message, in every format: no nutrient ranking, systems, other causes or
        // testing advice, only the instruction to get care (the labs and any possible excess are still shown).
        if (triage == TriageLevel.Emergency)
        {
            return new RecoveryAssessment(triage, redFlags, [], [], [], labs, NextSteps(input, kb, triage, excess, [], labs)) { Excess = excess, Warnings = warnings, NotCurrentLabs = notCurrent };
        }

        var evidence = Evidence(input, kb, labs, diet);
        var findings = CauseFirst(Rank(evidence, labs, diet, triage));
        if (IronStaging.Note(labs, input.Person.Sex) is { } stage)
        {
            findings = [.. findings.Select(f => f.Nutrient == "iron" ? f with { Notes = [.. f.Notes, stage] } : f)];
        }

        var systems = Systems(kb, findings);
        var others = OtherCauses(input, kb, labs, pregnant, raised.Ids);
        var next = NextSteps(input, kb, triage, excess, findings, labs);
        if (AskAboutSupplements(input, kb, others) is { } ask)
        {
            next.Add(ask);
        }

        next.AddRange(Recheck(notCurrent, kb, input.Person.Sex));
        return new RecoveryAssessment(triage, redFlags, findings, systems, others, labs, next) { Excess = excess, Warnings = warnings, SweatSodium = input.SweatSodium, NotCurrentLabs = notCurrent };
    }

    /// <summary><paramref name="lab"/> with its <see cref="LabAge"/> on <paramref name="asOf"/> (none without a day): a
    /// result whose currency cannot be judged (undated, or no sourced retest interval) still counts when it is outside
    /// its range, but a normal result of it is not taken as reassurance (<see cref="LabCurrency.NotJudged"/>).</summary>
    private static LabReading Aged(LabReading lab, DateOnly? asOf)
    {
        if (asOf is not { } day)
        {
            return lab;
        }

        var age = LabAge.Of(lab.Biomarker, lab.Drawn, day);
        return age.Currency is LabCurrency.NotJudged or LabCurrency.Undated ? lab with { Age = age, NormalRulesOut = false } : lab with { Age = age };
    }

    /// <summary>The one next step a result too old to read as now gives: retest it, and, where it was outside its range
    /// or past a red-flag threshold (data/critical_labs.csv) then, see a doctor to recheck it. It raises no red flag and
    /// no triage: it says how the person was, not how they are (Replete's rule, <see cref="LabCurrency"/>).</summary>
    private static IEnumerable<string> Recheck(IReadOnlyList<LabReading> notCurrent, KnowledgeBase kb, References.Sex sex) => notCurrent.Select(lab =>
    {
        var flagged = FlagRows(kb, lab, sex).Any(r => Beyond(lab, r) is not Crossing.None);
        var value = string.Create(CultureInfo.InvariantCulture, $"{lab.Label} {lab.BoundMark}{lab.Value:0.##} {lab.Unit} ({lab.Age!.Dated})");
        return flagged || lab.Status is LabStatus.Low or LabStatus.Deficient or LabStatus.High
            ? $"{value} was {(flagged ? "past a red-flag threshold" : lab.StatusLabel)} then and is not read as now: see a doctor to recheck it (repeat the test) before acting on it."
            : $"{value} is not read as now: retest it if it matters to the findings; it does not count as reassurance.";
    });

    /// <summary>What the input says against itself: none yet beyond the diet's own warnings.</summary>
    private static IEnumerable<string> ProfileContradictions(AssessmentInput input, Diet.DietAnalysis? diet) => [];

    /// <summary>Input from a person is checked before it gets here (<see cref="AssessmentRequest"/>); an unknown id now
    /// is a caller's mistake.</summary>
    private static void Check(KnowledgeBase kb, IEnumerable<string> given, KnowledgeIdKind kind)
    {
        foreach (var id in given)
        {
            if (kb.Unknown(id, kind) is { } problem)
            {
                throw new ArgumentException($"unchecked assessment input: {problem}");
            }
        }
    }

    /// <summary>Points for a lab: half when its cut-off is unverified (folate, transferrin saturation, male
    /// haemoglobin), as an unverified link counts as weak.</summary>
    private static int LabPoints(int points, LabReading lab) => lab.Evidence == EvidenceGrade.Unverified ? points / 2 : points;

    /// <summary>The strength a link counts with: an unverified link counts as weak whatever its stated strength.</summary>
    private static LinkStrength Counted(LinkStrength strength, EvidenceGrade grade) => grade == EvidenceGrade.Unverified ? LinkStrength.Weak : strength;

    private static int Points(LinkStrength strength) => strength switch
    {
        LinkStrength.Strong => 3,
        LinkStrength.Moderate => 2,
        _ => 1,
    };
}
