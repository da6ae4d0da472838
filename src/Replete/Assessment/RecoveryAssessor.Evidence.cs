using System.Globalization;
using Replete.Knowledge;

namespace Replete.Assessment;

public static partial class RecoveryAssessor
{
    /// <summary>The scored evidence for and against each nutrient, each piece tagged with its kind, code and points:
    /// the person's symptoms, their own risk factors and diet, the priors their profile implies (weak base rates, kept
    /// apart from what they reported), their labs, and their diet's probability of adequacy.</summary>
    private static Dictionary<string, NutrientEvidence> Evidence(AssessmentInput input, KnowledgeBase kb, IReadOnlyList<LabReading> labs, Diet.DietAnalysis? diet)
    {
        var evidence = new Dictionary<string, NutrientEvidence>(StringComparer.Ordinal);
        NutrientEvidence Of(string nutrient) => evidence.TryGetValue(nutrient, out var e) ? e : evidence[nutrient] = new NutrientEvidence();
        var circumstances = Circumstances.Of(input, labs);

        foreach (var link in kb.Symptoms.Where(s => input.Symptoms.Contains(s.SymptomId) && s.Direction == "low"))
        {
            // Some links are strong only in a condition (breathlessness for iron only with anaemia): otherwise weak.
            var holds = circumstances.Hold(link.StrongOnlyIf);
            var strength = holds ? link.Strength : LinkStrength.Weak;
            var stated = link.Strength.ToString().ToLowerInvariant();
            var what = link.Evidence == EvidenceGrade.Unverified && strength != LinkStrength.Weak ? $"{link.Label} (unverified {stated} link: counted as weak)"
                : holds ? $"{link.Label} ({stated} link)"
                : $"{link.Label} (weak here: {stated} only with {Circumstances.Describe(link.StrongOnlyIf)})";
            var counted = Counted(strength, link.Evidence);
            Of(link.Nutrient).For.Add(new Evidence(what, counted, link.Source, link.Evidence) { Kind = EvidenceKind.Symptom, Code = link.SymptomId, Points = Points(counted) });
        }

        foreach (var (link, kind) in RiskLinks(input, kb))
        {
            var stated = link.Strength.ToString().ToLowerInvariant();
            var what = link.Evidence == EvidenceGrade.Unverified && link.Strength != LinkStrength.Weak
                ? $"{link.Label}: {link.Effect.Replace('_', ' ')} (unverified {stated}: counted as weak)"
                : $"{link.Label}: {link.Effect.Replace('_', ' ')} ({stated}){(kind == EvidenceKind.Prior ? ", a prior from the profile: counted as weak" : "")}";
            // A prior the profile implies is a base rate, not something the person reported: it counts as weak.
            var counted = kind == EvidenceKind.Prior && link.Effect == "raises" ? LinkStrength.Weak : Counted(link.Strength, link.Evidence);
            var piece = new Evidence(what, counted, link.Source, link.Evidence) { Kind = kind, Code = link.RiskId, Points = Points(counted) };
            switch (link.Effect)
            {
                case "raises":
                    Of(link.Nutrient).For.Add(piece);
                    break;
                case "lowers":
                    Of(link.Nutrient).Against.Add(piece);
                    break;
            }
        }

        foreach (var lab in labs.Where(l => l.Nutrient.Length > 0))
        {
            var what = string.Create(CultureInfo.InvariantCulture,
                $"{lab.Label} {lab.Value:0.##} {lab.Unit} ({lab.StatusLabel}{(lab.ConditionalCutoff ? $" against the conditional cut-off {lab.Low:0.##}" : "")})");
            var piece = new Evidence(what, LinkStrength.Strong, lab.Source, lab.Evidence) { Kind = EvidenceKind.Lab, Code = lab.Biomarker };
            var nutrient = Of(lab.Nutrient);
            switch (lab.Status)
            {
                case LabStatus.Deficient or LabStatus.Low when !lab.CountsForDeficiency:
                    break;
                case LabStatus.Low or LabStatus.Deficient when lab.Nonspecific:
                    nutrient.For.Add(piece with { What = $"{what}: does not show its cause", Points = LabPoints(LabConditional, lab) });
                    break;
                case LabStatus.Low when lab.ConditionalCutoff:
                    nutrient.For.Add(piece with { Points = LabPoints(LabConditional, lab) });
                    break;
                // A critical low (calcium 5.4 mg/dL) is the third level, past deficient: it counts at least as much.
                case LabStatus.Deficient:
                case LabStatus.Low when lab.Critical:
                    nutrient.For.Add(piece with { Points = LabPoints(LabDeficient, lab) });
                    break;
                case LabStatus.Low:
                    nutrient.For.Add(piece with { Points = LabPoints(LabLow, lab) });
                    break;
                // A normal screening test does not cancel an abnormal confirmatory one (B12 normal, MMA high). A high
                // result is further still from a deficiency: it counts against it as a normal one does, never for it;
                // so does a result above a lower cut-off that has no sourced upper limit (not low, though not "normal").
                case LabStatus.Normal or LabStatus.High or LabStatus.NotInterpreted when (lab.Status != LabStatus.NotInterpreted || lab.AboveLowOnly) && lab.NormalRulesOut && !labs.Any(l => l.Nutrient == lab.Nutrient && l.CountsForDeficiency && l.Status is LabStatus.Deficient or LabStatus.Low):
                    nutrient.Against.Add(piece with { Points = LabPoints(-LabNormal, lab) });
                    break;
            }

            if (nutrient.For.Count == 0 && nutrient.Against.Count == 0)
            {
                evidence.Remove(lab.Nutrient);
            }
        }

        // The diet: the probability that usual intake is adequate (IOM 2000), person-specific like a risk factor.
        // Below 50 % counts for a shortfall (moderate); 90 % or more counts against it. An AI test only ever speaks
        // against a shortfall: it cannot show inadequacy (IOM 2000 p.199); nor does an estimated intake (% Daily Value)
        // or one that few foods report. The 50 % and 90 % marks are Replete's design, like the weights above.
        // Many food-log lines not counted (no food matched them) make every mean a lower bound: it can still show an
        // intake adequate, never short (Diet.FoodLogCheck.LargeShareNotCounted).
        // A log that fails the plausibility check (Diet.DietAnalysis.Implausible: 400,000 kcal a day, iron logged in g
        // read as mg) is not an intake: it never counts against a shortfall, and the warnings say so.
        var partial = diet?.FoodLog is { MuchNotCounted: true } log
            ? string.Create(CultureInfo.InvariantCulture, $" (a lower bound: {log.LinesNotCounted} of {log.Lines} food-log lines not counted)")
            : null;
        foreach (var intake in diet?.Nutrients ?? [])
        {
            // Energy has no DRI to test against. An athlete's intake below the energy the carbohydrate and protein lows
            // themselves hold (NutrientTarget.AthleteFloor, from the profile's hours or the training week) cannot meet
            // them: it counts for a shortfall. Above it says nothing: only energy availability (intake minus exercise
            // energy, per kg fat-free mass) could, and the assessment knows neither.
            if (intake.Target.AthleteFloor is { } floor && intake.MeanDaily is { } kcal && kcal < floor
                && intake.Coverage >= Diet.DietAnalyzer.LowCoverage && !intake.HasEstimates && partial is null)
            {
                Of(intake.Nutrient.Id).For.Add(new Evidence(
                    string.Create(CultureInfo.InvariantCulture, $"Diet: mean {kcal:0} kcal/d over {intake.Days} day(s), below the {floor:0} kcal/d that {intake.Target.AthleteFloorBasis}"),
                    LinkStrength.Moderate, "FAO 2003, FAO Food and Nutrition Paper 77 (Atwater general factors); " + (diet!.Nutrients.FirstOrDefault(n => n.Nutrient.Id == "carbohydrate")?.Target.AthleteSource ?? "Thomas, Erdman & Burke 2016"), EvidenceGrade.Secondary)
                {
                    Kind = EvidenceKind.Diet,
                    Code = intake.Nutrient.Id,
                    Points = Points(LinkStrength.Moderate),
                });
            }

            if (intake.Adequacy?.Probability is not { } p)
            {
                continue;
            }

            var what = string.Create(CultureInfo.InvariantCulture,
                $"Diet: P(adequate) {p:P0} over {intake.Days} day(s), mean {intake.MeanDaily:0.##} {intake.Nutrient.Unit}/d{(diet!.Entries == 0 ? $" (a lower bound: {Diet.DietAnalyzer.NoFoodLogged})" : intake.Coverage < Diet.DietAnalyzer.LowCoverage ? " (a lower bound: few foods report it)" : partial ?? "")}");
            var piece = new Evidence(what, LinkStrength.Moderate, "IOM 2000, DRIs: Applications in Dietary Assessment, Appendix B (probability of adequacy)", EvidenceGrade.Primary)
            {
                Kind = EvidenceKind.Diet,
                Code = intake.Nutrient.Id,
                Points = Points(LinkStrength.Moderate),
            };
            var readable = intake.Coverage >= Diet.DietAnalyzer.LowCoverage && !intake.CoverageUnknown && !intake.HasEstimates;
            // An athlete is judged against the athlete range the profile yields (protein 1.2-2.0 g/kg), not only the
            // general requirement: below its low end the diet counts for a shortfall when it can be read, and never
            // against it. Guidance with no upper figure ("2.0 g/kg or more" in energy restriction) is not a minimum.
            if (BelowAthleteRange(intake))
            {
                if (readable && partial is null)
                {
                    var target = intake.Target;
                    Of(intake.Nutrient.Id).For.Add(piece with
                    {
                        What = string.Create(CultureInfo.InvariantCulture,
                            $"Diet: mean {intake.MeanDaily:0.##} {intake.Nutrient.Unit}/d over {intake.Days} day(s), below the athlete range of {target.AthleteLow:0.##}-{target.AthleteHigh:0.##} {intake.Nutrient.Unit}/d"),
                        Source = target.AthleteSource ?? target.Source,
                    });
                }
            }
            // Only the reading the diet analysis shows counts (AdequacyReading): an AI test below or near the AI is not
            // known, so it counts neither for nor against (IOM 2000 p.61).
            else if (intake.Reading is { Status: Diet.AdequacyStatus.Probability, Probability: < 0.5 } && readable && partial is null)
            {
                Of(intake.Nutrient.Id).For.Add(piece);
            }
            else if (intake.Reading is { Status: Diet.AdequacyStatus.Probability or Diet.AdequacyStatus.AboveAi, Probability: >= 0.9 } && diet!.Implausible is null)
            {
                // A diet that meets a requirement already raised for a risk factor (iron x1.8 for a vegetarian, IOM 2001
                // p.574) has answered that risk factor: it keeps its place in the list but no longer counts.
                var nutrient = Of(intake.Nutrient.Id);
                nutrient.Against.Add(piece);
                // Only an intake that can be read (not a lower bound, not estimated from % Daily Value) answers them.
                var covered = readable ? intake.Target.Adjustments.SelectMany(a => a.Covers).ToHashSet(StringComparer.Ordinal) : [];
                for (var i = 0; i < nutrient.For.Count; i++)
                {
                    if (nutrient.For[i] is { Kind: EvidenceKind.RiskFactor or EvidenceKind.Prior } risk && covered.Contains(risk.Code))
                    {
                        nutrient.For[i] = risk with { What = $"{risk.What}; already in the requirement the diet meets", Points = 0 };
                    }
                }
            }
        }

        return evidence;
    }

    /// <summary>Whether the usual intake is below the athlete range's low end (a range with both ends).</summary>
    private static bool BelowAthleteRange(Diet.NutrientIntake intake) =>
        intake.Target is { AthleteLow: { } low, AthleteHigh: not null } && intake.MeanDaily < low;

    /// <summary>The risk links that hold for the person, each with its kind: the person's own (listed, or their diet
    /// from the profile: a vegetarian or vegan diet counts as if listed) or a prior the profile implies (unless listed).
    /// The input itself is never rewritten.</summary>
    private static IEnumerable<(RiskFactorLink Link, EvidenceKind Kind)> RiskLinks(AssessmentInput input, KnowledgeBase kb)
    {
        var own = OwnRiskFactors(input);
        var implied = Implied(input.Person).Where(id => !own.Contains(id)).ToHashSet(StringComparer.Ordinal);
        return kb.RiskFactors
            .Where(r => (own.Contains(r.RiskId) || implied.Contains(r.RiskId)) && Applies(r, input.Person))
            .Select(r => (r, own.Contains(r.RiskId) ? EvidenceKind.RiskFactor : EvidenceKind.Prior));
    }

    /// <summary>The person's own risk factors: those listed, and a vegetarian diet from the profile (a vegan one is
    /// listed by <see cref="AssessmentRequest.ToInput"/>).</summary>
    private static HashSet<string> OwnRiskFactors(AssessmentInput input)
    {
        var own = input.RiskFactors.ToHashSet(StringComparer.Ordinal);
        if (input.Person.Vegetarian && !own.Contains("vegan"))
        {
            own.Add("vegetarian");
        }

        return own;
    }

    /// <summary>Whether a risk link holds for the person: an endurance-only link is left out when the profile names a
    /// sport of another kind (kept when the sport is unknown).</summary>
    private static bool Applies(RiskFactorLink link, References.Person person) => link.AppliesIf switch
    {
        "" => true,
        "endurance_sport" => person.Sport is not { } id || !References.Sports.TryGet(id, out var sport) || sport.IsEndurance,
        var other => throw new InvalidDataException($"risk_factors.csv: unknown applies_if '{other}'"),
    };

    /// <summary>Base rates the profile implies: female (female_athlete: iron deficiency in 15-35% of female against
    /// 5-11% of male athletes, Peeling, Sim and McKay 2023); over 50 (older_age: IOM 1998 sets the B12 advice for food-bound
    /// B12 malabsorption from 51 years); running or triathlon at endurance volume (endurance_running,
    /// from the hours at which <see cref="Targets.TargetCalculator"/> applies endurance iron needs).</summary>
    public static IEnumerable<string> Implied(References.Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Sex == References.Sex.Female)
        {
            yield return "female_athlete";
        }

        if (person.AgeYears > 50)
        {
            yield return "older_age";
        }

        if (person.Sport is "running" or "triathlon" && person.TrainingHoursPerWeek >= Targets.TargetCalculator.EnduranceIronHoursPerWeek)
        {
            yield return "endurance_running";
        }
    }

    /// <summary>The evidence for and against one nutrient.</summary>
    private sealed class NutrientEvidence
    {
        public List<Evidence> For { get; } = [];

        public List<Evidence> Against { get; } = [];

        /// <summary>Evidence of the person's own (a lab, a risk factor, the diet), as opposed to symptoms and priors:
        /// without it a nutrient stays a weak signal.</summary>
        public bool IsPersonSpecific => For.Any(e => e.Kind is EvidenceKind.Lab or EvidenceKind.Diet || (e.Kind == EvidenceKind.RiskFactor && e.Points > 0));

        /// <summary>Labs that show the nutrient low, then the points of the person's own risk factors and diet: the
        /// order among findings of equal likelihood and score.</summary>
        public (int Labs, int Points) Specificity => (
            For.Count(e => e.Kind == EvidenceKind.Lab),
            For.Where(e => e.Kind is EvidenceKind.RiskFactor or EvidenceKind.Diet).Sum(e => e.Points));
    }
}
