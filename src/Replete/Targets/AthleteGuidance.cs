using Replete.Data;

namespace Replete.Targets;

/// <summary>One athlete adjustment from data/athlete_targets.csv.</summary>
/// <param name="Kind">protein, carbohydrate or iron.</param>
/// <param name="Key">The goal, load band or situation.</param>
/// <param name="Low">Lower value (g/kg/d or a factor).</param>
/// <param name="High">Upper value, or null where the guidance gives none.</param>
/// <param name="Unit">g/kg/d or factor.</param>
/// <param name="Evidence">Strength of the evidence.</param>
/// <param name="Source">The publication.</param>
public sealed record AthleteGuidance(string Kind, string Key, double Low, double? High, string Unit, EvidenceStrength Evidence, string Source)
{
    /// <summary>Every entry.</summary>
    public static IReadOnlyList<AthleteGuidance> All { get; } = ReferenceData.Read("athlete_targets.csv")
        .Select(r => new AthleteGuidance(
            r.Text("kind"), r.Text("key"), r.Number("low"), r.OptionalNumber("high"), r.Text("unit"),
            Enum.Parse<EvidenceStrength>(r.Text("evidence"), ignoreCase: true), r.Text("source")))
        .ToList();

    /// <summary>The entry for a kind and key.</summary>
    public static AthleteGuidance Get(string kind, string key) =>
        All.FirstOrDefault(g => g.Kind == kind && g.Key == key)
        ?? throw new KeyNotFoundException($"No athlete guidance for {kind}/{key}.");
}
