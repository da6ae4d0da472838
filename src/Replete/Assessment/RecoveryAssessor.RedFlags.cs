using System.Globalization;
using Replete.Knowledge;

namespace Replete.Assessment;

public static partial class RecoveryAssessor
{
    /// <summary>The rows of <paramref name="set"/>'s critical_labs.csv.</summary>
    internal static IReadOnlyList<CriticalLabRule> CriticalRules(Data.ReferenceSet set) => [.. set.Rows("critical_labs.csv")
        .Select(row => new CriticalLabRule(row.Text("biomarker"), row.OptionalNumber("below") ?? double.NegativeInfinity, row.OptionalNumber("above") ?? double.PositiveInfinity, row.Text("flag"),
            row.Text("unless").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), row.Text("source")))];

    /// <summary>Red flags raised by labs (data/critical_labs.csv): a critical value, severe anaemia, a high calcium. A
    /// value above a row reads high even where a companion test excuses the flag (ferritin 800 with raised CRP).</summary>
    private static List<LabReading> CriticalValues(AssessmentInput input, KnowledgeBase kb, IReadOnlyList<LabReading> read, RaisedFlags raised)
    {
        var labs = read.ToList();
        var circumstances = Circumstances.Of(input, labs);
        var sexName = input.Person.Sex == References.Sex.Female ? "female" : "male";
        var triageOf = kb.RedFlags.ToDictionary(f => f.FlagId, f => f.Triage, StringComparer.Ordinal);
        for (var i = 0; i < labs.Count; i++)
        {
            // A stratum's own rows (hemoglobin.pregnant, ferritin.female) replace the analyte's.
            var lab = labs[i];
            var baseId = lab.Biomarker.Split('.')[0];
            var own = kb.CriticalLabs.Where(c => c.Biomarker == lab.Biomarker || c.Biomarker == $"{baseId}.{sexName}").ToList();
            var rows = (own.Count > 0 ? own : kb.CriticalLabs.Where(c => c.Biomarker == baseId)).Where(c => lab.Value < c.Below || lab.Value > c.Above).ToList();

            // A flag row is a sourced threshold: above it a result reads high, even without an interval of its own.
            if (rows.Where(r => lab.Value > r.Above).Select(r => (double?)r.Above).Min() is { } above && lab.Status is LabStatus.Normal or LabStatus.NotInterpreted)
            {
                labs[i] = lab = lab with { Status = LabStatus.High, High = above };
            }

            // One flag per result: the most urgent row that is not excused (sodium 128 is critical, not also "soon").
            var live = rows.Where(r => !r.Unless.Any(circumstances.Hold)).ToList();
            if (live.Count > 0)
            {
                var fired = live.MaxBy(r => triageOf.GetValueOrDefault(r.Flag))!;
                if (triageOf.GetValueOrDefault(fired.Flag) >= TriageLevel.SeeDoctorToday)
                {
                    labs[i] = lab = lab with { Critical = true };
                }

                var bound = string.Create(CultureInfo.InvariantCulture, $"{(lab.Value < fired.Below ? $"below {fired.Below:0.##}" : $"above {fired.Above:0.##}")}");
                raised.Raise(fired.Flag, string.Create(CultureInfo.InvariantCulture, $"{lab.Label} {lab.Value:0.##} {lab.Unit}, {bound}"), fired.Source);
            }
        }

        // Flags inferred from what the person says (data/red_flag_rules.csv), whether or not they ticked them.
        foreach (var rule in kb.RedFlagRules.Where(r => r.When.All(circumstances.Hold)))
        {
            raised.Raise(rule.FlagId, $"inferred: {rule.Reason}", rule.Source);
        }

        if (labs.Any(l => (l.Biomarker == "ferritin" && l.Status == LabStatus.Deficient) || (l.Biomarker.StartsWith("hemoglobin", StringComparison.Ordinal) && l.Status is LabStatus.Low or LabStatus.Deficient)))
        {
            raised.Raise("anaemia_or_very_low_ferritin");
        }

        return labs;
    }

    /// <summary>Every red flag, most urgent first, each raised one naming what raised it and on which source; and the
    /// triage they set. Symptoms of an excess raise symptoms_of_excess.</summary>
    private static (IReadOnlyList<RedFlag> Flags, TriageLevel Triage) RedFlags(KnowledgeBase kb, IReadOnlyList<ExcessFinding> excess, RaisedFlags raised)
    {
        foreach (var finding in excess.Where(e => e.WithSymptoms))
        {
            raised.Raise("symptoms_of_excess", $"{finding.Nutrient.Replace('_', ' ')}: {string.Join(", ", finding.Signs.Select(s => s.Label))}", string.Join("; ", finding.Signs.Select(s => s.Source).Distinct()));
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
