using System.Globalization;
using Replete.Knowledge;

namespace Replete.Assessment;

public static partial class RecoveryAssessor
{
    /// <summary>The rows of <paramref name="set"/>'s critical_labs.csv.</summary>
    internal static IReadOnlyList<CriticalLabRule> CriticalRules(Data.ReferenceSet set) => [.. set.Rows("critical_labs.csv")
        .Select(row => new CriticalLabRule(row.Text("biomarker"), row.OptionalNumber("below") ?? double.NegativeInfinity, row.OptionalNumber("above") ?? double.PositiveInfinity, row.Text("flag"),
            row.Text("unless").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), row.Text("source")))];

    /// <summary>The flag rows (data/critical_labs.csv) that apply to <paramref name="lab"/>: a stratum's own rows
    /// (hemoglobin.pregnant, ferritin.female) replace the analyte's.</summary>
    private static IEnumerable<CriticalLabRule> FlagRows(KnowledgeBase kb, LabReading lab, References.Sex sex)
    {
        var baseId = lab.Biomarker.Split('.')[0];
        var sexName = sex == References.Sex.Female ? "female" : "male";
        var own = kb.CriticalLabs.Where(c => c.Biomarker == lab.Biomarker || c.Biomarker == $"{baseId}.{sexName}").ToList();
        return own.Count > 0 ? own : kb.CriticalLabs.Where(c => c.Biomarker == baseId);
    }

    /// <summary>A result above a lower cut-off that has no sourced upper limit of its own is normal when a flag row gives
    /// the test a sourced upper threshold and the result is at or below it (ferritin 60 ug/L in a woman: above 30, at
    /// most the 200 of EASL 2022); otherwise, or when reported as a bound ("&gt;100") that could lie above it, it stays
    /// "not interpreted at or above" its cut-off. Read before the confounders,
    /// which weigh a normal result (ferritin with a raised CRP).</summary>
    private static List<LabReading> UpperLimitsFromFlags(IReadOnlyList<LabReading> read, KnowledgeBase kb, References.Sex sex) =>
        [.. read.Select(lab => WithFlagUpperLimit(lab, sex, kb))];

    /// <summary>One result read as <see cref="Assess"/> reads it against the upper thresholds of data/critical_labs.csv
    /// (for views that read a lab on its own, such as the web trends).</summary>
    public static LabReading WithFlagUpperLimit(LabReading lab, References.Sex sex, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return lab.AboveLowOnly && lab.Bound != LabBound.AtLeast && FlagRows(knowledge ?? KnowledgeBase.Default, lab, sex).Where(r => !double.IsPositiveInfinity(r.Above)).Select(r => (double?)r.Above).Min() is { } upper && lab.Value <= upper
            ? lab with { Status = LabStatus.Normal, High = upper, AboveLowOnly = false }
            : lab;
    }

    /// <summary>Red flags raised by labs (data/critical_labs.csv): a critical value, severe anaemia, a high calcium. A
    /// value above a row reads high even where a companion test excuses the flag (ferritin 800 with raised CRP).</summary>
    private static List<LabReading> CriticalValues(AssessmentInput input, KnowledgeBase kb, IReadOnlyList<LabReading> read, RaisedFlags raised)
    {
        var labs = read.ToList();
        var circumstances = Circumstances.Of(input, labs);
        var triageOf = kb.RedFlags.ToDictionary(f => f.FlagId, f => f.Triage, StringComparer.Ordinal);
        var repeated = labs.Select((l, i) => (Lab: l, Index: i)).GroupBy(x => x.Lab.Biomarker, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        var superseded = Superseded(repeated);
        for (var i = 0; i < labs.Count; i++)
        {
            var lab = labs[i];
            // A result reported as a bound ("<400", ">6") is beyond a row surely when every value on its side is, and
            // possibly when the row's threshold lies on its side (tester h76: ferritin "<400" read as 400, "high"). A
            // possible crossing still raises the flag, said to be possible: a red flag is not dropped on a doubt.
            var rows = FlagRows(kb, lab, input.Person.Sex).Where(c => Beyond(lab, c) is not Crossing.None).ToList();
            // Where a test was done more than once, the raised flag says which result raised it, and when an earlier one.
            var when = repeated.Any(g => g.Key == lab.Biomarker) && lab.Drawn is { } drawn
                ? superseded.Contains(i) ? $" on {drawn:yyyy-MM-dd} (an earlier result: a red flag from any result stands until a doctor has seen it)" : $" on {drawn:yyyy-MM-dd}"
                : "";
            // A flag row is a sourced threshold: above it a result reads high, even without an interval of its own.
            if (rows.Where(r => Beyond(lab, r) == Crossing.SurelyAbove).Select(r => (double?)r.Above).Min() is { } above && lab.Status is LabStatus.Normal or LabStatus.NotInterpreted)
            {
                labs[i] = lab = lab with { Status = LabStatus.High, High = above };
            }

            // A result whose age cannot be judged still raises its flag, which says how old it is (LabCurrency), in the
            // words that fit its reading now that it is final.
            if (lab.Age is { Currency: LabCurrency.NotJudged or LabCurrency.Undated } age)
            {
                var beside = age.Beside(lab.Status, lab.AboveLowOnly);
                labs[i] = lab = lab with { Age = beside };
                when += $" ({beside.Dated})";
            }

            // One flag per result: the most urgent row that is not excused (sodium 128 is critical, not also "soon"),
            // and only by a companion of the same draw (Circumstances.SameDrawAs).
            var excusing = circumstances.SameDrawAs(lab);
            var live = rows.Where(r => !r.Unless.Any(excusing.Hold)).ToList();
            if (live.Count > 0)
            {
                var fired = live.MaxBy(r => triageOf.GetValueOrDefault(r.Flag))!;
                if (triageOf.GetValueOrDefault(fired.Flag) >= TriageLevel.SeeDoctorToday)
                {
                    labs[i] = lab = lab with { Critical = true };
                }

                var crossing = Beyond(lab, fired);
                var below = crossing is Crossing.SurelyBelow or Crossing.PossiblyBelow;
                var bound = string.Create(CultureInfo.InvariantCulture, $"{(crossing is Crossing.PossiblyAbove or Crossing.PossiblyBelow ? "which could be " : "")}{(below ? $"below {fired.Below:0.##}" : $"above {fired.Above:0.##}")}");
                raised.Raise(fired.Flag, string.Create(CultureInfo.InvariantCulture, $"{lab.Label} {lab.BoundMark}{lab.Value:0.##} {lab.Unit}{when}, {bound}"), fired.Source);
            }
            else if (rows.Count == 0 && lab.Status == LabStatus.High && !lab.HighIsExcess && lab.High is { } top)
            {
                // Above the top of a sourced interval with no flag row of its own (magnesium 3 mmol/L, CRP 200 mg/L): no
                // source gives a critical value, so no urgency can be read from one, and it goes to a doctor soon, the
                // least urgent referral. A high that means too much of a nutrient (25(OH)D) is weighed as an excess.
                raised.Raise("lab_out_of_range", string.Create(CultureInfo.InvariantCulture,
                    $"{lab.Label} {lab.Value:0.##} {lab.Unit}{when}, above {top:0.##}, the top of its sourced range; no sourced critical value, so see a doctor soon"), lab.Source);
            }
        }

        // Flags inferred from what the person says (data/red_flag_rules.csv), whether or not they ticked them.
        // A rule that pairs a result with what the person says today names each result it read whose age cannot be
        // judged, with its date and age: no source gives a window within which an old result still goes with today's
        // symptom, so the flag stands (on the side of the doctor) and says how old the result is (review h100: a
        // potassium of 2019 with today's palpitations raised the emergency row without a date).
        foreach (var rule in kb.RedFlagRules.Where(r => r.When.All(circumstances.Hold)))
        {
            var tested = rule.When.Select(Circumstances.LabTested).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var aged = labs.Where(l => tested.Contains(l.Biomarker.Split('.')[0]) && l.Age is { Currency: LabCurrency.NotJudged or LabCurrency.Undated })
                .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Label} {l.BoundMark}{l.Value:0.##} {l.Unit} ({l.Age!.Beside(l.Status, l.AboveLowOnly).Dated})")).ToList();
            raised.Raise(rule.FlagId, aged.Count == 0 ? $"inferred: {rule.Reason}" : $"inferred: {rule.Reason}: {string.Join("; ", aged)}", rule.Source);
        }

        // The flag names each result that raised it, with its age where that cannot be judged, as a critical value's flag
        // does (new user h93: a haemoglobin of 2025 sent the person to a doctor without naming the result or its date).
        const string anaemia = "anaemia_or_very_low_ferritin";
        var anaemiaSource = kb.RedFlags.FirstOrDefault(f => f.FlagId == anaemia)?.Source ?? "";
        foreach (var lab in labs.Where(l => (l.Biomarker == "ferritin" && l.Status == LabStatus.Deficient) || (l.Biomarker.StartsWith("hemoglobin", StringComparison.Ordinal) && l.Status is LabStatus.Low or LabStatus.Deficient)))
        {
            var dated = lab.Age is { Currency: LabCurrency.NotJudged or LabCurrency.Undated } age ? $" ({age.Dated})" : "";
            raised.Raise(anaemia, string.Create(CultureInfo.InvariantCulture, $"{lab.Label} {lab.BoundMark}{lab.Value:0.##} {lab.Unit}{dated}, {lab.StatusLabel}"), anaemiaSource);
        }

        return labs;
    }
    /// <summary>The places of results a later result of the same test replaces, from <paramref name="repeated"/> (the
    /// results of each test done more than once, with their places): both dated,
    /// and the later one the only result of its test on the latest date (as <see cref="LabConflicts"/> picks). Such a
    /// result still raises its red flag, which then says it is an earlier result: an old haemoglobin of 170 g/L beside a
    /// normal one from this year may be the past, or a pattern (a ferritin that was 12 and reads 150 a week later may be
    /// inflammation hiding a deficiency), and telling them apart is a doctor's work. Replete's design, on the safe side.</summary>
    private static HashSet<int> Superseded(IEnumerable<IGrouping<string, (LabReading Lab, int Index)>> repeated)
    {
        var old = new HashSet<int>();
        foreach (var group in repeated)
        {
            var all = group.ToList();
            if (all.All(x => x.Lab.Drawn is not null) && all.Max(x => x.Lab.Drawn) is { } latest && all.Count(x => x.Lab.Drawn == latest) == 1)
            {
                old.UnionWith(all.Where(x => x.Lab.Drawn != latest).Select(x => x.Index));
            }
        }

        return old;
    }

    /// <summary>Every red flag, most urgent first, each raised one naming what raised it and on which source; and the
    /// triage they set. Symptoms of an excess raise symptoms_of_excess.</summary>
    private static (IReadOnlyList<RedFlag> Flags, TriageLevel Triage) RedFlags(KnowledgeBase kb, IReadOnlyList<ExcessFinding> excess, RaisedFlags raised)
    {
        foreach (var finding in excess.Where(e => e.WithSymptoms))
        {
            raised.Raise("symptoms_of_excess", $"{finding.Nutrient.Replace('_', ' ')}: {string.Join(", ", finding.Signs.Select(s => s.Label))}", string.Join("; ", finding.Signs.Select(s => s.Source).Distinct()));
        }

        // An intake at a level where harm was seen is for a doctor whatever the symptoms (data/harm_levels.csv).
        foreach (var finding in excess)
        {
            foreach (var reach in finding.Harm.Where(h => h.Level.Flag.Length > 0))
            {
                raised.Raise(reach.Level.Flag, $"{finding.Nutrient.Replace('_', ' ')}: {reach.Short}", reach.Level.Source);
            }
        }

        var flags = kb.RedFlags.Where(f => raised.Ids.Contains(f.FlagId))
            .Select(f => raised.By.TryGetValue(f.FlagId, out var by)
                ? f with { Message = $"{f.Message} ({string.Join("; ", by.Select(b => b.What))})", Source = string.Join("; ", by.Select(b => b.Source).Distinct()) }
                : f)
            .OrderByDescending(f => f.Triage)
            .ToList();
        return (flags, kb.Triage(raised.Ids));
    }


    /// <summary>The flags reported and raised so far, and what raised each (shown with the flag so it can be traced).</summary>
    private sealed class RaisedFlags(IEnumerable<string> reported)
    {
        public HashSet<string> Ids { get; } = new(reported, StringComparer.Ordinal);

        public Dictionary<string, List<(string What, string Source)>> By { get; } = new(StringComparer.Ordinal);

        public void Raise(string flag) => Ids.Add(flag);

        public void Raise(string flag, string what, string source)
        {
            Ids.Add(flag);
            if (!By.TryGetValue(flag, out var list))
            {
                By[flag] = list = [];
            }

            list.Add((what, source));
        }
    }

    /// <summary>How a result stands to a flag row's thresholds, its bound read as <see cref="LabReading"/> reads it: a
    /// measured value is surely on one side; "&lt;400" is surely below 500 and possibly above 200; "&gt;6" is surely above
    /// 5.5.</summary>
    private enum Crossing
    {
        None,
        SurelyAbove,
        PossiblyAbove,
        SurelyBelow,
        PossiblyBelow,
    }

    private static Crossing Beyond(LabReading lab, CriticalLabRule row)
    {
        var value = lab.Value;
        var hasBelow = double.IsFinite(row.Below);
        var hasAbove = double.IsFinite(row.Above);
        return lab.Bound switch
        {
            // ">v": the true value is above v, so it could be anywhere above.
            LabBound.AtLeast => value >= row.Above ? Crossing.SurelyAbove
                : hasAbove ? Crossing.PossiblyAbove
                : hasBelow && value < row.Below ? Crossing.PossiblyBelow
                : Crossing.None,
            // "<v": the true value is below v, so it could be anywhere below (a concentration is not negative).
            LabBound.AtMost => value <= row.Below ? Crossing.SurelyBelow
                : hasAbove && value > row.Above ? Crossing.PossiblyAbove
                : hasBelow && row.Below > 0 ? Crossing.PossiblyBelow
                : Crossing.None,
            _ => value > row.Above ? Crossing.SurelyAbove : value < row.Below ? Crossing.SurelyBelow : Crossing.None,
        };
    }
}

/// <summary>A row of data/critical_labs.csv: a result below <paramref name="Below"/> or above <paramref name="Above"/>
/// raises <paramref name="Flag"/>, unless one of <paramref name="Unless"/> holds.</summary>
/// <param name="Biomarker">The biomarker, a stratum (hemoglobin.pregnant) or a sex's row (ferritin.female).</param>
/// <param name="Below">Flag below this, in the biomarker's unit (negative infinity for none).</param>
/// <param name="Above">Flag above this (positive infinity for none).</param>
/// <param name="Flag">The red flag raised.</param>
/// <param name="Unless">Conditions that excuse it.</param>
/// <param name="Source">The threshold's source.</param>
public sealed record CriticalLabRule(string Biomarker, double Below, double Above, string Flag, IReadOnlyList<string> Unless, string Source);
