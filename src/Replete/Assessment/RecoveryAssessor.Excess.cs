using System.Globalization;
using Replete.Knowledge;

namespace Replete.Assessment;

public static partial class RecoveryAssessor
{
    /// <summary>Possible excess: a nutrient with an exposure (a risk factor whose effect is excess, a usual intake
    /// likely above the UL, or a lab above its upper cut-off), with the person's symptoms of excess for it
    /// (data/symptoms.csv direction "high"). A symptom of excess alone is not listed: without an exposure it says nothing.</summary>
    private static List<ExcessFinding> Excess(AssessmentInput input, KnowledgeBase kb, IReadOnlyList<LabReading> labs, Diet.DietAnalysis? diet)
    {
        var exposures = new Dictionary<string, List<Evidence>>();
        void Add(string nutrient, Evidence evidence)
        {
            if (!exposures.TryGetValue(nutrient, out var list))
            {
                exposures[nutrient] = list = [];
            }

            list.Add(evidence with { Kind = EvidenceKind.Exposure });
        }

        foreach (var link in kb.RiskFactors.Where(r => r.Effect == "excess" && input.RiskFactors.Contains(r.RiskId)))
        {
            Add(link.Nutrient, new Evidence($"{link.Label}: {link.Note}", link.Strength, link.Source, link.Evidence) { Code = link.RiskId });
        }

        foreach (var intake in diet?.Nutrients ?? [])
        {
            if (intake.Adequacy?.UpperLimit is { LikelyExcess: true } ul)
            {
                Add(intake.Nutrient.Id, new Evidence(string.Create(CultureInfo.InvariantCulture,
                    $"Intake likely above the UL of {ul.Ul:0.##} {intake.Nutrient.Unit}/d ({ul.Note})"), LinkStrength.Strong, "IOM/NASEM Dietary Reference Intakes, tolerable upper intake levels (data/dri.csv)", EvidenceGrade.Primary)
                { Code = intake.Nutrient.Id });
            }
        }

        foreach (var lab in labs.Where(l => l.Nutrient.Length > 0 && l.Status == LabStatus.High && l.HighIsExcess))
        {
            Add(lab.Nutrient, new Evidence(string.Create(CultureInfo.InvariantCulture, $"{lab.Label} {lab.Value:0.##} {lab.Unit}, above {lab.High:0.##}"), LinkStrength.Strong, lab.Source, lab.Evidence) { Code = lab.Biomarker });
        }

        return [.. exposures.Select(e =>
        {
            List<SymptomLink> signs = [.. kb.Symptoms.Where(s => s.Direction == "high" && s.Nutrient == e.Key && input.Symptoms.Contains(s.SymptomId))];
            var symptoms = signs.Select(s => new Evidence($"{s.Label}: a sign of excess ({s.Strength.ToString().ToLowerInvariant()} link)", s.Strength, s.Source, s.Evidence)
            {
                Kind = EvidenceKind.Symptom,
                Code = s.SymptomId,
            });
            var name = e.Key.Replace('_', ' ');
            var advice = signs.Count > 0
                ? $"{name}: possible excess, with symptoms of it. Show this to a doctor and ask about stopping the supplement that provides it; do not add more."
                : $"{name}: possible excess. Check the total from food and supplements against the UL (a diet analysis that includes the supplements) before taking more.";
            return new ExcessFinding(e.Key, [.. e.Value, .. symptoms], advice) { Signs = signs };
        })];
    }
}
