using System.Globalization;
using Replete.Data;
using Replete.Knowledge;

namespace Replete.Assessment;

/// <summary>Applies data/lab_confounders.csv: inflammation (CRP), a blood draw soon after hard training, the season of a
/// 25(OH)D, restless legs and metformin change how a lab result reads. Each change is written on the reading as a
/// caveat with its source, so the report shows why a result did or did not count.</summary>
public static class LabConfounders
{
    /// <summary>Month in which 25(OH)D peaks in the northern hemisphere: August (Kasahara et al. 2013, PLoS One
    /// 8:e65785, 3.44 million US samples). The southern hemisphere is six months apart.</summary>
    public const int NorthernPeakMonth = 8;

    /// <summary>Latitude (degrees, either hemisphere) from which winter lowers 25(OH)D enough to matter: Larson-Meyer
    /// 2015, GSSI Sports Science Exchange 148, advises supplementing in winter above 35 degrees.</summary>
    public const double WinterLatitude = 35;

    /// <summary>The rows of <paramref name="set"/>'s lab_confounders.csv.</summary>
    internal static IReadOnlyList<LabConfounderRule> Rules(ReferenceSet set) => [.. set.Rows("lab_confounders.csv")
        .Select(row => new LabConfounderRule(row.Text("biomarker"), row.Text("condition"), row.Text("effect"), row.OptionalNumber("value"), row.Text("inclusive") == "yes", row.Text("repeat") == "yes", row.Text("note"), row.Text("source"),
            KnowledgeBase.Grade(row)))];

    /// <summary>The readings with every confounder that applies worked in, from <paramref name="knowledge"/>'s rules
    /// (the compiled knowledge base when null).</summary>
    /// <remarks>The person, where given, decides the person's conditions (<c>athlete</c>: ferritin read against the
    /// athlete staging's stage 1); without one those conditions never hold.</remarks>
    public static IReadOnlyList<LabReading> Apply(IReadOnlyList<LabReading> labs, LabSample sample, IReadOnlyCollection<string> symptoms, IReadOnlyCollection<string> riskFactors, KnowledgeBase? knowledge = null, References.Person? person = null)
    {
        ArgumentNullException.ThrowIfNull(labs);
        ArgumentNullException.ThrowIfNull(sample);
        var circumstances = new Circumstances(labs, symptoms, riskFactors, sample) { Person = person };
        var rules = (knowledge ?? KnowledgeBase.Default).LabConfounders;
        return [.. labs.Select(lab =>
        {
            // A result is read in its own draw's season: a report of stored results gives each its own date, and
            // lab_sample.date is then only the newest of them.
            // The labs a condition names, and the sample's conditions, are those of the same draw
            // (Circumstances.SameDrawAs, LabSample.For): a CRP of 2023 does not read today's ferritin, nor does
            // today's hard training.
            var at = circumstances.SameDrawAs(lab);
            var own = at.Sample;
            var applies = rules.Where(r => r.Biomarker == lab.Biomarker.Split('.')[0]).ToLookup(r => at.Hold(r.Condition));
            var read = applies[true].Aggregate(lab, (reading, rule) => Apply(reading, rule, own));
            // A rule that lab_sample's conditions would have made hold, had the result been of its draw, is why the
            // reader is told the conditions were not used for it (a ferritin of 2024 with after_hard_training today).
            var asGiven = at with { Sample = sample with { Drawn = lab.Drawn } };
            return sample.OtherDraw(lab.Drawn) is { } otherDraw && read.Caveats.All(c => c.Text != otherDraw)
                && applies[false].Any(r => asGiven.Hold(r.Condition))
                ? read with { Caveats = [.. read.Caveats, new Caveat(otherDraw, null)] }
                : read;
        })];
    }

    private static LabReading Apply(LabReading lab, LabConfounderRule rule, LabSample sample)
    {
        var caveat = new Caveat(rule.Note, rule.Source);
        // A result above a lower cut-off with no sourced upper limit is not low: the rules that weigh a normal result
        // weigh it too (ferritin 60 ug/L with a raised CRP is read against 70).
        var notLow = lab.Status is LabStatus.Normal or LabStatus.GreyZone || lab.AboveLowOnly;
        // Only a rule that changed the reading asks for a repeat; the advice is the note's "Repeat ..." sentence.
        LabReading Changed(LabReading changed) => rule.Repeat
            ? changed with { RepeatAdvised = true, RepeatAdvice = rule.Note[Math.Max(0, rule.Note.IndexOf("Repeat", StringComparison.Ordinal))..] }
            : changed;
        switch (rule.Effect)
        {
            case "low_cutoff" when rule.Value is { } cutoff && notLow:
                return Changed(lab.Value < cutoff || (rule.Inclusive && lab.Value == cutoff)
                    ? lab with { Status = LabStatus.Low, AboveLowOnly = false, Low = cutoff, ConditionalCutoff = true, Source = rule.Source, Evidence = rule.Grade, Caveats = [.. lab.Caveats, caveat] }
                    : lab with { NormalRulesOut = false, Caveats = [.. lab.Caveats, caveat] });
            case "low_cutoff" when lab.ConditionalCutoff:
                return lab with { Caveats = [.. lab.Caveats, caveat] };
            case "low_cutoff" when lab.Status is LabStatus.Low or LabStatus.Deficient:
                // Below the usual cut-off already: the condition can only have raised it, so the result stands.
                return lab with { Caveats = [.. lab.Caveats, caveat with { Text = $"Below the usual cut-off even before this is weighed, so the result stands. {rule.Note}" }] };
            case "low_cutoff":
                return lab with { Caveats = [.. lab.Caveats, caveat] };
            case "low_below" when rule.Value is { } below && notLow && lab.Value < below && !lab.ConditionalCutoff:
                return Changed(lab with { Status = LabStatus.Low, AboveLowOnly = false, Low = below, ConditionalCutoff = true, Source = rule.Source, Evidence = rule.Grade, Caveats = [.. lab.Caveats, caveat] });
            case "borderline_not_counted" when lab.Status == LabStatus.Low:
                return lab with { CountsForDeficiency = false, Caveats = [.. lab.Caveats, caveat] };
            case "low_not_counted" when lab.Status is LabStatus.Low or LabStatus.Deficient:
                return Changed(lab with { CountsForDeficiency = false, Caveats = [.. lab.Caveats, caveat] });
            case "low_is_nonspecific" when lab.Status is LabStatus.Low or LabStatus.Deficient:
                return lab with { Nonspecific = true, Advice = rule.Note, Caveats = [.. lab.Caveats, caveat] };
            case "low_not_dietary" when lab.Status is LabStatus.Low or LabStatus.Deficient:
                return lab with { CountsForDeficiency = false, Advice = rule.Note, Caveats = [.. lab.Caveats, caveat] };
            case "advice_when_low" when lab.Status is LabStatus.Low or LabStatus.Deficient:
                return lab with { Advice = rule.Note, Caveats = [.. lab.Caveats, caveat] };
            case "low_needs_confirmation" when lab.Status == LabStatus.Low:
                return Changed(lab with { Caveats = [.. lab.Caveats, caveat] });
            case "normal_not_reassuring" when notLow && (rule.Value is not { } below || lab.Value < below):
                return Changed(lab with { NormalRulesOut = false, Caveats = [.. lab.Caveats, caveat] });
            case "seasonal_trough" when lab.Status is LabStatus.Normal or LabStatus.GreyZone && rule.Value is { } swing && lab.Low is { } low:
                var trough = ExpectedTrough(lab.Value, swing, sample.Drawn!.Value, sample.Latitude!.Value);
                return trough < low
                    ? Changed(lab with
                    {
                        NormalRulesOut = false,
                        Caveats = [.. lab.Caveats, caveat with { Text = string.Create(CultureInfo.InvariantCulture, $"Drawn in {sample.Drawn.Value:MMMM}: on the average seasonal swing, about {trough:0} {lab.Unit} at the late-winter low, below {low:0.##}. {rule.Note}") }],
                    })
                    : lab;
            case "note":
            case "note_when_normal" when notLow:
                return lab with { Caveats = [.. lab.Caveats, caveat] };
            default:
                return lab;
        }
    }

    /// <summary>The value expected at the yearly low, on a sinusoid with its peak in <see cref="NorthernPeakMonth"/>
    /// (six months later south of the equator) and a peak-to-trough difference of <paramref name="swing"/> (Shoben et
    /// al. 2011, Am J Epidemiol 174:1363, fitted a sinusoid to 25(OH)D through the year).</summary>
    public static double ExpectedTrough(double value, double swing, DateOnly drawn, double latitude)
    {
        var peak = latitude >= 0 ? NorthernPeakMonth : (NorthernPeakMonth + 6 - 1) % 12 + 1;
        var phase = 2 * Math.PI * (drawn.Month - peak) / 12.0;
        // value = mean + swing/2 * cos(phase); the trough is mean - swing/2.
        return value - (swing / 2 * (1 + Math.Cos(phase)));
    }

}

/// <summary>A row of data/lab_confounders.csv: how a condition changes the reading of a biomarker.</summary>
/// <param name="Biomarker">The biomarker it applies to.</param>
/// <param name="Condition">When it applies (the grammar of the knowledge base's conditions).</param>
/// <param name="Effect">What it does (low_cutoff, low_not_counted, seasonal_trough, ...).</param>
/// <param name="Value">The value the effect uses, in the biomarker's unit, or null.</param>
/// <param name="Inclusive">Whether a cut-off includes its value.</param>
/// <param name="Repeat">Whether the result must be repeated before it can be read.</param>
/// <param name="Note">What it says to the person.</param>
/// <param name="Source">The source.</param>
/// <param name="Grade">The source's grade.</param>
public sealed record LabConfounderRule(string Biomarker, string Condition, string Effect, double? Value, bool Inclusive, bool Repeat, string Note, string Source, EvidenceGrade Grade);
