namespace Replete.Storage.Foods;

/// <summary>What an import brought in, and what it left out and why.</summary>
public sealed record FoodImportSummary(string Source, int Foods, long NutrientValues, int Portions, IReadOnlyDictionary<string, long> Skipped)
{
    /// <summary>Wall-clock time of the import.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Peak working set of the process at the end of the import, in bytes.</summary>
    public long PeakMemoryBytes { get; init; }

    /// <summary>Nutrient values stored per second.</summary>
    public double ValuesPerSecond => Elapsed > TimeSpan.Zero ? NutrientValues / Elapsed.TotalSeconds : 0;
}

/// <summary>How far an import has got through the file it is reading.</summary>
public readonly record struct FoodImportProgress(string File, long Done, long Total);

/// <summary>How many foods in the database report a nutrient: a blank is unknown, not zero.</summary>
public sealed record NutrientCoverage(int NutrientId, string Name, string Unit, int FoodsReporting, int Foods);
