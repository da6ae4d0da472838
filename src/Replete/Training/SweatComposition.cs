using Replete.Data;

namespace Replete.Training;

/// <summary>Typical sweat rates and sweat electrolyte concentrations (data/sweat.csv).</summary>
public static class SweatComposition
{
    private static readonly IReadOnlyList<Entry> Entries = ReferenceData.Read("sweat.csv").Select(r => new Entry(
        r.Text("kind"), r.Text("key"), r.Number("mean"), r.Number("sd"), r.Text("unit"), r.Text("source"))).ToList();

    /// <summary>The typical sweat rate (mean +/- 1 SD) for a sport category or sport id, L/h.</summary>
    public static Range TypicalSweatRate(string? sportId, string? category)
    {
        var entry = Entries.FirstOrDefault(e => e.Kind == "sweat_rate" && e.Key == sportId)
            ?? Entries.FirstOrDefault(e => e.Kind == "sweat_rate" && e.Key == category)
            ?? Entries.First(e => e.Kind == "sweat_rate" && e.Key == "all");
        return entry.OneSd();
    }

    /// <summary>Typical sweat concentration (mean +/- 1 SD) of an electrolyte, in mg/L.</summary>
    public static Range TypicalConcentrationMgPerLitre(string electrolyte)
    {
        var entry = Entries.First(e => e.Kind == "sweat_concentration" && e.Key == electrolyte);
        var range = entry.OneSd();
        return entry.Unit == "mmol/L" ? range.Times(MgPerMmol(electrolyte), "mg/L") : range;
    }

    /// <summary>mg per mmol of an electrolyte, from its molar mass in data/unit_conversions.csv.</summary>
    public static double MgPerMmol(string electrolyte)
    {
        var catalog = Nutrients.NutrientCatalog.Default;
        return catalog.Convert(catalog.Get(electrolyte), 1, "mmol")?.Value
            ?? throw new ArgumentOutOfRangeException(nameof(electrolyte), electrolyte, "no molar conversion");
    }

    private sealed record Entry(string Kind, string Key, double Mean, double Sd, string Unit, string Source)
    {
        public Range OneSd() => new(Math.Max(0, Mean - Sd), Mean + Sd, Unit, Source + " (range shown: mean +/- 1 SD)");
    }
}
