namespace Replete.Assessment;

/// <summary>Finds a lab result given twice, so that it is counted once: the same result read twice would pass as a
/// confirming repeat test (two low ferritins where there is one), and stored twice it is counted twice.</summary>
/// <remarks>A result is the same as an earlier one when it carries the same id in its source (a FHIR Observation id), or
/// when it is of the same test (biomarker), drawn at the same time (the instant where both give one, else the day, or
/// neither dated), with the same value and bound in the same unit (however spelt) or in a unit that reads it the same (18 ug/L and 18 ng/mL of ferritin). A real repeat test differs in time or value; one drawn at the
/// same moment with the same value adds nothing a report could read. Replete's choice.</remarks>
public static class LabRepeats
{
    /// <summary>For each of <paramref name="results"/>, why it is the same as an earlier one (of
    /// <paramref name="earlier"/>, such as results already stored, or of those before it in the list), or null to keep
    /// it.</summary>
    /// <param name="results">The results as read, in order, each with its name for the message.</param>
    /// <param name="earlier">Results already read or stored.</param>
    public static IReadOnlyList<string?> Find(IReadOnlyList<LabResult> results, IReadOnlyList<LabResult> earlier)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(earlier);
        var kept = new List<LabResult>(earlier);
        var found = new List<string?>(results.Count);
        foreach (var result in results)
        {
            var sameId = result.Id is { Length: > 0 } id ? kept.FirstOrDefault(k => string.Equals(k.Id, id, StringComparison.Ordinal)) : null;
            var same = sameId ?? kept.FirstOrDefault(k => Same(k, result));
            found.Add(same is null ? null
                : sameId is not null ? $"{result.Name}: the same Observation id '{result.Id}' as {Shown(same)}, given twice: counted once"
                : $"{result.Name}: the same test, time, value and unit as {Shown(same)}: a duplicate, counted once");
            if (same is null)
            {
                kept.Add(result);
            }
        }

        return found;
    }

    private static string Shown(LabResult result) => result.Name;

    private static bool Same(LabResult a, LabResult b) =>
        string.Equals(a.Input.Biomarker.Trim(), b.Input.Biomarker.Trim(), StringComparison.OrdinalIgnoreCase)
        && (a.Taken is { } at && b.Taken is { } bt ? at == bt : a.Input.Drawn == b.Input.Drawn)
        && a.Input.Bound == b.Input.Bound
        && LabReading.SameQuantity(a.Input.Biomarker, a.Input.Value, a.Input.Unit ?? "", b.Input.Value, b.Input.Unit ?? "");
}
