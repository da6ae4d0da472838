using Replete.Data;
using Replete.Targets;

namespace Replete.Training;

/// <summary>One fueling or hydration figure from data/fueling.csv.</summary>
public sealed record FuelingGuidance(string Phase, string Item, double Low, double? High, string Unit, EvidenceStrength Evidence, string Source)
{
    /// <summary>Every entry.</summary>
    public static IReadOnlyList<FuelingGuidance> All { get; } = ReferenceData.Read("fueling.csv").Select(r => new FuelingGuidance(
        r.Text("phase"), r.Text("item"), r.Number("low"), r.OptionalNumber("high"), r.Text("unit"),
        Enum.Parse<EvidenceStrength>(r.Text("evidence"), ignoreCase: true), r.Text("source"))).ToList();

    /// <summary>The entry for an item.</summary>
    public static FuelingGuidance Get(string item) => All.FirstOrDefault(g => g.Item == item)
        ?? throw new KeyNotFoundException($"No fueling guidance '{item}'.");
}
