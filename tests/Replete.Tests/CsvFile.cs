using Replete.Data;

namespace Replete.Tests;

/// <summary>Reads a CSV file from disk with the engine's own RFC 4180 reader.</summary>
public static class CsvFile
{
    internal static IReadOnlyList<ReferenceRow> Read(string path)
    {
        using var reader = new StreamReader(path);
        return ReferenceData.Parse(Path.GetFileName(path), reader);
    }
}
