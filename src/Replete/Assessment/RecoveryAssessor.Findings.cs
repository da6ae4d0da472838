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

                var finding = new NutrientFinding(nutrient, likelihood, score, [.. pieces.For], [.. pieces.Against], SettleIt(nutrient, labs, diet))
                {
                    Notes = [.. nutrientLabs.SelectMany(l => l.Caveats)],
                };
                return (Finding: finding, pieces.Specificity);
            })
            .OrderByDescending(f => f.Finding.Likelihood)
            .ThenByDescending(f => f.Finding.Score)
            .ThenByDescending(f => f.Specificity) // person-specific evidence (labs, risk factors, diet) before symptoms
            .ThenBy(f => f.Finding.Nutrient, StringComparer.Ordinal)
            .Select(f => f.Finding)];
}
