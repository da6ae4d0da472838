using System.Globalization;

namespace Replete.Assessment;

/// <summary>What the conditions in the knowledge base's data files are tested against: the labs, symptoms, risk
/// factors and how the blood was drawn. One vocabulary for lab_confounders.csv (condition), critical_labs.csv
/// (unless) and symptoms.csv (strong_only_if):
/// <list type="bullet">
/// <item><c>any</c>; <c>symptom:&lt;id&gt;</c>; <c>risk:&lt;id&gt;</c>;</item>
/// <item><c>crp_above:&lt;mg/L&gt;</c>; <c>lab_below:&lt;biomarker&gt;:&lt;value&gt;</c>; <c>lab_above:&lt;biomarker&gt;:&lt;value&gt;</c>; <c>lab_low:&lt;biomarker&gt;</c> (below its
/// cut-off); <c>lab_normal:&lt;biomarker&gt;</c>; <c>no_lab:&lt;biomarker&gt;</c>;</item>
/// <item><c>not_rested</c> (drawn soon after hard training); <c>near_peak_season</c> (a dated 25(OH)D at a latitude where
/// winter matters);</item>
/// <item><c>sex:&lt;female|male&gt;</c>; <c>age_at_least:&lt;years&gt;</c>; <c>age_below:&lt;years&gt;</c>; <c>not_pregnant</c>;
/// <c>not_lactating</c>; <c>athlete</c> (the profile names a sport or training hours);
/// <c>history_below:&lt;field&gt;:&lt;n&gt;</c>;
/// <c>history_at_least:&lt;field&gt;:&lt;n&gt;</c> and <c>no_history:&lt;field&gt;</c> for the numbers of
/// <see cref="History"/> (months_without_period, falls_past_year, years_vegan); <c>takes_supplements</c> (a supplement
/// declared in a supplements file or a diet log).</item>
/// </list></summary>
internal sealed record Circumstances(IReadOnlyList<LabReading> Labs, IReadOnlyCollection<string> Symptoms, IReadOnlyCollection<string> RiskFactors, LabSample Sample)
{
    /// <summary>The person, for the sex and age conditions; null where no person is known (which holds none of them).</summary>
    public References.Person? Person { get; init; }

    /// <summary>The person's history, for the history conditions.</summary>
    public History History { get; init; } = History.None;

    /// <summary>Whether the person declared a supplement, for <c>takes_supplements</c>.</summary>
    public bool TakesSupplements { get; init; }

    /// <summary>The circumstances of an assessment's input.</summary>
    public static Circumstances Of(AssessmentInput input, IReadOnlyList<LabReading> labs) =>
        new(labs, input.Symptoms, input.RiskFactors, input.Sample) { Person = input.Person, History = input.History, TakesSupplements = input.TakesSupplements };

    /// <summary>These circumstances with only the results drawn the same day as <paramref name="lab"/> (both undated counts
    /// as the same day: nothing tells them apart). A condition on another result speaks of the blood of its own day: for
    /// a flag row's <c>unless</c> (data/critical_labs.csv), a raised CRP explains a high ferritin because inflammation
    /// raises ferritin at the time (Clénin et al. 2017), and EASL 2022 reads ferritin together with the transferrin
    /// saturation of the same work-up; for a confounder (data/lab_confounders.csv), a CRP above 5 mg/L reads the ferritin
    /// of that inflammation against 70 ug/L (WHO 2020), an albumin the calcium it was drawn with. No source gives a window
    /// within which a result from another day still holds, so Replete invents none (its rule: reviewer brief h96 for the
    /// flags, h97 for the confounders). An old CRP, which has no sourced retest interval and so is still read
    /// (<see cref="LabCurrency.NotJudged"/>), therefore neither excuses today's high ferritin nor lowers today's ferritin
    /// reading; a result too old to read at all (<see cref="LabCurrency.NotCurrent"/>) is not among the read results in
    /// the first place. The other result is still shown with its own date and age. The sample, likewise, is the one
    /// <paramref name="lab"/> was drawn under (<see cref="LabSample.For"/>): today's hard training does not make a
    /// ferritin of 2024 one to repeat rested (reviewer brief h102).</summary>
    public Circumstances SameDrawAs(LabReading lab) => this with { Labs = [.. Labs.Where(l => l.Drawn == lab.Drawn)], Sample = Sample.For(lab.Drawn) };

    /// <summary>Whether <paramref name="condition"/> holds; empty always holds.</summary>
    /// <exception cref="InvalidDataException">A condition outside the vocabulary: an error in the data file.</exception>
    public bool Hold(string condition)
    {
        if (condition.Length == 0)
        {
            return true;
        }

        var parts = condition.Split(':');
        IEnumerable<LabReading> Of(string biomarker) => Labs.Where(l => l.Biomarker.Split('.')[0] == biomarker);
        double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
        return parts[0] switch
        {
            "any" => true,
            "symptom" => Symptoms.Contains(parts[1]),
            "risk" => RiskFactors.Contains(parts[1]),
            // A bound counts where its whole side holds: ">5" CRP is above 5, "<3.0" potassium is below 3.0.
            "crp_above" => Of("crp").Any(l => (l.Value > Number(parts[1]) && l.Bound != LabBound.AtMost) || (l.Bound == LabBound.AtLeast && l.Value >= Number(parts[1]))),
            "lab_below" => Of(parts[1]).Any(l => (l.Value < Number(parts[2]) && l.Bound != LabBound.AtLeast) || (l.Bound == LabBound.AtMost && l.Value <= Number(parts[2]))),
            "lab_above" => Of(parts[1]).Any(l => (l.Value > Number(parts[2]) && l.Bound != LabBound.AtMost) || (l.Bound == LabBound.AtLeast && l.Value >= Number(parts[2]))),
            "lab_low" => Of(parts[1]).Any(l => l.Status is LabStatus.Low or LabStatus.Deficient),
            "lab_normal" => Of(parts[1]).FirstOrDefault()?.Status == LabStatus.Normal,
            "no_lab" => !Of(parts[1]).Any(),
            "not_rested" => Sample.AfterHardTraining == true,
            "sex" => Person is { } p && (p.Sex == References.Sex.Female ? "female" : "male") == parts[1],
            "age_at_least" => Person is { } p && p.AgeYears >= Number(parts[1]),
            "not_pregnant" => Person?.Reproductive != References.ReproductiveStatus.Pregnant,
            "not_lactating" => Person?.Reproductive != References.ReproductiveStatus.Lactating,
            "age_below" => Person is { } p && p.AgeYears < Number(parts[1]),
            "athlete" => Person is { } p && (p.Sport is not null || p.TrainingHoursPerWeek > 0),
            "history_below" => History.Number(parts[1]) is { } m && m < Number(parts[2]),
            "history_at_least" => History.Number(parts[1]) is { } n && n >= Number(parts[2]),
            "no_history" => History.Number(parts[1]) is null,
            "takes_supplements" => TakesSupplements,
            // Winter matters from 35 degrees of latitude (LabConfounders.WinterLatitude).
            "near_peak_season" => Sample.Drawn is not null && Sample.Latitude is { } latitude && Math.Abs(latitude) >= LabConfounders.WinterLatitude,
            _ => throw new InvalidDataException($"unknown condition '{condition}'"),
        };
    }

    /// <summary>The test a lab condition reads, as the analyte before any stratum ("potassium" of
    /// <c>lab_below:potassium:3.0</c>, "crp" of <c>crp_above:5</c>); null for a condition on something else.</summary>
    public static string? LabTested(string condition)
    {
        var parts = condition.Split(':');
        return parts[0] switch
        {
            "crp_above" => "crp",
            "lab_below" or "lab_above" or "lab_low" or "lab_normal" or "no_lab" => parts[1],
            _ => null,
        };
    }

    /// <summary>The condition in words, for a report: "a low hemoglobin", "restless legs".</summary>
    public static string Describe(string condition)
    {
        var parts = condition.Split(':');
        return parts[0] switch
        {
            "symptom" or "risk" => parts[1].Replace('_', ' '),
            "lab_low" => $"a low {parts[1].Replace('_', ' ')}",
            "lab_below" => $"{parts[1].Replace('_', ' ')} below {parts[2]}",
            "lab_above" => $"{parts[1].Replace('_', ' ')} above {parts[2]}",
            "age_at_least" => $"age {parts[1]} or more",
            "history_at_least" => $"{parts[1].Replace('_', ' ')} at least {parts[2]}",
            _ => condition,
        };
    }
}
