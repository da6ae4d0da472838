using Replete.Assessment;
using Replete.Knowledge;
using Replete.Planning;

namespace Replete.Cli.Rendering;

/// <summary>What an assessment report shows, worked out once for every format (terminal, markdown, HTML) so that they
/// carry the same sections in the same order: the answer first (triage, one line per likely bottleneck, the plan in
/// brief, next steps, other causes with why they are named here), then the detail (evidence with grades and numbered
/// sources, labs, systems, the full plan), then the sources in full.</summary>
/// <param name="Result">The engine's assessment.</param>
/// <param name="Plan">The plan made with it, or null (no diet log, or <c>--no-plan</c>).</param>
/// <param name="Reported">The ids the person gave (symptoms, risk factors, red flags) with those the engine read from
/// the profile: an other cause's "why here" is the part of its <see cref="OtherCause.SuggestedBy"/> found here.</param>
/// <param name="All">Whether the detail shows every nutrient (<c>--all</c>) or only those with a signal.</param>
internal sealed record AssessmentReport(RecoveryAssessment Result, NutritionPlan? Plan, IReadOnlySet<string> Reported, bool All)
{
    /// <summary>A report of <paramref name="result"/> for <paramref name="input"/>.</summary>
    public static AssessmentReport For(RecoveryAssessment result, AssessmentInput input, NutritionPlan? plan = null, bool all = false)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        reported.UnionWith(input.Symptoms);
        reported.UnionWith(input.RiskFactors);
        reported.UnionWith(input.RedFlags);
        reported.UnionWith(result.RedFlags.Select(f => f.FlagId));
        reported.UnionWith(result.Bottlenecks.SelectMany(b => b.For.Concat(b.Against))
            .Where(e => e.Kind is EvidenceKind.Symptom or EvidenceKind.RiskFactor).Select(e => e.Code));
        return new AssessmentReport(result, plan, reported, all);
    }

    /// <summary>What the food log came to (matches to confirm, lines not counted), or null with no food log.</summary>
    public Replete.Diet.FoodLogCheck? FoodLog { get; init; }

    /// <summary>The food log in one line for the answer ("N of M lines not counted; K to confirm"), or null.</summary>
    public string? FoodLogSummary => FoodLog is { } log ? DietViews.FoodLogSummary(log) : null;

    /// <summary>The answer's lines: nutrients at "possible" or "likely" (none in an emergency).</summary>
    public IReadOnlyList<NutrientFinding> Answer => [.. Result.Listed.Where(f => f.Likelihood >= Likelihood.Possible)];

    /// <summary>Nutrients with only a weak signal, named in one line under the answer.</summary>
    public IReadOnlyList<NutrientFinding> Weak => [.. Result.Listed.Where(f => f.Likelihood == Likelihood.Weak)];

    /// <summary>The nutrients whose evidence the detail shows: those with a signal, or every one with <see cref="All"/>.</summary>
    public IReadOnlyList<NutrientFinding> Detailed => !Result.ShowsNutritionFindings ? []
        : All ? Result.Bottlenecks
        : [.. Result.Listed.Where(f => f.Likelihood > Likelihood.NotIndicated)];

    /// <summary>Listed nutrients left out of the default detail (evidence only against, or too little): named in one line.</summary>
    public IReadOnlyList<NutrientFinding> NotIndicated => All ? [] : [.. Result.Listed.Where(f => f.Likelihood == Likelihood.NotIndicated)];

    /// <summary>The heading over the bottleneck lines: after a red flag they are for the doctor, not for self-treatment.</summary>
    public string BottleneckHeading => Result.SelfTreatmentStopped ? "Nutrition findings (for the doctor; do not self-treat)" : "Likely recovery bottlenecks";

    /// <summary>The triage in words.</summary>
    public string Headline => Result.Triage switch
    {
        TriageLevel.Emergency => "EMERGENCY: get medical care now. Do not self-treat.",
        TriageLevel.SeeDoctorToday => "See a doctor today, before acting on the nutrition findings.",
        TriageLevel.SeeDoctorSoon => "See a doctor soon, before acting on the nutrition findings.",
        // A result above a cut-off with no sourced upper limit is not an all-clear: the line says so (next steps name it).
        _ when Result.Excess.Any(e => e.PoisoningUnjudged) => ExcessFinding.PoisoningUnjudgedHeadline,
        _ when Result.Labs.Any(l => l.AboveLowOnly) => "No red flag, but a result has no sourced upper limit to read it against: ask a doctor about it (see Next steps). Findings below.",
        // A result too old to read as now that was abnormal then is not an all-clear either (LabCurrency).
        _ when Result.NotCurrentLabs.Any(l => l.Status is not (LabStatus.Normal or LabStatus.NotInterpreted)) => "No red flag from current results, but an earlier result was abnormal and is too old to read as now: see a doctor to recheck it (see Next steps). Findings below.",
        _ => "No red flag: self-care is reasonable. Findings below.",
    };

    /// <summary>The sources of the evidence, red flags and other causes, numbered in the order the report first cites
    /// them; the detail cites "[n]" and the report ends with the list in full.</summary>
    public IReadOnlyList<string> Sources => sources ??= [.. Result.RedFlags.Select(f => f.Source)
        .Concat(Detailed.SelectMany(f => f.For.Concat(f.Against)).Select(e => e.Source))
        .Concat(Result.Excess.SelectMany(x => x.Evidence).Select(e => e.Source))
        .Concat(Result.OtherCauses.Select(c => c.Source))
        .Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];

    private IReadOnlyList<string>? sources;

    /// <summary>"[n]", the number of <paramref name="source"/> in <see cref="Sources"/>, or "" for none.</summary>
    public string Cite(string source)
    {
        var index = Sources.ToList().IndexOf(source);
        return index < 0 ? "" : $"[{index + 1}]";
    }

    /// <summary>The engine's next steps without those the bottleneck lines already say (what would settle a listed
    /// finding).</summary>
    public IReadOnlyList<string> NextSteps => [.. Result.NextSteps.Where(step => !Answer.Any(f => f.SettleIt == step))];

    /// <summary>The piece of evidence that carried most points for a finding: its strongest reason.</summary>
    public static Evidence? Strongest(NutrientFinding finding) => finding.For.MaxBy(e => e.Points);

    /// <summary>What would settle a finding, without the leading "nutrient: " the engine's wording starts with.</summary>
    public static string NextStep(NutrientFinding finding)
    {
        var prefix = finding.Nutrient.Replace('_', ' ') + ": ";
        return finding.SettleIt.StartsWith(prefix, StringComparison.Ordinal) ? Capital(finding.SettleIt[prefix.Length..]) : finding.SettleIt;
    }

    /// <summary>The person's own signs that named an other cause, by their labels ("Fatigue, Poor sleep").</summary>
    public string WhyHere(OtherCause cause)
    {
        var kb = KnowledgeBase.Default;
        var labels = cause.SuggestedBy.Where(Reported.Contains).Select(id =>
            kb.Symptoms.FirstOrDefault(s => s.SymptomId == id)?.Label
            ?? kb.RiskFactors.FirstOrDefault(r => r.RiskId == id)?.Label
            ?? kb.RedFlags.FirstOrDefault(r => r.FlagId == id)?.Label
            ?? kb.Terms.FirstOrDefault(t => t.Id == id)?.Label
            ?? id.Replace('_', ' '));
        return string.Join(", ", labels.Distinct(StringComparer.Ordinal));
    }

    /// <summary>A nutrient id as words: "vitamin b12".</summary>
    public static string Name(string nutrient) => nutrient.Replace('_', ' ');

    /// <summary>The likelihood in words.</summary>
    public static string Words(Likelihood likelihood) => likelihood switch
    {
        Likelihood.NotIndicated => "not indicated",
        Likelihood.Weak => "weak signal",
        _ => likelihood.ToString().ToLowerInvariant(),
    };

    /// <summary>The grade of a source in words ("primary", "secondary", "unverified").</summary>
    public static string Grade(EvidenceGrade grade) => grade.ToString().ToLowerInvariant();

    /// <summary>How the likelihood is scored: shown under the report.</summary>
    public const string Scoring = "Likelihood is an ordinal score (labs 8/5, or half with an unverified cut-off; strong 3, moderate 2, weak 1; unverified links count as weak), not a probability.";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
