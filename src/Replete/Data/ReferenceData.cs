using System.Globalization;
using System.Reflection;

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

/// <summary>Reads the reviewed CSV files in <c>data/</c>, embedded in this assembly.</summary>
internal static class ReferenceData
{
    public static IReadOnlyList<ReferenceRow> Read(string fileName)
    {
        var resource = "Replete.Data." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded reference file '{fileName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(fileName, reader);
    }

    /// <summary>Parses RFC 4180 CSV with a header row; lines starting with '#' are comments.</summary>
    public static IReadOnlyList<ReferenceRow> Parse(string fileName, TextReader reader)
    {
        var rows = new List<ReferenceRow>();
        string[]? header = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = SplitLine(line);
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InvalidDataException(
                    $"{fileName}:{lineNumber}: expected {header.Length} fields, found {fields.Length}.");
            }

            var map = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                map[header[i]] = fields[i];
            }

            rows.Add(new ReferenceRow(fileName, lineNumber, map));
        }

        return rows;
    }

    internal static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
