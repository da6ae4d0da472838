using Replete.Knowledge;

namespace Replete.Assessment;

/// <summary>Combines symptoms, risk factors and labs into ranked recovery bottlenecks, red flags first.</summary>
/// <remarks>
/// <para>The literature gives no likelihood ratios for these links (data/KNOWLEDGE.md), so the combination is an
/// explainable ordinal score, not a probability: each sign or risk adds 3, 2 or 1 points by its strength (strong,
/// moderate, weak); a lab dominates, adding 8 when deficient and 5 when low, and taking 8 away when normal; a lab whose
/// cut-off is unverified counts half, and one read against a conditional cut-off (data/lab_confounders.csv: ferritin
/// with raised CRP or restless legs) counts 3, like a strong sign. A score of 8
/// or more is "likely", 4 or more "possible", above 0 "weak". These weights are Replete's design, stated here and in the
/// report, not numbers from science; every piece of evidence carries its own source and grade.</para>
/// <para>Red flags come first: reported flags, plus flags the labs raise (ferritin below the deficiency cut-off, or
/// haemoglobin below the low cut-off, is <c>anaemia_or_very_low_ferritin</c>). Any flag stops self-treatment advice.</para>
/// </remarks>
public static class RecoveryAssessor
{
    private static readonly IReadOnlyList<(string Biomarker, double Below, double Above, string Flag, string[] Unless, string Source)> CriticalValues = Data.ReferenceData.Read("critical_labs.csv")
        .Select(row => (row.Text("biomarker"), row.OptionalNumber("below") ?? double.NegativeInfinity, row.OptionalNumber("above") ?? double.PositiveInfinity, row.Text("flag"),
            row.Text("unless").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), row.Text("source")))
        .ToArray();

    private const int LabDeficient = 8;
    private const int LabLow = 5;
    private const int LabNormal = -8;
    private const int LabConditional = 3;
    private const int LikelyFrom = 8;
    private const int PossibleFrom = 4;

    /// <summary>Assesses <paramref name="input"/> against <paramref name="knowledge"/> (the compiled default when null).</summary>
    /// <exception cref="ArgumentException">An unknown symptom, risk factor, red flag or lab: input from a person is
    /// checked first by <see cref="AssessmentRequest"/>, so this is a programming error.</exception>
    public static RecoveryAssessment Assess(AssessmentInput input, KnowledgeBase? knowledge = null, Diet.DietAnalysis? diet = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kb = knowledge ?? KnowledgeBase.Default;
        Check(kb, input.Symptoms, KnowledgeIdKind.Symptom);
        Check(kb, input.RiskFactors, KnowledgeIdKind.RiskFactor);
        Check(kb, input.RedFlags, KnowledgeIdKind.RedFlag);
        var pregnant = input.Person.Reproductive == References.ReproductiveStatus.Pregnant;
        List<LabReading> labs = [.. LabConfounders.Apply([.. input.Labs.Select(l => LabReading.Read(l, input.Person.Sex, input.Person.AgeYears, input.Sample, pregnant))], input.Sample, input.Symptoms, input.RiskFactors)];

        var circumstances = new Circumstances(labs, input.Symptoms, input.RiskFactors, input.Sample);
        var flags = input.RedFlags.ToHashSet(StringComparer.Ordinal);
        // What raised each flag, and on which source: shown with the flag so it can be traced.
        var raisedBy = new Dictionary<string, List<(string What, string Source)>>(StringComparer.Ordinal);
        void Raise(string flag, string what, string source)
        {
            flags.Add(flag);
            if (!raisedBy.TryGetValue(flag, out var list))
            {
                raisedBy[flag] = list = [];
            }

            list.Add((what, source));
        }

        var sexName = input.Person.Sex == References.Sex.Female ? "female" : "male";
        var triageOf = kb.RedFlags.ToDictionary(f => f.FlagId, f => f.Triage, StringComparer.Ordinal);
        for (var i = 0; i < labs.Count; i++)
        {
            // A stratum's own rows (hemoglobin.pregnant, ferritin.female) replace the analyte's.
            var lab = labs[i];
            var baseId = lab.Biomarker.Split('.')[0];
            var own = CriticalValues.Where(c => c.Biomarker == lab.Biomarker || c.Biomarker == $"{baseId}.{sexName}").ToList();
            var rows = (own.Count > 0 ? own : CriticalValues.Where(c => c.Biomarker == baseId)).Where(c => lab.Value < c.Below || lab.Value > c.Above).ToList();

            // A value above such a row reads high, even where a companion test excuses the flag (ferritin 800).
            if (rows.Where(r => lab.Value > r.Above).Select(r => (double?)r.Above).Min() is { } above && lab.Status == LabStatus.Normal)
            {
                labs[i] = lab = lab with { Status = LabStatus.High, High = above };
            }

            // One flag per result: the most urgent row that is not excused (sodium 128 is critical, not also "soon").
            var live = rows.Where(r => !r.Unless.Any(circumstances.Hold)).ToList();
            if (live.Count > 0)
            {
                var fired = live.MaxBy(r => triageOf.GetValueOrDefault(r.Flag));
                var bound = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(lab.Value < fired.Below ? $"below {fired.Below:0.##}" : $"above {fired.Above:0.##}")}");
                Raise(fired.Flag, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lab.Label} {lab.Value:0.##} {lab.Unit}, {bound}"), fired.Source);
            }
        }

        if (labs.Any(l => (l.Biomarker == "ferritin" && l.Status == LabStatus.Deficient) || (l.Biomarker.StartsWith("hemoglobin", StringComparison.Ordinal) && l.Status is LabStatus.Low or LabStatus.Deficient)))
        {
            flags.Add("anaemia_or_very_low_ferritin");
        }

        var excess = Excess(input, kb, labs, diet);
        foreach (var finding in excess.Where(e => e.WithSymptoms))
        {
            Raise("symptoms_of_excess", $"{finding.Nutrient.Replace('_', ' ')}: {string.Join(", ", finding.Signs.Select(s => s.Label))}", string.Join("; ", finding.Signs.Select(s => s.Source).Distinct()));
        }

        var redFlags = kb.RedFlags.Where(f => flags.Contains(f.FlagId))
            .Select(f => raisedBy.TryGetValue(f.FlagId, out var by)
                ? f with { Message = $"{f.Message} ({string.Join("; ", by.Select(b => b.What))})", Source = string.Join("; ", by.Select(b => b.Source).Distinct()) }
                : f)
            .OrderByDescending(f => f.Triage)
            .ToList();
        var triage = kb.Triage(flags);

        var evidenceFor = new Dictionary<string, List<(Evidence Evidence, int Points)>>();
        var evidenceAgainst = new Dictionary<string, List<(Evidence Evidence, int Points)>>();
        void Add(Dictionary<string, List<(Evidence, int)>> into, string nutrient, Evidence evidence, int points)
        {
            if (!into.TryGetValue(nutrient, out var list))
            {
                into[nutrient] = list = [];
            }

            list.Add((evidence, points));
        }

        foreach (var link in kb.Symptoms.Where(s => input.Symptoms.Contains(s.SymptomId) && s.Direction == "low"))
        {
            // Some links are strong only in a condition (breathlessness for iron only with anaemia): otherwise weak.
            var holds = circumstances.Hold(link.StrongOnlyIf);
            var strength = holds ? link.Strength : LinkStrength.Weak;
            var what = link.Evidence == EvidenceGrade.Unverified && strength != LinkStrength.Weak ? $"{link.Label} (unverified {link.Strength.ToString().ToLowerInvariant()} link: counted as weak)"
                : holds ? $"{link.Label} ({link.Strength.ToString().ToLowerInvariant()} link)"
                : $"{link.Label} (weak here: {link.Strength.ToString().ToLowerInvariant()} only with {Circumstances.Describe(link.StrongOnlyIf)})";
            Add(evidenceFor, link.Nutrient, new Evidence(what, strength, link.Source, link.Evidence), Points(strength, link.Evidence));
        }

        // The prior by sex, age and sport: base rates the profile implies, unless the person listed them.
        var implied = Implied(input.Person).Where(id => !input.RiskFactors.Contains(id)).ToList();
        // The profile's diet is the person's own fact, not a base rate: it counts as if they had listed it.
        string[] eats = input.Person.Vegetarian && !input.RiskFactors.Contains("vegan") && !input.RiskFactors.Contains("vegetarian") ? ["vegetarian"] : [];
        input = input with { RiskFactors = [.. input.RiskFactors, .. eats, .. implied] };
        foreach (var link in kb.RiskFactors.Where(r => input.RiskFactors.Contains(r.RiskId) && Applies(r, input.Person)))
        {
            var evidence = new Evidence(link.Evidence == EvidenceGrade.Unverified && link.Strength != LinkStrength.Weak
                ? $"{link.Label}: {link.Effect.Replace('_', ' ')} (unverified {link.Strength.ToString().ToLowerInvariant()}: counted as weak)"
                : $"{link.Label}: {link.Effect.Replace('_', ' ')} ({link.Strength.ToString().ToLowerInvariant()}){(implied.Contains(link.RiskId) ? ", a prior from the profile: counted as weak" : "")}", link.Strength, link.Source, link.Evidence);
            switch (link.Effect)
            {
                // A prior the profile implies is a base rate, not something the person reported: it counts as weak.
                case "raises" when implied.Contains(link.RiskId):
                    Add(evidenceFor, link.Nutrient, evidence, Points(LinkStrength.Weak));
                    break;
                case "raises":
                    Add(evidenceFor, link.Nutrient, evidence, Points(link.Strength, link.Evidence));
                    break;
                case "lowers":
                    Add(evidenceAgainst, link.Nutrient, evidence, Points(link.Strength, link.Evidence));
                    break;
            }
        }

        foreach (var lab in labs.Where(l => l.Nutrient.Length > 0))
        {
            var what = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{lab.Label} {lab.Value:0.##} {lab.Unit} ({lab.StatusLabel}{(lab.ConditionalCutoff ? $" against the conditional cut-off {lab.Low:0.##}" : "")})");
            var evidence = new Evidence(what, LinkStrength.Strong, lab.Source, lab.Evidence);
            switch (lab.Status)
            {
                case LabStatus.Deficient or LabStatus.Low when !lab.CountsForDeficiency:
                    break;
                case LabStatus.Low or LabStatus.Deficient when lab.Nonspecific:
                    Add(evidenceFor, lab.Nutrient, evidence with { What = $"{evidence.What}: does not show its cause" }, LabPoints(LabConditional, lab));
                    break;
                case LabStatus.Low when lab.ConditionalCutoff:
                    Add(evidenceFor, lab.Nutrient, evidence, LabPoints(LabConditional, lab));
                    break;
                case LabStatus.Deficient:
                    Add(evidenceFor, lab.Nutrient, evidence, LabPoints(LabDeficient, lab));
                    break;
                case LabStatus.Low:
                    Add(evidenceFor, lab.Nutrient, evidence, LabPoints(LabLow, lab));
                    break;
                // A normal screening test does not cancel an abnormal confirmatory one (B12 normal, MMA high).
                case LabStatus.Normal when lab.NormalRulesOut && !labs.Any(l => l.Nutrient == lab.Nutrient && l.CountsForDeficiency && l.Status is LabStatus.Deficient or LabStatus.Low):
                    Add(evidenceAgainst, lab.Nutrient, evidence, LabPoints(-LabNormal, lab));
                    break;
            }
        }

        // An emergency stops every nutrition claim: the emergency is the message.
        var specific = new Dictionary<string, int>();
        foreach (var lab in labs.Where(l => l.Nutrient.Length > 0 && l.CountsForDeficiency && l.Status is LabStatus.Deficient or LabStatus.Low))
        {
            specific[lab.Nutrient] = specific.GetValueOrDefault(lab.Nutrient) + 100;
        }

        foreach (var link in kb.RiskFactors.Where(r => input.RiskFactors.Contains(r.RiskId) && Applies(r, input.Person) && r.Effect == "raises" && !implied.Contains(r.RiskId)))
        {
            specific[link.Nutrient] = specific.GetValueOrDefault(link.Nutrient) + Points(link.Strength, link.Evidence);
        }

        // The diet: the probability that usual intake is adequate (IOM 2000), person-specific like a risk factor.
        // Below 50 % counts for a shortfall (moderate); 90 % or more counts against it. An AI test only ever speaks
        // against a shortfall: it cannot show inadequacy (IOM 2000 p.199); nor does an estimated intake (% Daily Value)
        // or one that few foods report. The 50 % and 90 % marks are Replete's design, like the weights above.
        foreach (var intake in diet?.Nutrients ?? [])
        {
            if (intake.Adequacy?.Probability is not { } p)
            {
                continue;
            }

            var what = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Diet: P(adequate) {p:P0} over {intake.Days} day(s), mean {intake.MeanDaily:0.##} {intake.Nutrient.Unit}/d{(intake.Coverage < Diet.DietAnalyzer.LowCoverage ? " (a lower bound: few foods report it)" : "")}");
            var evidence = new Evidence(what, LinkStrength.Moderate, "IOM 2000, DRIs: Applications in Dietary Assessment, Appendix B (probability of adequacy)", EvidenceGrade.Primary);
            if (p < 0.5 && intake.Adequacy.Method != Intake.AdequacyMethod.AiTest && intake.Coverage >= Diet.DietAnalyzer.LowCoverage && !intake.HasEstimates)
            {
                Add(evidenceFor, intake.Nutrient.Id, evidence, Points(LinkStrength.Moderate));
                specific[intake.Nutrient.Id] = specific.GetValueOrDefault(intake.Nutrient.Id) + Points(LinkStrength.Moderate);
            }
            else if (p >= 0.9)
            {
                Add(evidenceAgainst, intake.Nutrient.Id, evidence, Points(LinkStrength.Moderate));
            }
        }

        var findings = evidenceFor.Keys.Union(evidenceAgainst.Keys)
            .Select(nutrient =>
            {
                var pro = evidenceFor.GetValueOrDefault(nutrient) ?? [];
                var con = evidenceAgainst.GetValueOrDefault(nutrient) ?? [];
                var score = pro.Sum(p => p.Points) - con.Sum(c => c.Points);
                var likelihood = score >= LikelyFrom ? Likelihood.Likely : score >= PossibleFrom ? Likelihood.Possible : score > 0 ? Likelihood.Weak : Likelihood.NotIndicated;
                // Symptoms are not specific: without a lab or a risk factor of the person's own, a nutrient stays a weak signal.
                if ((triage == TriageLevel.Emergency || !specific.ContainsKey(nutrient)) && likelihood > Likelihood.Weak)
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

                return new NutrientFinding(nutrient, likelihood, score, [.. pro.Select(p => p.Evidence)], [.. con.Select(c => c.Evidence)], SettleIt(nutrient, labs, diet))
                {
                    Notes = [.. labs.Where(l => l.Nutrient == nutrient).SelectMany(l => l.Caveats)],
                };
            })
            .OrderByDescending(f => f.Likelihood)
            .ThenByDescending(f => f.Score)
            .ThenByDescending(f => specific.GetValueOrDefault(f.Nutrient)) // person-specific evidence (labs, risk factors) before symptoms
            .ThenBy(f => f.Nutrient, StringComparer.Ordinal)
            .ToList();

        var systems = kb.RecoverySystems
            .GroupBy(s => (s.System, s.Label))
            .Select(g =>
            {
                var nutrients = g.Select(s => s.Nutrient).ToList();
                var limiting = findings.FirstOrDefault(f => nutrients.Contains(f.Nutrient) && f.Likelihood >= Likelihood.Possible);
                var status = limiting is null ? "no nutrient indicated" : $"limited by {limiting.Nutrient.Replace('_', ' ')} ({limiting.Likelihood.ToString().ToLowerInvariant()})";
                return new SystemStatus(g.Key.System, g.Key.Label, status, limiting?.Nutrient, nutrients);
            })
            .ToList();

        var symptoms = input.Symptoms.Concat(input.RiskFactors).Concat(input.RedFlags).ToHashSet(StringComparer.Ordinal);
        // Energy-availability targets (45 kcal/kg FFM/d) are not for pregnancy, so RED-S is not suggested then.
        var others = kb.OtherCauses.Where(c => c.SuggestedBy.Any(s => symptoms.Contains(s.Split(' ')[0])) && !(pregnant && c.CauseId == "low_energy_availability")).ToList();

        var next = new List<string>();
        if (triage != TriageLevel.SelfCare)
        {
            next.Add(triage == TriageLevel.Emergency
                ? "Get emergency care now. Do not start or change supplements for these symptoms."
                : triage == TriageLevel.SeeDoctorToday
                    ? "See a doctor today, before acting on the nutrition findings below; take this report with you."
                    : "See a doctor soon, before acting on the nutrition findings below; take this report with you.");
        }

        next.AddRange(excess.Select(e => e.Advice));
        next.AddRange(findings.Where(f => f.Likelihood >= Likelihood.Possible).Take(3).Select(f => f.SettleIt));
        // A result that must be repeated is a next step whatever the likelihood it left.
        next.AddRange(findings.Where(f => f.Likelihood < Likelihood.Possible && labs.Any(l => l.Nutrient == f.Nutrient && l.RepeatAdvised)).Select(f => f.SettleIt));
        if (kb.RiskFactors.FirstOrDefault(r => r.RiskId == "vegan" && r.Nutrient == "vitamin_b12") is { } vegan && input.RiskFactors.Contains("vegan"))
        {
            next.Add($"Vegan: {vegan.Note.Split(". ")[0]}, whatever the tests say ({vegan.Source}).");
        }
        return new RecoveryAssessment(triage, redFlags, findings, systems, others, labs, next) { Excess = excess };
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

            list.Add(evidence);
        }

        foreach (var link in kb.RiskFactors.Where(r => r.Effect == "excess" && input.RiskFactors.Contains(r.RiskId)))
        {
            Add(link.Nutrient, new Evidence($"{link.Label}: {link.Note}", link.Strength, link.Source, link.Evidence));
        }

        foreach (var intake in diet?.Nutrients ?? [])
        {
            if (intake.Adequacy?.UpperLimit is { LikelyExcess: true } ul)
            {
                Add(intake.Nutrient.Id, new Evidence(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Intake likely above the UL of {ul.Ul:0.##} {intake.Nutrient.Unit}/d ({ul.Note})"), LinkStrength.Strong, "IOM/NASEM Dietary Reference Intakes, tolerable upper intake levels (data/dri.csv)", EvidenceGrade.Primary));
            }
        }

        foreach (var lab in labs.Where(l => l.Nutrient.Length > 0 && l.Status == LabStatus.High && l.HighIsExcess))
        {
            Add(lab.Nutrient, new Evidence(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lab.Label} {lab.Value:0.##} {lab.Unit}, above {lab.High:0.##}"), LinkStrength.Strong, lab.Source, lab.Evidence));
        }

        return [.. exposures.Select(e =>
        {
            List<SymptomLink> signs = [.. kb.Symptoms.Where(s => s.Direction == "high" && s.Nutrient == e.Key && input.Symptoms.Contains(s.SymptomId))];
            var symptoms = signs.Select(s => new Evidence($"{s.Label}: a sign of excess ({s.Strength.ToString().ToLowerInvariant()} link)", s.Strength, s.Source, s.Evidence));
            var name = e.Key.Replace('_', ' ');
            var advice = signs.Count > 0
                ? $"{name}: possible excess, with symptoms of it. Show this to a doctor and ask about stopping the supplement that provides it; do not add more."
                : $"{name}: possible excess. Check the total from food and supplements against the UL (replete analyze --supplements) before taking more.";
            return new ExcessFinding(e.Key, [.. e.Value, .. symptoms], advice) { Signs = signs };
        })];
    }

    private static string SettleIt(string nutrient, IReadOnlyList<LabReading> labs, Diet.DietAnalysis? diet)
    {
        // Advice that is the whole next step (low potassium: a doctor treats it) comes first; a non-specific result's
        // advice (low haemoglobin: find the cause) only when no other lab has shown the nutrient low.
        if (labs.FirstOrDefault(l => l.Nutrient == nutrient && l.Advice is not null && !l.Nonspecific) is { } advised)
        {
            return $"{nutrient.Replace('_', ' ')}: {advised.Advice}";
        }

        if (!labs.Any(l => l.Nutrient == nutrient && !l.Nonspecific && l.CountsForDeficiency && l.Status is LabStatus.Low or LabStatus.Deficient)
            && labs.FirstOrDefault(l => l.Nutrient == nutrient && l.Nonspecific) is { } nonspecific)
        {
            return $"{nutrient.Replace('_', ' ')}: {nonspecific.Advice}";
        }

        if (labs.FirstOrDefault(l => l.Nutrient == nutrient && l.RepeatAdvised) is { } repeat)
        {
            return $"{nutrient.Replace('_', ' ')}: {repeat.Label}: {repeat.RepeatAdvice} Until then it stays unsettled.";
        }

        if (labs.Any(l => l.Nutrient == nutrient && !l.Nonspecific && l.CountsForDeficiency && l.Status is LabStatus.Low or LabStatus.Deficient))
        {
            return $"{nutrient.Replace('_', ' ')}: the lab shows it. Take the result to a doctor or sports dietitian to plan the fix; the re-test is theirs to time.";
        }

        if (labs.Any(l => l.Nutrient == nutrient))
        {
            return $"{nutrient.Replace('_', ' ')}: a lab result is in (see Labs); a repeat is for the clinician to time.";
        }

        var test = nutrient switch
        {
            "iron" => "ferritin with CRP, haemoglobin and transferrin saturation, rested and in the morning, not soon after hard training (Clénin 2017)",
            "vitamin_d" => "serum 25(OH)D",
            "vitamin_b12" => "serum B12, with methylmalonic acid if borderline",
            "folate" => "serum or red-cell folate",
            "magnesium" => "serum magnesium (a normal value does not exclude low stores)",
            "zinc" => "serum zinc, with the time of day and whether fasting noted",
            "potassium" or "sodium" => "serum electrolytes",
            "calcium" => "serum calcium with albumin",
            _ => null,
        };
        var logging = Logging(nutrient, diet);
        return test is null
            ? $"{nutrient.Replace('_', ' ')}: {logging}"
            : $"{nutrient.Replace('_', ' ')}: ask for {test}; {logging}";
    }

    /// <summary>What more food logging would do: how many more days would settle the intake either way, or that no
    /// number would (the mean sits too close to the requirement), or, with no log, to start one.</summary>
    private static string Logging(string nutrient, Diet.DietAnalysis? diet)
    {
        if (diet?.Nutrients.FirstOrDefault(n => n.Nutrient.Id == nutrient) is not { Adequacy: { } adequacy, MeanDaily: { } mean } intake)
        {
            return "log food for a week or more (replete analyze shows how sure the usual intake is).";
        }

        if (adequacy.Probability is { } p && (p >= Intake.AdequacyAssessor.SettledProbability || p <= 1 - Intake.AdequacyAssessor.SettledProbability))
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the {intake.Days}-day log already settles the intake (P(adequate) {p:P0}).");
        }

        if (adequacy.Method != Intake.AdequacyMethod.EarProbability)
        {
            return "log food for more days (replete analyze shows how sure the usual intake is).";
        }

        return Intake.AdequacyAssessor.DaysToSettle(adequacy, mean) is { } days
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"logging about {Math.Max(1, days - intake.Days)} more day(s) at this mean would settle the intake either way (IOM 2000).")
            : "more logging will not settle the intake: the mean sits too close to the requirement for the spread of needs.";
    }

    /// <summary>Points for a lab: half when its cut-off is unverified (folate, transferrin saturation, male
    /// haemoglobin), as an unverified link counts as weak.</summary>
    private static int LabPoints(int points, LabReading lab) => lab.Evidence == EvidenceGrade.Unverified ? points / 2 : points;

    /// <summary>Points for a link; an unverified link counts as weak whatever its stated strength.</summary>
    private static int Points(LinkStrength strength, EvidenceGrade grade) => grade == EvidenceGrade.Unverified ? 1 : Points(strength);

    private static int Points(LinkStrength strength) => strength switch
    {
        LinkStrength.Strong => 3,
        LinkStrength.Moderate => 2,
        _ => 1,
    };

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
}
