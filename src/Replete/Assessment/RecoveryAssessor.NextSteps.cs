using System.Globalization;
using Replete.Knowledge;

namespace Replete.Assessment;

public static partial class RecoveryAssessor
{
    /// <summary>Each recovery system, limited by its most likely nutrient at "possible" or above.</summary>
    private static List<SystemStatus> Systems(KnowledgeBase kb, IReadOnlyList<NutrientFinding> findings) =>
        [.. kb.RecoverySystems
            .GroupBy(s => (s.System, s.Label))
            .Select(g =>
            {
                var nutrients = g.Select(s => s.Nutrient).ToList();
                var limiting = findings.FirstOrDefault(f => nutrients.Contains(f.Nutrient) && f.Likelihood >= Likelihood.Possible);
                var status = limiting is null ? "no nutrient indicated" : $"limited by {limiting.Nutrient.Replace('_', ' ')} ({limiting.Likelihood.ToString().ToLowerInvariant()})";
                return new SystemStatus(g.Key.System, g.Key.Label, status, limiting?.Nutrient, nutrients);
            })];

    /// <summary>Other causes suggested by the person's symptoms, risk factors (their diet included) and red flags, where
    /// their own conditions hold (a statin for statin myopathy), those with more of the person's own signs first; red flags raised from what the person said count as said. Energy-availability targets (45 kcal/kg FFM/d) are not
    /// for pregnancy, so RED-S is not suggested then.</summary>
    private static List<OtherCause> OtherCauses(AssessmentInput input, KnowledgeBase kb, IReadOnlyList<LabReading> labs, bool pregnant, IEnumerable<string> flags)
    {
        var circumstances = Circumstances.Of(input, labs);
        var reported = OwnRiskFactors(input);
        reported.UnionWith(input.Symptoms);
        reported.UnionWith(flags);

        // A cause whose own condition holds (a statin for statin myopathy) or whose red flag was raised comes first;
        // then the cause more of what the person said points to (soreness after a new programme: DOMS).
        var raisedFlags = flags.ToHashSet(StringComparer.Ordinal);
        return [.. kb.OtherCauses.Where(c => c.SuggestedBy.Any(reported.Contains) && (c.Requires.Count == 0 || c.Requires.Any(circumstances.Hold))
            && !(pregnant && c.CauseId == "low_energy_availability"))
            .OrderByDescending(c => c.Requires.Count > 0 || c.SuggestedBy.Any(raisedFlags.Contains))
            .ThenByDescending(c => c.SuggestedBy.Count(reported.Contains))];
    }

    /// <summary>Supplement excess is named as a cause only where a supplement is known (other_causes.csv requires); where
    /// its signs are reported and no supplement was declared, the person is asked instead, so the advice to list every
    /// supplement is not lost.</summary>
    private static string? AskAboutSupplements(AssessmentInput input, KnowledgeBase kb, IReadOnlyList<OtherCause> named)
    {
        var cause = kb.OtherCauses.FirstOrDefault(c => c.CauseId == "supplement_toxicity");
        return cause is null || input.TakesSupplements || named.Any(c => c.CauseId == cause.CauseId)
            || !cause.SuggestedBy.Any(s => input.Symptoms.Contains(s) || input.RiskFactors.Contains(s))
            ? null
            : $"Supplements: none were listed. If you take any, list each with its dose, because in excess some cause these symptoms: {cause.WhatToConsider}";
    }

    /// <summary>What to do next: the triage's instruction first, then excess advice, what would settle the top findings,
    /// any result to repeat, and a vegan's B12 source.</summary>
    private static List<string> NextSteps(AssessmentInput input, KnowledgeBase kb, TriageLevel triage, List<ExcessFinding> excess, IReadOnlyList<NutrientFinding> findings, IReadOnlyList<LabReading> labs)
    {
        var next = new List<string>();
        if (triage != TriageLevel.SelfCare)
        {
            // A poisoning dose is the emergency itself: "do not change supplements" would keep the person taking it.
            var poisoned = excess.Any(e => e.Harm.Any(h => h.Level.Kind == "acute"));
            next.Add(triage == TriageLevel.Emergency
                ? poisoned ? "Get emergency care now and take your supplements with you; take no more of them until a doctor has seen you." : "Get emergency care now. Do not start or change supplements for these symptoms."
                : $"{TriageWording.Headline(triage)}, before acting on the nutrition findings below; take this report with you.");
        }

        if (triage == TriageLevel.Emergency)
        {
            return next;
        }

        // The excess advice itself is shown with each possible excess; here it is one pointer, not a second copy.
        if (excess.Where(e => !e.FromFoodAlone).ToList() is { Count: > 0 } actFirst)
        {
            next.Add($"Act first on the possible excess of {Names(actFirst)}: what to do is under Possible excess.");
        }

        // A result above a lower cut-off with no sourced upper limit is not called normal: the person is told so, so that
        // no triage reads as an unqualified all-clear (tester's report h50: zinc 300 ug/dL read "normal").
        next.AddRange(labs.Where(l => l.AboveLowOnly).Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Label} {l.Value:0.##} {l.Unit} is at or above its cut-off ({l.Low ?? l.Deficient:0.##} {l.Unit}), but Replete has no sourced upper limit for it, so it cannot call it normal: ask a doctor or the laboratory whether it is within their range.")));
        // A low result that is not a matter of diet (serum calcium) is for a doctor: its advice is a next step even when
        // it is no nutrient's evidence.
        next.AddRange(labs.Where(l => l.Status is LabStatus.Low or LabStatus.Deficient && !l.CountsForDeficiency && !l.RepeatAdvised && l.Advice is not null)
            .Select(l => $"{l.Label}: {l.Advice}").Distinct(StringComparer.Ordinal));
        next.AddRange(findings.Where(f => f.Likelihood >= Likelihood.Possible).Take(3).Select(f => f.SettleIt));
        // A result that must be repeated is a next step whatever the likelihood it left.
        next.AddRange(findings.Where(f => f.Likelihood < Likelihood.Possible && labs.Any(l => l.Nutrient == f.Nutrient && l.RepeatAdvised)).Select(f => f.SettleIt));
        // Above the UL from food alone, no harm level, symptom or lab: shown, after the findings, not before them.
        if (excess.Where(e => e.FromFoodAlone).ToList() is { Count: > 0 } fromFood)
        {
            next.Add($"Possible excess of {Names(fromFood)} from food alone (above the UL, which is the highest intake likely to pose no risk, with no level where harm was seen reached and no supplement): what to do is under Possible excess.");
        }

        if (kb.RiskFactors.FirstOrDefault(r => r.RiskId == "vegan" && r.Nutrient == "vitamin_b12") is { } vegan && input.RiskFactors.Contains("vegan"))
        {
            next.Add($"Vegan: {vegan.Note.Split(". ")[0]}, whatever the tests say ({vegan.Source}).");
        }

        return next;
    }

    private static string Names(IEnumerable<ExcessFinding> excess) => string.Join(", ", excess.Select(e => e.Nutrient.Replace('_', ' ')));

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

        // Only a result that can answer the question settles it: a normal one that does not rule the nutrient out (a
        // haemoglobin, which iron deficiency without anaemia leaves normal; a result whose age cannot be judged) leaves
        // the test to ask for, naming the result in hand (h97: an old ferritin beside a normal haemoglobin asked for none).
        // A result above a lower cut-off with no sourced upper limit reads normal too (review h100: a folate of 2019 above
        // its cut-off had settled the nutrient). A grey-zone result (sources disagree) is in hand and is the clinician's to
        // read, so it still says so.
        if (labs.Any(l => l.Nutrient == nutrient && (l.NormalRulesOut || !(l.Status is LabStatus.Normal || l.AboveLowOnly))))
        {
            return $"{nutrient.Replace('_', ' ')}: a lab result is in (see Labs); a repeat is for the clinician to time.";
        }

        // A result above a lower cut-off with no sourced upper limit is "not interpreted", never "normal" (h104: a zinc
        // the Labs table called not interpreted was "in, normal" here).
        var inHand = labs.Where(l => l.Nutrient == nutrient)
            .Select(l => l.AboveLowOnly ? $"{l.Label} is in, above its low cut-off and otherwise not interpreted" : $"{l.Label} is in and normal")
            .Distinct(StringComparer.Ordinal).ToList();
        var unsettled = inHand.Count == 0 ? "" : $" ({string.Join("; ", inHand)}, which does not rule it out)";

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
            ? $"{nutrient.Replace('_', ' ')}:{unsettled} {logging}"
            : $"{nutrient.Replace('_', ' ')}: ask for {test}{unsettled}; {logging}";
    }

    /// <summary>What more food logging would do: how many more days would settle the intake either way, or that no
    /// number would (the mean sits too close to the requirement), or, with no log, to start one.</summary>
    private static string Logging(string nutrient, Diet.DietAnalysis? diet)
    {
        if (diet?.Nutrients.FirstOrDefault(n => n.Nutrient.Id == nutrient) is not { Adequacy: { } adequacy, MeanDaily: { } mean } intake)
        {
            return "log food for a week or more (a diet analysis shows how sure the usual intake is).";
        }

        // Supplements with no food logged (DietAnalyzer.AnalyzeSupplements): there is no log to settle anything.
        if (diet.Entries == 0)
        {
            return $"log food for a week or more: {Diet.DietAnalyzer.NoFoodLogged} (a diet analysis shows how sure the usual intake is).";
        }

        // A log that fails the plausibility check is not an intake: it settles nothing.
        if (diet.Implausible is { } implausible)
        {
            return $"the log cannot settle the intake: it is not a real intake ({implausible}); correct it and log food for a week or more.";
        }

        // Many log lines not counted (no food matched them): the mean is a lower bound, so the log settles nothing
        // short of an adequate intake; say how many lines and how to count them.
        if (diet.FoodLog is { MuchNotCounted: true } log && adequacy.Probability is not >= Intake.AdequacyAssessor.SettledProbability)
        {
            var fix = log.AnyUnmatched ? "import a food table that has the missing foods" : "log their amounts in grams";
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the log cannot settle the intake: {log.LinesNotCounted} of {log.Lines} food-log lines were not counted, so its {mean:0.##} {intake.Nutrient.Unit}/d is a lower bound ({fix}).");
        }

        // An athlete range per kg with no body mass is not known: the general EAR does not settle it (AdequacyReading).
        if (intake.Reading is { Status: Diet.AdequacyStatus.AthleteRangeUnknown, Reason: { } noMass })
        {
            return $"the {intake.Days}-day log cannot judge the intake, which is {noMass}.";
        }

        if (BelowAthleteRange(intake) && intake.Coverage >= Diet.DietAnalyzer.LowCoverage && !intake.HasEstimates && intake.Target.AthleteLow is { } athleteLow)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the {intake.Days}-day log already shows it below the athlete range of {athleteLow:0.##} {intake.Nutrient.Unit}/d.");
        }

        // Where most logged foods do not report the nutrient the mean is a lower bound (DietAnalyzer.LowCoverage): it can
        // settle an intake as adequate, never as short, and more days of the same foods will not settle it either.
        if (adequacy.Probability is { } low && low < Intake.AdequacyAssessor.SettledProbability && intake.Coverage < Diet.DietAnalyzer.LowCoverage)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the log cannot settle the intake: only {intake.Coverage:P0} of logged foods report it, so its {mean:0.##} {intake.Nutrient.Unit}/d is a lower bound (log foods whose food table reports it).");
        }

        // An AI is not a requirement: the AI test shows adequacy, never inadequacy (IOM 2000, DRIs: Applications in
        // Dietary Assessment, p.61). Below the AI, or too near it, the intake is not known, in the diet analysis's own
        // words (AdequacyReading), never "settled" at P(adequate) 0 % (new-user finding: water and sodium).
        if (intake.Reading is { Status: Diet.AdequacyStatus.BelowAi or Diet.AdequacyStatus.NearAi, Reason: { } unknown })
        {
            return intake.Reading.Status == Diet.AdequacyStatus.BelowAi
                ? $"the {intake.Days}-day log cannot judge the intake, which is {unknown}."
                : $"the {intake.Days}-day log cannot judge the intake yet, which is {unknown}; more days of logging could show it adequate.";
        }

        if (intake.Reading is { Status: Diet.AdequacyStatus.Probability or Diet.AdequacyStatus.AboveAi, Probability: { } p }
            && (p >= Intake.AdequacyAssessor.SettledProbability || p <= 1 - Intake.AdequacyAssessor.SettledProbability))
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the {intake.Days}-day log already settles the intake (P(adequate) {p:P0}).");
        }

        if (adequacy.Method != Intake.AdequacyMethod.EarProbability)
        {
            return "log food for more days (a diet analysis shows how sure the usual intake is).";
        }

        return Intake.AdequacyAssessor.DaysToSettle(adequacy, mean) is { } days
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"logging about {Math.Max(1, days - intake.Days)} more day(s) at this mean would settle the intake either way (IOM 2000).")
            : "more logging will not settle the intake: the mean sits too close to the requirement for the spread of needs.";
    }

}
