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

    private static readonly IReadOnlyList<Rule> Rules = ReferenceData.Read("lab_confounders.csv")
        .Select(row => new Rule(row.Text("biomarker"), row.Text("condition"), row.Text("effect"), row.OptionalNumber("value"), row.Text("repeat") == "yes", row.Text("note"), row.Text("source"),
            KnowledgeBase.Grade(row)))
        .ToArray();

    /// <summary>The readings with every confounder that applies worked in.</summary>
    public static IReadOnlyList<LabReading> Apply(IReadOnlyList<LabReading> labs, LabSample sample, IReadOnlyCollection<string> symptoms, IReadOnlyCollection<string> riskFactors)
    {
        ArgumentNullException.ThrowIfNull(labs);
        ArgumentNullException.ThrowIfNull(sample);
        var crp = labs.Where(l => l.Biomarker == "crp").Select(l => (double?)l.Value).Max();
        return [.. labs.Select(lab => Rules.Where(r => r.Biomarker == lab.Biomarker.Split('.')[0]).Aggregate(lab, (reading, rule) => Apply(reading, rule, sample, crp, symptoms, riskFactors)))];
    }

    private static LabReading Apply(LabReading lab, Rule rule, LabSample sample, double? crp, IReadOnlyCollection<string> symptoms, IReadOnlyCollection<string> riskFactors)
    {
        var (kind, argument) = rule.Condition.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            ? (rule.Condition[..colon], rule.Condition[(colon + 1)..])
            : (rule.Condition, "");
        var applies = kind switch
        {
            "crp_above" => crp > double.Parse(argument, CultureInfo.InvariantCulture),
            "symptom" => symptoms.Contains(argument),
            "risk" => riskFactors.Contains(argument),
            "not_rested" => sample.AfterHardTraining == true,
            "near_peak_season" => sample.Drawn is not null && sample.Latitude is not null,
            _ => throw new InvalidDataException($"lab_confounders.csv: unknown condition '{rule.Condition}'"),
        };
        if (!applies)
        {
            return lab;
        }

        var caveat = $"{rule.Note} ({rule.Source})";
        lab = rule.Repeat && rule.Effect != "seasonal_trough" ? lab with { RepeatAdvised = true } : lab;
        switch (rule.Effect)
        {
            case "low_cutoff" when rule.Value is { } cutoff && lab.Status == LabStatus.Normal:
                return lab.Value < cutoff
                    ? lab with { Status = LabStatus.Low, Low = cutoff, ConditionalCutoff = true, Source = rule.Source, Evidence = rule.Grade, Caveats = [.. lab.Caveats, caveat] }
                    : lab with { NormalRulesOut = false, Caveats = [.. lab.Caveats, caveat] };
            case "low_cutoff":
                return lab with { Caveats = [.. lab.Caveats, caveat] };
            case "low_not_counted" when lab.Status is LabStatus.Low or LabStatus.Deficient:
                return lab with { CountsForDeficiency = false, Caveats = [.. lab.Caveats, caveat] };
            case "normal_not_reassuring" when lab.Status == LabStatus.Normal:
                return lab with { NormalRulesOut = false, Caveats = [.. lab.Caveats, caveat] };
            case "seasonal_trough" when lab.Status == LabStatus.Normal && rule.Value is { } swing && lab.Low is { } low:
                var trough = ExpectedTrough(lab.Value, swing, sample.Drawn!.Value, sample.Latitude!.Value);
                return trough < low
                    ? lab with
                    {
                        NormalRulesOut = false,
                        RepeatAdvised = rule.Repeat,
                        Caveats = [.. lab.Caveats, string.Create(CultureInfo.InvariantCulture, $"Drawn in {sample.Drawn.Value:MMMM}: expected about {trough:0} {lab.Unit} at the late-winter low, below {low:0.##}. {caveat}")],
                    }
                    : lab;
            case "note":
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

    private sealed record Rule(string Biomarker, string Condition, string Effect, double? Value, bool Repeat, string Note, string Source, EvidenceGrade Grade);
}
