using Replete.Knowledge;

namespace Replete.Assessment;

public static partial class RecoveryAssessor
{
    /// <summary>Each nutrient's likelihood from its score, then the caps: without evidence of the person's own (a lab, a
    /// risk factor, the diet) or in an emergency, at most a weak signal; with a lab that must be repeated and no clean
    /// one, at most possible. Ranked by likelihood, score, then the person's own evidence.</summary>
    private static List<NutrientFinding> Rank(Dictionary<string, NutrientEvidence> evidence, IReadOnlyList<LabReading> labs, Diet.DietAnalysis? diet, TriageLevel triage) =>
        [.. evidence
            .Select(e =>
            {
                var (nutrient, pieces) = (e.Key, e.Value);
                var score = pieces.For.Sum(p => p.Points) - pieces.Against.Sum(c => c.Points);
                var likelihood = score >= LikelyFrom ? Likelihood.Likely : score >= PossibleFrom ? Likelihood.Possible : score > 0 ? Likelihood.Weak : Likelihood.NotIndicated;
                // Symptoms are not specific: without a lab or a risk factor of the person's own, a nutrient stays a weak signal.
                if ((triage == TriageLevel.Emergency || !pieces.IsPersonSpecific) && likelihood > Likelihood.Weak)
                {
                    likelihood = Likelihood.Weak;
                }

                // A lab that must be repeated before it can be read (inflammation, hard training) cannot make a
                // deficiency likely; a lab that reads cleanly still can.
                var nutrientLabs = labs.Where(l => l.Nutrient == nutrient).ToList();
                if (likelihood == Likelihood.Likely && nutrientLabs.Any(l => l.RepeatAdvised)
                    && !nutrientLabs.Any(l => !l.RepeatAdvised && l.CountsForDeficiency && l.Status is LabStatus.Deficient or LabStatus.Low))
                {
                    likelihood = Likelihood.Possible;
                }

                // A high result of the nutrient's own marker, read cleanly (no inflammation, nothing to repeat) and with no
                // other lab showing it low, dominates: the deficiency is not indicated whatever the risks and symptoms
                // add up to, so the findings and the recovery systems agree with the plan that withholds the nutrient
                // (tester's report h50: ferritin 500 ug/L left iron "likely").
                var high = nutrientLabs.FirstOrDefault(l => l.Status == LabStatus.High && l.NormalRulesOut && l.CountsForDeficiency && !l.RepeatAdvised)
                    is { } h && !nutrientLabs.Any(l => l.CountsForDeficiency && l.Status is LabStatus.Deficient or LabStatus.Low) ? h : null;
                if (high is not null)
                {
                    likelihood = Likelihood.NotIndicated;
                }

                var finding = new NutrientFinding(nutrient, likelihood, score, [.. pieces.For], [.. pieces.Against], SettleIt(nutrient, labs, diet))
                {
                    Notes = [.. nutrientLabs.SelectMany(l => l.Caveats), .. high is null ? Array.Empty<Caveat>() : [new Caveat(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{high.Label} is high ({high.Value:0.##} {high.Unit}, above {high.High:0.##}): a deficiency is not indicated while it stays high, whatever the risks and symptoms add up to."), high.Source)]],
                };
                return (Finding: finding, pieces.Specificity);
            })
            .OrderByDescending(f => f.Finding.Likelihood)
            .ThenByDescending(f => f.Finding.Score)
            .ThenByDescending(f => f.Specificity) // person-specific evidence (labs, risk factors, diet) before symptoms
            .ThenBy(f => f.Finding.Nutrient, StringComparer.Ordinal)
            .Select(f => f.Finding)];

    /// <summary>Shortfalls that low energy availability causes: IOC 2018 (Maughan et al., Br J Sports Med 52:439-455,
    /// Table 1) lists low energy intake as a cause of iron deficiency, and RED-S (Holtzman &amp; Ackerman 2021, Sports
    /// Med 51 Suppl 1:S43-S57) adds calcium and vitamin D.</summary>
    private static readonly string[] EnergyConsequences = ["iron", "calcium", "vitamin_d"];

    private static readonly Caveat EnergyFirst = new(
        "Low energy availability can cause this shortfall: restoring energy intake comes first, and a supplement alone will not fix the cause",
        "Maughan et al. 2018, Br J Sports Med 52:439-455 (IOC consensus), Table 1; Holtzman & Ackerman 2021, Sports Med 51(Suppl 1):S43-S57 (RED-S)");

    /// <summary>A cause before its consequences: when energy is at least possible, it ranks ahead of the iron, calcium
    /// and vitamin D findings that are no more likely and that no lab or diet of the person's shows (those rest on risk
    /// factors and symptoms that low energy availability explains), and each of them names it.</summary>
    private static List<NutrientFinding> CauseFirst(List<NutrientFinding> ranked)
    {
        var energy = ranked.FirstOrDefault(f => f.Nutrient == "energy" && f.Likelihood >= Likelihood.Possible);
        if (energy is null)
        {
            return ranked;
        }

        bool Explained(NutrientFinding f) => EnergyConsequences.Contains(f.Nutrient) && f.Likelihood is > Likelihood.NotIndicated && f.Likelihood <= energy.Likelihood
            && !f.For.Any(e => e.Kind is EvidenceKind.Lab or EvidenceKind.Diet);
        var result = ranked.Where(f => !ReferenceEquals(f, energy)).Select(f => Explained(f) ? f with { Notes = [.. f.Notes, EnergyFirst] } : f).ToList();

        // Energy moves up to just before the first consequence as likely as it is, never down.
        var first = result.FindIndex(f => Explained(f) && f.Likelihood == energy.Likelihood);
        result.Insert(first < 0 ? ranked.IndexOf(energy) : Math.Min(first, ranked.IndexOf(energy)), energy);
        return result;
    }
}
