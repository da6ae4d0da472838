using System.Globalization;

namespace Replete.Assessment;

/// <summary>Picks one result where a test was given more than once (twice in a file, or in a file and a FHIR
/// upload), and says which and why: a report must never use one of two differing results silently.</summary>
/// <remarks>The rule, Replete's design: the most recent result by the date drawn (a result's own date, else the
/// file's <c>lab_sample.date</c>) is used, since it is the body's current state. Where the dates are equal or not both
/// known, the result on the safe side is used: a critical result before any other, then the further from normal
/// (deficient, low, high, not interpreted, normal), and between two of the same standing the lower (for a high result
/// the higher). A critical result is never set aside for a newer one: it stays until a doctor has seen it. Results
/// equal in value count once, with no note.</remarks>
public static class LabConflicts
{
    /// <summary>The results with one per test, and a sentence for each test whose results differed.</summary>
    public static (IReadOnlyList<LabReading> Labs, IReadOnlyList<string> Notes) Resolve(IReadOnlyList<LabReading> labs)
    {
        ArgumentNullException.ThrowIfNull(labs);
        var kept = new List<LabReading>();
        var notes = new List<string>();
        foreach (var group in labs.GroupBy(l => l.Biomarker, StringComparer.Ordinal))
        {
            var all = group.ToList();
            if (all.Count == 1 || all.All(l => l.Value == all[0].Value && l.Bound == all[0].Bound))
            {
                kept.Add(all.Any(l => l.Critical) ? all.First(l => l.Critical) : all[0]);
                continue;
            }

            var (used, why) = Pick(all);
            kept.Add(used);
            var others = string.Join(" and ", all.Where(l => !ReferenceEquals(l, used)).Select(Shown));
            notes.Add($"{used.Label}: the results differ ({Shown(used)} and {others}); used {Shown(used)}, {why}. Ask for a retest if the difference is not explained.");
        }

        // The order of first appearance is kept.
        return ([.. labs.Where(l => kept.Any(k => ReferenceEquals(k, l)))], notes);
    }

    private static (LabReading Used, string Why) Pick(List<LabReading> all)
    {
        if (all.Where(l => l.Critical).ToList() is [var critical, ..])
        {
            return (critical, "the critical result (one is never set aside for another)");
        }

        if (all.All(l => l.Drawn is not null) && all.Count(l => l.Drawn == all.Max(m => m.Drawn)) == 1)
        {
            return (all.MaxBy(l => l.Drawn)!, "the most recent");
        }

        var safest = all.OrderBy(Standing).ThenBy(l => l.Status == LabStatus.High ? -l.Value : l.Value).First();
        var dates = all.All(l => l.Drawn is not null) ? "drawn the same day" : "not all dated";
        return (safest, $"the one on the safe side ({dates}: the further from normal, or the lower)");
    }

    private static int Standing(LabReading lab) => lab.Status switch
    {
        LabStatus.Deficient => 0,
        LabStatus.Low => 1,
        LabStatus.High => 2,
        LabStatus.NotInterpreted => 3,
        _ => 4,
    };

    private static string Shown(LabReading lab) => string.Create(CultureInfo.InvariantCulture,
        $"{lab.BoundMark}{lab.Value:0.##} {lab.Unit}{(lab.Drawn is { } d ? $" on {d:yyyy-MM-dd}" : "")} ({lab.StatusLabel})");
}
