using System.Globalization;

namespace Replete.Data;

/// <summary>One row of an embedded reference-data CSV file, with its line number for error messages.</summary>
internal sealed class ReferenceRow(string file, int line, IReadOnlyDictionary<string, string> fields)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Text(string column) => fields.TryGetValue(column, out var value)
        ? value
        : throw new InvalidDataException($"{File}:{Line}: column '{column}' is missing.");

    public double? OptionalNumber(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{File}:{Line}: column '{column}' is not a number: '{text}'.");
    }

    public double Number(string column) => OptionalNumber(column)
        ?? throw new InvalidDataException($"{File}:{Line}: column '{column}' is empty.");
}

/// <summary>Reads the reviewed CSV files in <c>data/</c>, embedded in this assembly, through the one checked
/// <see cref="ReferenceSet"/>.</summary>
internal static class ReferenceData
{
    /// <summary>The rows of <paramref name="fileName"/> from the compiled set, which is read and checked as a whole
    /// on first use (<see cref="ReferenceSet.Default"/>).</summary>
    public static IReadOnlyList<ReferenceRow> Read(string fileName) => ReferenceSet.Default.Rows(fileName);

    /// <summary>Parses RFC 4180 CSV with a header row; lines starting with '#' are comments.</summary>
    public static IReadOnlyList<ReferenceRow> Parse(string fileName, TextReader reader)
    {
        var rows = new List<ReferenceRow>();
        var csv = new CsvReader(reader, fileName) { CommentLines = true };
        if (!csv.ReadHeader())
        {
            return rows;
        }

        var header = csv.Header;
        while (csv.Read())
        {
            if (csv.FieldCount != header.Count)
            {
                throw new InvalidDataException($"{fileName}:{csv.Line}: expected {header.Count} fields, found {csv.FieldCount}.");
            }

            var map = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                map[header[i]] = csv.GetString(i);
            }

            rows.Add(new ReferenceRow(fileName, csv.Line, map));
        }

        return rows;
    }
}
