using Replete.Assessment;
using Replete.Diet;
using Replete.Knowledge;
using Replete.Targets;

namespace Replete.Planning;

/// <summary>What a person asks a plan for: their targets, their usual diet, and the new foods it may suggest.</summary>
/// <param name="Targets">The person's targets (the planning targets are derived from them).</param>
/// <param name="Diet">The analysis of their usual diet (food and supplements).</param>
/// <param name="Items">The logged items the analysis was made from; enumerated once per use (an import may read its
/// files again each time rather than hold them).</param>
/// <param name="Supplements">The supplements they take every day.</param>
/// <param name="Candidates">New foods the plan may add (<see cref="PlanFoods.Offered(PlanFoodPool, IReadOnlyList{PlanFood}, References.Profile)"/>); empty for own foods only.</param>
public sealed record PlanRequest(PersonalTargets Targets, DietAnalysis Diet, IEnumerable<IntakeItem> Items, IReadOnlyList<Supplement> Supplements, IReadOnlyList<PlanFood> Candidates)
{
    /// <summary>The assessment's triage: an emergency gets no plan; any doctor's visit keeps the plan to food.</summary>
    public TriageLevel Triage { get; init; } = TriageLevel.SelfCare;

    /// <summary>Nutrients a lab result shows low (the assessment's likely findings with lab evidence): with the problem
    /// nutrients, the only routes to a supplement.</summary>
    public IReadOnlyList<string> LabConfirmed { get; init; } = [];

    /// <summary>The person's diet pattern (a vegan gets a reliable B12 source whatever the labs say).</summary>
    public References.DietPattern Pattern { get; init; } = References.DietPattern.Omnivore;

    /// <summary>True for an athlete in a sport: supplements must be tested for banned substances.</summary>
    public bool Athlete { get; init; }

    /// <summary>The person's medicines, as risk ids (data/risk_factors.csv): "ppi", "thiazide_diuretic".</summary>
    public IReadOnlyList<string> Medications { get; init; } = [];

    /// <summary>Nutrients in excess (the assessment's possible excess, or a lab above its upper cut-off): not planned, and
    /// capped at today's intake; with iron in excess, no pairing rule that raises iron absorption is given.</summary>
    public IReadOnlyList<string> Excess { get; init; } = [];

    /// <summary>Nutrients whose intake the assessment finds at a level where harm was seen (a red flag), each with the
    /// level in words (<see cref="ExcessFinding.AtHarmLevel"/>): a supplement to lower for one says so.</summary>
    public IReadOnlyDictionary<string, string> AtHarmLevel { get; init; } = new Dictionary<string, string>();

    /// <summary>Nutrients a lab shows adequate: food ideas still follow, but no supplement for a problem nutrient.</summary>
    public IReadOnlyList<string> LabAdequate { get; init; } = [];

    /// <summary>The usual diet already read from <see cref="Items"/> (own foods, vitamin A, meal pairing), or null for the
    /// planner to read it: a caller that read it to choose candidates passes it, so a large export is not read again.</summary>
    public UsualDiet? Usual { get; init; }

    /// <summary>The planned training week, or null: the plan then carries the week's fuel.</summary>
    public Training.TrainingWeek? Week { get; init; }

    /// <summary>Items of the profile's avoid list that match no food the plan could suggest
    /// (<see cref="PlanFoodPool.Unmatched"/>): the plan says so, since it cannot tell which foods they mean.</summary>
    public IReadOnlyList<string> AvoidNotMatched { get; init; } = [];

    /// <summary>A measured sweat rate (L/h) from the profile's sweat test, or null.</summary>
    public double? SweatRateLitresPerHour { get; init; }

    /// <summary>A measured sweat sodium (mmol/L) from the profile's sweat test, or null.</summary>
    public double? SweatSodiumMmolPerLitre { get; init; }

    /// <summary>At most this many new foods go to the solver (<see cref="DayPlanner.MostCandidates"/> by default, the
    /// richest per portion for each gap); at least the number of candidates hands every usable one to it.</summary>
    public int MostCandidates { get; init; } = DayPlanner.MostCandidates;

    /// <summary>Time the solver may take for each of its two stages. Replete's choice.</summary>
    public TimeSpan SolverTimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The plan request that follows an assessment, as every front end makes it: an emergency gets no plan,
    /// likely findings with lab evidence are lab-confirmed, the assessment's excess and high labs cap those nutrients,
    /// normal labs that rule a deficiency out mark it adequate, and medicines come from the risk factors.</summary>
    /// <param name="request">The assessment document (profile, pattern, avoid list, sweat test).</param>
    /// <param name="input">What the assessor read (its risk factors include the history's medicines).</param>
    /// <param name="assessment">The assessment of <paramref name="input"/> with <paramref name="diet"/>.</param>
    /// <param name="targets">The person's targets.</param>
    /// <param name="diet">The diet analysis the assessment used.</param>
    /// <param name="items">The logged items of that analysis.</param>
    /// <param name="supplements">The supplements the analysis counted.</param>
    /// <param name="candidates">New foods the plan may add (<see cref="PlanFoods.Offered(PlanFoodPool, IReadOnlyList{PlanFood}, References.Profile)"/>); ignored in an emergency.</param>
    /// <param name="week">The training week, or null.</param>
    /// <param name="usual">The usual diet already read from <paramref name="items"/>, or null.</param>
    public static PlanRequest For(
        AssessmentRequest request, AssessmentInput input, RecoveryAssessment assessment, PersonalTargets targets, DietAnalysis diet,
        IEnumerable<IntakeItem> items, IReadOnlyList<Supplement> supplements, IReadOnlyList<PlanFood> candidates, Training.TrainingWeek? week, UsualDiet? usual = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(assessment);
        return new PlanRequest(targets, diet, items, supplements, assessment.Triage == TriageLevel.Emergency ? [] : candidates)
        {
            Triage = assessment.Triage,
            LabConfirmed = [.. assessment.Bottlenecks.Where(b => b.Likelihood == Likelihood.Likely && b.For.Any(e => e.Kind == EvidenceKind.Lab)).Select(b => b.Nutrient)],
            Pattern = request.Profile.Diet ?? References.DietPattern.Omnivore,
            Athlete = request.Person.Sport is not null,
            Medications = [.. input.RiskFactors.Where(History.MedicationRiskIds.Contains)],
            Week = week,
            Usual = usual,
            Excess = [.. assessment.Excess.Where(e => !SupplementsOnlyExcess(e, targets)).Select(e => e.Nutrient).Concat(assessment.Labs.Where(l => l.Status == LabStatus.High && l.Nutrient.Length > 0).Select(l => l.Nutrient)).Distinct()],
            AtHarmLevel = assessment.Excess.Where(e => e.AtHarmLevel.Count > 0).ToDictionary(e => e.Nutrient, e => e.AtHarmLevel[0], StringComparer.Ordinal),
            LabAdequate = [.. assessment.Labs.Where(l => (l.Status == LabStatus.Normal || l.AboveLowOnly) && l.NormalRulesOut && l.Nutrient.Length > 0).Select(l => l.Nutrient).Distinct()],
            SweatRateLitresPerHour = request.Profile.SweatRateLitresPerHour,
            SweatSodiumMmolPerLitre = request.Profile.SweatSodiumMmolPerLitre,
        };
    }

    /// <summary>Whether a possible excess rests only on supplements above a UL that covers supplements alone
    /// (magnesium): then food is not held back, and the plan's <see cref="NutritionPlan.SupplementsToLower"/> names the
    /// supplement. The magnesium UL covers pharmacological agents only, as no adverse effect of magnesium in food is
    /// known (IOM 1997, Ca, P, Mg, Vitamin D, Fluoride, doi:10.17226/5776, ch. 6, magnesium UL). A risk factor or a high
    /// lab for it still holds food back.</summary>
    private static bool SupplementsOnlyExcess(ExcessFinding excess, PersonalTargets targets) =>
        targets.Targets.FirstOrDefault(t => t.Nutrient.Id == excess.Nutrient) is { UlScope: References.UpperLimitScope.SupplementsOnly }
        && excess.Evidence.Where(e => e.Kind == EvidenceKind.Exposure).All(e => e.Code == excess.Nutrient);
}
