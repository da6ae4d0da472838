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

        var upperLimits = new Dictionary<string, (Intake.UpperLimitCheck Check, string Unit)>();
        var harm = new Dictionary<string, List<HarmReached>>();
        var fromSupplements = new HashSet<string>(StringComparer.Ordinal);
        var massNeeded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var intake in diet?.Nutrients ?? [])
        {
            if (intake.Adequacy?.UpperLimit is not { Judged: true } ul)
            {
                continue;
            }

            var unit = intake.Nutrient.Unit;
            if (intake.MeanFromSupplements > 0)
            {
                fromSupplements.Add(intake.Nutrient.Id);
            }

            if (ul.LikelyExcess)
            {
                upperLimits[intake.Nutrient.Id] = (ul, unit);
                Add(intake.Nutrient.Id, new Evidence(string.Create(CultureInfo.InvariantCulture,
                    $"Intake likely above the UL of {ul.Ul:0.##} {unit}/d ({ul.Note})"), LinkStrength.Strong, "IOM/NASEM Dietary Reference Intakes, tolerable upper intake levels (data/dri.csv)", EvidenceGrade.Primary)
                { Code = intake.Nutrient.Id });
            }

            // At a level where harm was seen, whether or not the UL is passed (B6: EFSA's 50 mg/d is below IOM's UL of
            // 100): the most telling level first (acute, then LOAEL/NOAEL). From a log that is not a real intake
            // (DietAnalysis.Implausible: 98 kg of oatmeal a day) only what the supplements give counts: no one took that
            // food, and a referral must not rest on a typing slip.
            var dose = diet!.Implausible is null ? ul.IntakeCompared : Math.Min(ul.IntakeCompared, intake.MeanFromSupplements);
            var mass = input.Person.BodyMassKg;
            var reached = kb.HarmLevels.Where(h => h.Nutrient == intake.Nutrient.Id && h.ReachedBy(dose, mass))
                .OrderByDescending(h => h.Kind == "acute").ToList();
            if (reached.Count > 0)
            {
                upperLimits.TryAdd(intake.Nutrient.Id, (ul, unit));
                harm[intake.Nutrient.Id] = [.. reached.Select(level => new HarmReached(level, string.Create(CultureInfo.InvariantCulture,
                    $"{dose:#,0.#} {unit}/d{(dose < ul.IntakeCompared ? " from supplements" : "")} is {(level.Kind == "noael" ? "above" : "at or above")} {level.For(mass):#,0.##} {unit}/d{(level.PerKg ? $" ({level.Level:0.##} {unit} per kg)" : "")}, {level.KindInWords}: {level.Effect}")))];
                foreach (var reach in harm[intake.Nutrient.Id])
                {
                    Add(intake.Nutrient.Id, new Evidence(reach.Text, LinkStrength.Strong, reach.Level.Source, reach.Level.Evidence) { Code = intake.Nutrient.Id });
                }
            }

            // A per-kg level (iron poisoning) cannot be judged without a body mass: the person is told, never reassured.
            foreach (var level in kb.HarmLevels.Where(h => h.Nutrient == intake.Nutrient.Id && h.PerKg && mass is null && dose > ul.Ul))
            {
                var unjudged = new Evidence(string.Create(CultureInfo.InvariantCulture,
                    $"Body mass not given: at {level.Level:0.##} {unit} per kg of body mass a day, {level.Effect}; {dose:#,0.#} {unit}/d reaches that at {dose / level.Level:0.#} kg or less. Give body_mass_kg in the profile."), LinkStrength.Strong, level.Source, level.Evidence)
                { Code = intake.Nutrient.Id };
                Add(intake.Nutrient.Id, unjudged);
                massNeeded.TryAdd(intake.Nutrient.Id, []);
                massNeeded[intake.Nutrient.Id].Add($"{unjudged.What} ({unjudged.Source})");
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
            var reached = harm.GetValueOrDefault(e.Key) ?? [];
            var advice = Advice(e.Key, signs.Count > 0, upperLimits.TryGetValue(e.Key, out var ul) ? ul : null, reached, kb, fromSupplements.Contains(e.Key));
            return new ExcessFinding(e.Key, [.. e.Value, .. symptoms], advice) { Signs = signs, Harm = reached, MassNeeded = massNeeded.GetValueOrDefault(e.Key) ?? [] };
        })];
    }

    /// <summary>What to do about a possible excess of <paramref name="nutrient"/>, most telling first: at a level where
    /// harm was seen (a doctor, or for a mild effect, lowering the dose), with symptoms of it (a doctor), above the UL
    /// (lower the supplement to keep the total under it), or only a risk factor (check the total). Folic acid above its
    /// UL also gets IOM's reason for it: it hides the anaemia of a B12 deficiency while nerve damage goes on (IOM 1998
    /// p.280), so B12 is to be checked.</summary>
    private static string Advice(string nutrient, bool withSymptoms, (Intake.UpperLimitCheck Check, string Unit)? ul, List<HarmReached> reached, KnowledgeBase kb, bool supplemented)
    {
        // What to lower: the supplement where one supplies it, else the foods (250 g of liver a day has no supplement).
        var source = supplemented ? "the supplement that provides it" : "the foods that provide most of it (see the diet analysis)";
        var amount = ul is { } u ? string.Create(CultureInfo.InvariantCulture, $" ({u.Check.IntakeCompared:#,0.#} {u.Unit}/d; UL {u.Check.Ul:#,0.##})") : "";
        var b12 = nutrient == "folate"
            ? " Folic acid above the UL can hide the anaemia of a vitamin B12 deficiency while nerve damage goes on: ask for a B12 test before continuing (IOM 1998 p.280)."
            : "";
        var why = b12.Length == 0 && kb.HarmLevels.FirstOrDefault(h => h.Nutrient == nutrient && h.Kind != "acute") is { } guard ? $" The UL guards against {guard.Effect}." : "";
        var severe = reached.FirstOrDefault(h => h.Level.Flag.Length > 0);
        // At a harm level the red flag speaks for a prescribed dose ("ask them"); "keep to it" would contradict it.
        var prescribed = ul is not null && supplemented && severe is null ? " " + Intake.UpperLimitCheck.MedicalSupervision : "";
        var text = severe is not null
            ? $"{Capitalized(severe.Text)}. Do not take more; show this to a doctor and ask whether to stop {source}."
            : withSymptoms
                ? $"Possible excess{amount}, with symptoms of it. Show this to a doctor and ask about stopping the supplement that provides it; do not add more."
                : reached.Count > 0
                    ? $"{Capitalized(reached[0].Text)}. Lower {source} until the total is under the UL of {ul?.Check.Ul.ToString("#,0.##", CultureInfo.InvariantCulture)}; the effect stops when the dose is lowered."
                    : ul is not null
                        ? $"Likely above the UL{amount}, the most that carries no risk for almost everyone. Lower {source} until the total is under the UL.{why}"
                        : "Possible excess. Check the total from food and supplements against the UL (a diet analysis that includes the supplements) before taking more.";
        return text + b12 + prescribed;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>A level where harm was seen that an intake reaches, with the sentence that says by how much.</summary>
/// <param name="Level">The level (data/harm_levels.csv).</param>
/// <param name="Text">"50,000 mg/d is at or above 60 mg/d, the lowest intake at which harm was seen (LOAEL): ...".</param>
internal sealed record HarmReached(HarmLevel Level, string Text);
