using System.Globalization;
using Replete.Knowledge;

namespace Replete.Assessment;

public static partial class RecoveryAssessor
{
    /// <summary>The safety of an intake on its own, for a diet analysis without an assessment (<c>replete analyze</c>):
    /// the levels where harm was seen that the intake reaches (data/harm_levels.csv, with the same rules as
    /// <see cref="Assess"/>: supplements only from an implausible log, children's levels scaled, pregnancy's levels in
    /// pregnancy), the red flags they raise and the triage those set. Symptoms, risk factors and labs are not asked for
    /// here, so a self-care triage says only that the intake reaches no such level.</summary>
    /// <param name="person">The person; the body mass judges iron's per-kg poisoning dose.</param>
    /// <param name="diet">The diet analysis, with the supplements.</param>
    /// <param name="knowledge">The knowledge base; the compiled default when null.</param>
    /// <returns>The triage, the red flags most urgent first, each possible excess at a harm level (or whose per-kg level
    /// wants a body mass), and the warnings for a missing body mass.</returns>
    public static IntakeSafety CheckIntake(References.Person person, Diet.DietAnalysis diet, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(diet);
        return Safety(person, diet.Nutrients, diet.Implausible, knowledge, atHarmLevelOnly: true);
    }

    /// <summary>The safety of one nutrient's intake on its own (<c>replete adequacy</c>), by the same excess check as
    /// <see cref="Assess"/>: the intake likely above the UL, the levels where harm was seen that it reaches, the red
    /// flags they raise and the triage those set. Unlike <see cref="CheckIntake(References.Person, Diet.DietAnalysis, KnowledgeBase?)"/>,
    /// whose diet table marks every intake above its UL, an intake above the UL with no level reached is listed too, with
    /// the advice an assessment gives for it: a one-nutrient check has no other place to say what to do.</summary>
    /// <param name="person">The person; the body mass judges iron's per-kg poisoning dose.</param>
    /// <param name="intake">The nutrient's intake, with its adequacy and UL check.</param>
    /// <param name="knowledge">The knowledge base; the compiled default when null.</param>
    public static IntakeSafety CheckIntake(References.Person person, Diet.NutrientIntake intake, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(intake);
        return Safety(person, [intake], null, knowledge, atHarmLevelOnly: false);
    }

    private static IntakeSafety Safety(References.Person person, IReadOnlyList<Diet.NutrientIntake> intakes, string? implausible, KnowledgeBase? knowledge, bool atHarmLevelOnly)
    {
        var kb = knowledge ?? KnowledgeBase.Default;
        List<ExcessFinding> excess = [.. Excess(new AssessmentInput(person, [], [], [], []), kb, [], intakes, implausible)
            .Where(e => !atHarmLevelOnly || e.Harm.Count > 0 || e.MassNeeded.Count > 0)];
        var (flags, triage) = RedFlags(kb, excess, new RaisedFlags([]));
        return new IntakeSafety(triage, flags, excess, [.. excess.SelectMany(e => e.MassNeeded)]);
    }

    /// <summary>Possible excess: a nutrient with an exposure (a risk factor whose effect is excess, a usual intake
    /// likely above the UL, or a lab above its upper cut-off), with the person's symptoms of excess for it
    /// (data/symptoms.csv direction "high"). A symptom of excess alone is not listed: without an exposure it says nothing.
    /// <paramref name="implausible"/> is why the intakes are not a real intake (<see cref="Diet.DietAnalysis.Implausible"/>),
    /// or null.</summary>
    private static List<ExcessFinding> Excess(AssessmentInput input, KnowledgeBase kb, IReadOnlyList<LabReading> labs, IReadOnlyList<Diet.NutrientIntake> intakes, string? implausible)
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
        var infantNotDeterminable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var intake in intakes)
        {
            // An infant's UL that IOM could not set ("ND") is no licence: IOM says the intake should come from food only.
            if (input.Person.AgeYears < 1 && intake.MeanFromSupplements > 0 && intake.Adequacy is { UpperLimit: null } && AdultUl(input.Person, intake.Nutrient.Id) is not null)
            {
                infantNotDeterminable.Add(intake.Nutrient.Id);
                fromSupplements.Add(intake.Nutrient.Id);
                Add(intake.Nutrient.Id, new Evidence(string.Create(CultureInfo.InvariantCulture,
                    $"{intake.MeanFromSupplements:#,0.##} {intake.Nutrient.Unit}/d from supplements for an infant, for whom IOM sets no UL (not determinable)"), LinkStrength.Strong, InfantNotDeterminableSource, EvidenceGrade.Primary)
                { Code = intake.Nutrient.Id });

                // With no infant UL to scale by, an adult level is the least an infant's intake is held to (h71 finding 3).
                var infantReached = kb.HarmLevels.Where(h => h.Nutrient == intake.Nutrient.Id && !h.PerKg && h.AppliesTo(input.Person) && h.ReachedBy(intake.MeanDaily ?? 0, null)).ToList();
                if (infantReached.Count > 0)
                {
                    harm[intake.Nutrient.Id] = [.. infantReached.Select(level => new HarmReached(level, string.Create(CultureInfo.InvariantCulture,
                        $"{intake.MeanDaily ?? 0:#,0.#} {intake.Nutrient.Unit}/d is {level.Comparison} {level.Level:#,0.##} {intake.Nutrient.Unit}/d for adults, {level.InWords()}, which an infant's intake is held to at the least: {level.Effect}"))
                    { Short = string.Create(CultureInfo.InvariantCulture, $"{intake.MeanDaily ?? 0:#,0.#} {intake.Nutrient.Unit}/d is {level.Comparison} {level.Level:#,0.##} {intake.Nutrient.Unit}/d for adults ({level.KindShort})") })];
                    foreach (var reach in harm[intake.Nutrient.Id])
                    {
                        Add(intake.Nutrient.Id, new Evidence(reach.Text, LinkStrength.Strong, reach.Level.Source, reach.Level.Evidence) { Code = intake.Nutrient.Id });
                    }
                }
            }

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

            // At a level where harm was seen, whether or not the UL is passed (B6: EFSA's reference point of 50 mg/d, from
            // which EFSA set its own UL of 12, is below IOM's UL of 100, which the text names): the most telling level
            // first (acute, then the others). From a log that is not a real intake
            // (DietAnalysis.Implausible: 98 kg of oatmeal a day) only what the supplements give counts: no one took that
            // food, and a referral must not rest on a typing slip.
            var dose = implausible is null ? ul.IntakeCompared : Math.Min(ul.IntakeCompared, intake.MeanFromSupplements);
            var mass = input.Person.BodyMassKg;
            // A level scaled for a child is Replete's estimate, judged whatever provides the intake: drops logged as a food
            // (a Cronometer row outside the supplement groups) are a dose all the same (h71 finding 1). It may send a
            // child eating fortified food to a doctor; a wrong all-clear is the worse error.
            var scale = ChildScale(input.Person, intake.Nutrient.Id, ul.Ul);
            var reached = kb.HarmLevels.Where(h => h.Nutrient == intake.Nutrient.Id && h.AppliesTo(input.Person) && h.ReachedBy(dose, mass, scale))
                .OrderByDescending(h => h.Kind == "acute").ToList();
            if (reached.Count > 0)
            {
                upperLimits.TryAdd(intake.Nutrient.Id, (ul, unit));
                harm[intake.Nutrient.Id] = [.. reached.Select(level =>
                {
                    var reach = string.Create(CultureInfo.InvariantCulture,
                        $"{Beside(dose, [level.For(mass, scale)!.Value])} {unit}/d{(dose < ul.IntakeCompared ? " from supplements" : "")} is {level.Comparison} {level.For(mass, scale):#,0.##} {unit}/d{(level.PerKg ? $" ({level.Level:0.##} {unit} per kg)" : "")}");
                    var scaled = level.PerKg || scale >= 1 ? "" : string.Create(CultureInfo.InvariantCulture,
                        $" for adults ({level.Level:#,0.##}), scaled by this age's UL to the adult UL ({ul.Ul:#,0.##} to {ul.Ul / scale:#,0.##}): Replete's estimate, as no source read gives a level for this age");
                    var stage = level.LifeStage == "pregnant" ? " in pregnancy" : "";
                    var applied = string.Create(CultureInfo.InvariantCulture, $"{ul.Ul:#,0.##} {unit}/d");
                    return new HarmReached(level, $"{reach}, {level.InWords(applied)}{scaled}{stage}: {level.Effect}") { Short = $"{reach} ({level.KindShort}{stage})" };
                })];
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
            var unjudged = massNeeded.GetValueOrDefault(e.Key) ?? [];
            var advice = infantNotDeterminable.Contains(e.Key) && !reached.Any(h => h.Level.Flag.Length > 0) && signs.Count == 0
                ? "IOM sets no UL for infants for this nutrient: there are no data on harm, and an infant may not handle excess amounts, so it should come from breast milk, formula and food only. Ask a doctor before giving this supplement."
                : Advice(e.Key, signs.Count > 0, upperLimits.TryGetValue(e.Key, out var ul) ? ul : null, reached, kb, fromSupplements.Contains(e.Key), input.Person, poisoningUnjudged: unjudged.Count > 0);

            return new ExcessFinding(e.Key, [.. e.Value, .. symptoms], advice)
            {
                Signs = signs,
                Harm = reached,
                MassNeeded = unjudged,
                FromFoodAlone = !fromSupplements.Contains(e.Key) && reached.Count == 0 && signs.Count == 0 && unjudged.Count == 0 && e.Value.All(v => v.Code == e.Key),
            };
        })];
    }

    /// <summary>What to do about a possible excess of <paramref name="nutrient"/>, most telling first: at a level where
    /// harm was seen (a doctor, or for a mild effect, lowering the dose), with symptoms of it (a doctor), above the UL
    /// (lower the supplement to keep the total under it), or only a risk factor (check the total). Folic acid above its
    /// UL also gets IOM's reason for it: it hides the anaemia of a B12 deficiency while nerve damage goes on (IOM 1998
    /// p.280), so B12 is to be checked.</summary>
    /// <remarks>Where a per-kg poisoning level could not be judged (<paramref name="poisoningUnjudged"/>), the advice starts
    /// by saying so and never says "keep to" a prescribed dose (h71 finding 2).</remarks>
    private static string Advice(string nutrient, bool withSymptoms, (Intake.UpperLimitCheck Check, string Unit)? ul, List<HarmReached> reached, KnowledgeBase kb, bool supplemented, References.Person person, bool poisoningUnjudged)
    {
        var levels = kb.HarmLevels.Where(h => h.Nutrient == nutrient && h.AppliesTo(person)).ToList();
        // What to lower: the supplement where one supplies it, else the foods (250 g of liver a day has no supplement).
        // Folic acid from fortified food counts toward the folate UL with the supplements' (IOM 1998 ch.8), so where food
        // gives some, the fortified foods are named with the supplement.
        var fortified = ul?.Check.FromFortifiedFood > 0;
        var source = supplemented && fortified ? "the supplement and the fortified foods that provide it (see the diet analysis)"
            : fortified ? "the fortified foods that provide it (see the diet analysis)"
            : supplemented ? "the supplement that provides it" : "the foods that provide most of it (see the diet analysis)";
        var amount = ul is { } u ? string.Create(CultureInfo.InvariantCulture, $" ({Beside(u.Check.IntakeCompared, [u.Check.Ul, .. levels.Where(h => !h.PerKg).Select(h => h.Level)])} {u.Unit}/d; UL {u.Check.Ul:#,0.##})") : "";
        var b12 = nutrient == "folate"
            ? " Folic acid above the UL can hide the anaemia of a vitamin B12 deficiency while nerve damage goes on: ask for a B12 test before continuing (IOM 1998 p.280)."
            : "";
        var why = b12.Length == 0 && levels.Where(h => h.Kind != "acute").OrderByDescending(h => h.LifeStage.Length).FirstOrDefault() is { } guard ? $" The UL guards against {guard.Effect}." : "";
        var severe = reached.FirstOrDefault(h => h.Level.Flag.Length > 0);
        // At a harm level the red flag speaks for a prescribed dose ("ask them"); "keep to it" would contradict it.
        var prescribed = ul is not null && supplemented && severe is null && !poisoningUnjudged ? " " + Intake.UpperLimitCheck.MedicalSupervision : "";
        var text = severe is not null
            ? $"{Capitalized(severe.Text)}. Do not take more; show this to a doctor and ask whether to stop {source}."
            : withSymptoms
                ? $"Possible excess{amount}, with symptoms of it. Show this to a doctor and ask about stopping the supplement that provides it; do not add more."
                : reached.Count > 0
                    ? $"{Capitalized(reached[0].Text)}. Lower {source} until the total is under the UL of {ul?.Check.Ul.ToString("#,0.##", CultureInfo.InvariantCulture)}; the effect stops when the dose is lowered."
                    : ul is not null
                        ? $"Likely above the UL{amount}, the most that carries no risk for almost everyone. Lower {source} until the total is under the UL.{why}"
                        : "Possible excess. Check the total from food and supplements against the UL (a diet analysis that includes the supplements) before taking more.";
        return (poisoningUnjudged ? "A poisoning level could not be judged without a body mass (see Check): give body_mass_kg, and take no more until it is judged. " : "") + text + b12 + prescribed;
    }

    /// <summary>The ratio of the person's UL to the adult UL for <paramref name="nutrient"/> where the person is under
    /// 19 and the UL for their age is lower (IOM's ULs by life stage, data/dri.csv), else 1: an adult harm level is
    /// scaled by it for a child or adolescent (data/harm_levels.csv, header).</summary>
    private static double ChildScale(References.Person person, string nutrient, double ul)
    {
        if (person.AgeYears >= 19)
        {
            return 1;
        }

        return AdultUl(person, nutrient) is { } adultUl && ul < adultUl ? ul / adultUl : 1;
    }

    /// <summary>The UL of an adult (30 years, not pregnant) of the person's sex for <paramref name="nutrient"/>, or null.</summary>
    private static double? AdultUl(References.Person person, string nutrient) =>
        References.DriTable.Default.Find(References.LifeStages.For(new References.Person(30, person.Sex)).Id, nutrient)?.Ul;

    /// <summary>IOM's footnote to every DRI table of ULs, for "ND" at 0-12 months.</summary>
    private const string InfantNotDeterminableSource = "IOM DRI reports, table of ULs, footnote to ND (e.g. IOM 2000, doi:10.17226/9810, Summary Table): \"not determinable due to lack of data of adverse effects in this age group and concern with regard to lack of ability to handle excess amounts. Source of intake should be from food only to prevent high levels of intake\"";

    /// <summary>An intake shown beside the levels it is compared with: with one decimal, or with as many more (up to
    /// four) as it takes not to read as one of them (59.99 is not shown as "60" beside a LOAEL of 60, nor 250.04 as
    /// "250" beside a NOAEL of 250).</summary>
    private static string Beside(double intake, IReadOnlyCollection<double> levels)
    {
        var format = "#,0.#";
        for (var decimals = 1; decimals <= 4; decimals++)
        {
            format = "#,0." + new string('#', decimals);
            var shown = intake.ToString(format, CultureInfo.InvariantCulture);
            if (!levels.Any(level => level != intake && level.ToString(format, CultureInfo.InvariantCulture) == shown))
            {
                break;
            }
        }

        return intake.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>A level where harm was seen that an intake reaches, with the sentence that says by how much.</summary>
/// <param name="Level">The level (data/harm_levels.csv).</param>
/// <param name="Text">"50,000 mg/d is at or above 60 mg/d, the lowest intake at which harm was seen (IOM's LOAEL): ...".</param>
internal sealed record HarmReached(HarmLevel Level, string Text)
{
    /// <summary>The comparison without the effect, for the red flag ("62.2 mg/d is at or above 60 mg/d (IOM's LOAEL)"): the
    /// effect is said once, with the possible excess (h68 finding 17).</summary>
    public string Short { get; init; } = Text;
}

/// <summary>What an intake alone says about safety (<see cref="RecoveryAssessor.CheckIntake(References.Person, Diet.DietAnalysis, KnowledgeBase?)"/> for a diet, or its overload for one nutrient).</summary>
/// <param name="Triage">Self-care where no level is reached; else the level of the most urgent flag.</param>
/// <param name="RedFlags">The flags raised, most urgent first, each naming the intake and level that raised it.</param>
/// <param name="Excess">Each nutrient at a level where harm was seen, with what to do.</param>
/// <param name="Warnings">Levels that could not be judged (iron's per-kg poisoning dose without a body mass).</param>
public sealed record IntakeSafety(TriageLevel Triage, IReadOnlyList<RedFlag> RedFlags, IReadOnlyList<ExcessFinding> Excess, IReadOnlyList<string> Warnings);
