using System.Globalization;
using System.Text;

namespace Replete.Data;

/// <summary>A streaming RFC 4180 reader for people's and agencies' CSV files (USDA FoodData Central, app exports).</summary>
/// <remarks>Reads one record at a time, so memory does not grow with the file. Quoted fields may hold commas, doubled
/// quotes and line breaks. Fields are exposed as spans over the current record; nothing is copied unless a field holds
/// an escaped quote. <see cref="Line"/> is the physical line where the current record starts, for error messages.</remarks>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader reader;
    private readonly StringBuilder unescaped = new();
    private readonly List<string> header = [];
    private Dictionary<string, int>? columns;
    private readonly HashSet<string> twice = new(StringComparer.OrdinalIgnoreCase);
    private (int Start, int Length, bool Escaped)[] fields = new (int, int, bool)[16];
    private string record = string.Empty;
    private int nextLine = 1;

    /// <summary>Reads CSV from <paramref name="reader"/>; <paramref name="fileName"/> names it in error messages.</summary>
    public CsvReader(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        this.reader = reader;
        FileName = fileName;
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>Whether a line starting with '#' between records is a comment, skipped like a blank line (the reviewed
    /// reference files in data/ carry their sources and notes that way).</summary>
    public bool CommentLines { get; init; }

    /// <summary>The line on which the current record starts (1-based).</summary>
    public int Line { get; private set; }

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The header read by <see cref="ReadHeader"/>.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>Whether a record with fewer fields than the header is joined with the lines after it (a note written
    /// across lines without quotes). Off by default: elsewhere a short record is an error.</summary>
    public bool JoinShortRecords { get; set; }

    /// <summary>The records that were joined from several lines: (first line, last line).</summary>
    public IReadOnlyList<(int First, int Last)> JoinedLines => joinedLines;

    private readonly List<(int First, int Last)> joinedLines = [];
    private string? pending;
    private int pendingLine;

    /// <summary>The character between fields: a comma, or a semicolon when the header has semicolons and no comma (a
    /// spreadsheet re-save in a locale whose decimal mark is the comma; numbers are then read with decimal commas).</summary>
    public char Separator { get; private set; } = ',';

    /// <summary>Reads the first record as the header; returns false for an empty file.</summary>
    public bool ReadHeader()
    {
        if (!Read())
        {
            return false;
        }

        if (!record.Contains(',', StringComparison.Ordinal) && record.Contains(';', StringComparison.Ordinal))
        {
            Separator = ';';
            Split();
        }

        header.Clear();
        twice.Clear();
        columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < FieldCount; i++)
        {
            var name = GetString(i).Trim().TrimStart('\uFEFF');
            header.Add(name);
            if (!columns.TryAdd(name, i))
            {
                twice.Add(name);
            }
        }

        return true;
    }

    /// <summary>The index of a header column, or -1 when the file has no such column.</summary>
    /// <exception cref="CsvDataException">The header gives the column twice: which one is meant cannot be known.</exception>
    public int IndexOf(string column) =>
        twice.Contains(column)
            ? throw new CsvDataException(FileName, 1, column, $"the header gives the column '{column}' twice; keep one")
            : columns is not null && columns.TryGetValue(column, out var index) ? index : -1;

    /// <summary>The index of a column the file must have.</summary>
    /// <exception cref="CsvDataException">The header lacks the column.</exception>
    public int Require(string column)
    {
        var index = IndexOf(column);
        return index >= 0
            ? index
            : throw new CsvDataException(FileName, 1, column,
                $"the header has no column '{column}' (found: {string.Join(", ", header)})");
    }

    /// <summary>Advances to the next record; returns false at the end of the file. Blank lines (and, with
    /// <see cref="CommentLines"/>, comment lines) are skipped.</summary>
    /// <exception cref="CsvDataException">A quoted field is never closed.</exception>
    public bool Read()
    {
        string? line;
        do
        {
            if (pending is not null)
            {
                (line, Line) = (pending, pendingLine);
                pending = null;
                continue;
            }

            line = ReadLine();
            if (line is null)
            {
                FieldCount = 0;
                return false;
            }

            Line = nextLine++;
        }
        while (line.Length == 0 || (CommentLines && line[0] == '#'));

        record = line;
        if (record.Length > Documents.InputLimits.MaximumCsvRecordChars)
        {
            throw new CsvDataException(FileName, Line, null, $"the line is longer than {Documents.InputLimits.MaximumCsvRecordChars / 1024} KB: not a diet or food file Replete reads");
        }

        if (record.Contains('\0', StringComparison.Ordinal))
        {
            throw new CsvDataException(FileName, Line, null, "holds a NUL character: the file is binary, or text in UTF-16 without a byte order mark; save it as UTF-8 CSV");
        }

        // A quoted field may run over several lines; the record grows in one buffer and stops at the limits, so an
        // unclosed quote costs a bounded amount of work and is reported where it opened.
        StringBuilder? joined = null;
        while (!Split())
        {
            var more = ReadLine()
                ?? throw new CsvDataException(FileName, Line, null, "a quoted field opened on this line is not closed before the end of the file (is the file truncated?)");
            nextLine++;
            joined ??= new StringBuilder(record);
            joined.Append('\n').Append(more);
            if (nextLine - Line > Documents.InputLimits.MaximumCsvRecordLines || joined.Length > Documents.InputLimits.MaximumCsvRecordChars)
            {
                throw new CsvDataException(FileName, Line, null,
                    $"a quoted field opened on this line is still open {nextLine - Line} lines later: a quote is not closed (or a note is longer than Replete reads)");
            }

            record = joined.ToString();
        }

        // A note written across lines without quotes (MyFitnessPal) puts the rest of the note on lines of their own,
        // each short of the header's fields: with JoinShortRecords such lines are read ahead and added to the record's
        // last field (their separators as spaces), and the lines are remembered.
        var last = Line;
        while (JoinShortRecords && header.Count > 1 && nextLine - Line < Documents.InputLimits.MaximumCsvRecordLines)
        {
            var ahead = ReadLine();
            if (ahead is null)
            {
                break;
            }

            var aheadLine = nextLine++;
            if (ahead.Contains('"', StringComparison.Ordinal) || ahead.Count(c => c == Separator) + 1 >= header.Count || StartsLikeThisRecord(ahead))
            {
                (pending, pendingLine) = (ahead, aheadLine);
                break;
            }

            if (record.Length + ahead.Length > Documents.InputLimits.MaximumCsvRecordChars)
            {
                throw new CsvDataException(FileName, Line, null, $"the row and the lines that continue it are longer than {Documents.InputLimits.MaximumCsvRecordChars / 1024} KB");
            }

            if (ahead.Length > 0)
            {
                record = string.Concat(record, " ", ahead.Replace(Separator, ' '));
                Split();
                last = aheadLine;
            }
        }

        if (last > Line)
        {
            joinedLines.Add((Line, last));
        }

        // More fields than the header shifts every value after them (a comma inside an unquoted field): half a row is
        // an error, and so is a row and a half. Empty trailing fields (a spreadsheet's trailing commas) are harmless.
        if (header.Count > 0 && FieldCount > header.Count)
        {
            for (var i = header.Count; i < FieldCount; i++)
            {
                if (!GetSpan(i).IsWhiteSpace())
                {
                    throw new CsvDataException(FileName, Line, $"field {i + 1}",
                        $"the record has {FieldCount} fields; the header has {header.Count} (a comma inside a field that is not quoted?)");
                }
            }
        }

        return true;
    }

    /// <summary>Whether a line read ahead starts with a field shaped like this record's first (both dates, say): a new
    /// record cut short, not the rest of a note, which is then reported rather than joined.</summary>
    private bool StartsLikeThisRecord(string ahead)
    {
        static string Shape(ReadOnlySpan<char> field) =>
            string.Create(field.Length, field.ToString(), (shape, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    shape[i] = char.IsAsciiDigit(text[i]) ? '9' : char.IsLetter(text[i]) ? 'a' : text[i];
                }
            });
        var first = fields[0];
        var aheadEnd = ahead.IndexOf(Separator, StringComparison.Ordinal);
        return FieldCount > 0 && aheadEnd > 0 && first.Length > 0 && !first.Escaped
            && Shape(record.AsSpan(first.Start, first.Length).Trim()) == Shape(ahead.AsSpan(0, aheadEnd).Trim());
    }

    /// <summary>The raw characters of field <paramref name="index"/>; quotes removed, escaped quotes undoubled.</summary>
    public ReadOnlySpan<char> GetSpan(int index)
    {
        var (start, length, escaped) = Field(index);
        if (!escaped)
        {
            return record.AsSpan(start, length);
        }

        unescaped.Clear();
        var span = record.AsSpan(start, length);
        for (var i = 0; i < span.Length; i++)
        {
            unescaped.Append(span[i]);
            if (span[i] == '"')
            {
                i++;
            }
        }

        return unescaped.ToString().AsSpan();
    }

    /// <summary>Field <paramref name="index"/> as a string.</summary>
    public string GetString(int index) => GetSpan(index).ToString();

    /// <summary>Field <paramref name="index"/> trimmed, or null when it is empty.</summary>
    public string? GetOptionalString(int index)
    {
        if (index < 0 || index >= FieldCount)
        {
            return null;
        }

        var span = GetSpan(index).Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>Field <paramref name="index"/> as a number, or null when empty.</summary>
    /// <exception cref="CsvDataException">The field holds something that is not a number.</exception>
    public double? GetOptionalDouble(int index)
    {
        var span = GetSpan(index).Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        // With semicolons between fields the decimal mark is a comma (a spreadsheet saved in such a locale).
        var text = Separator == ';' ? span.ToString().Replace(',', '.') : null;
        return (text is null ? double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) && double.IsFinite(value)
            ? value
            : throw Error(index, $"'{span}' is not a number");
    }

    /// <summary>Field <paramref name="index"/> as a number.</summary>
    /// <exception cref="CsvDataException">The field is empty or not a number.</exception>
    public double GetDouble(int index) => GetOptionalDouble(index) ?? throw Error(index, "is empty");

    /// <summary>Field <paramref name="index"/> as an integer.</summary>
    /// <exception cref="CsvDataException">The field is empty or not an integer.</exception>
    public long GetInt64(int index)
    {
        var span = GetSpan(index).Trim();
        return long.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(index, span.IsEmpty ? "is empty" : $"'{span}' is not a whole number");
    }

    /// <summary>An error about field <paramref name="index"/> of the current record.</summary>
    public CsvDataException Error(int index, string message) =>
        new(FileName, Line, index >= 0 && index < header.Count ? header[index] : $"field {index + 1}", message);

    /// <inheritdoc />
    public void Dispose() => reader.Dispose();

    private readonly char[] buffer = new char[16_384];
    private int bufferStart;
    private int bufferEnd;

    /// <summary>The next line, as <see cref="TextReader.ReadLine"/> gives it (ended by CR, LF or CR LF), or null at
    /// the end; a line longer than <see cref="Documents.InputLimits.MaximumCsvRecordChars"/> is refused as soon as it
    /// passes the limit, so a file of one 50 MB line costs about the limit in memory rather than several times the
    /// file (TextReader.ReadLine builds the whole line first: about 388 MB for 50 MB).</summary>
    /// <exception cref="CsvDataException">The line is longer than the limit.</exception>
    private string? ReadLine()
    {
        StringBuilder? longLine = null;
        while (true)
        {
            if (bufferStart == bufferEnd && !Fill())
            {
                return longLine?.ToString();
            }

            var span = buffer.AsSpan(bufferStart, bufferEnd - bufferStart);
            var end = span.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                (longLine ??= new StringBuilder()).Append(span);
                bufferStart = bufferEnd;
                if (longLine.Length > Documents.InputLimits.MaximumCsvRecordChars)
                {
                    throw new CsvDataException(FileName, nextLine, null, $"the line is longer than {Documents.InputLimits.MaximumCsvRecordChars / 1024} KB: not a diet or food file Replete reads");
                }

                continue;
            }

            var line = longLine is null ? new string(span[..end]) : longLine.Append(span[..end]).ToString();
            var carriageReturn = span[end] == '\r';
            bufferStart += end + 1;
            if (carriageReturn && (bufferStart < bufferEnd || Fill()) && buffer[bufferStart] == '\n')
            {
                bufferStart++;
            }

            return line;
        }
    }

    private bool Fill()
    {
        bufferStart = 0;
        bufferEnd = reader.Read(buffer, 0, buffer.Length);
        return bufferEnd > 0;
    }

    private (int Start, int Length, bool Escaped) Field(int index)
    {
        if ((uint)index >= (uint)FieldCount)
        {
            throw Error(index, $"the record has {FieldCount} fields; the header has {header.Count} (is the line truncated?)");
        }

        return fields[index];
    }

    /// <summary>Splits <see cref="record"/> into fields; false when a quoted field runs past its end.</summary>
    private bool Split()
    {
        var count = 0;
        var i = 0;
        var text = record;
        while (true)
        {
            if (count == fields.Length)
            {
                Array.Resize(ref fields, fields.Length * 2);
            }

            if (i < text.Length && text[i] == '"')
            {
                var start = i + 1;
                var escaped = false;
                var j = start;
                while (true)
                {
                    var quote = text.IndexOf('"', j);
                    if (quote < 0)
                    {
                        return false;
                    }

                    if (quote + 1 < text.Length && text[quote + 1] == '"')
                    {
                        escaped = true;
                        j = quote + 2;
                        continue;
                    }

                    fields[count++] = (start, quote - start, escaped);
                    i = quote + 1;
                    break;
                }

                var comma = text.IndexOf(Separator, i);
                var stray = text.AsSpan(i, (comma < 0 ? text.Length : comma) - i);
                if (!stray.IsWhiteSpace())
                {
                    throw new CsvDataException(FileName, Line, count <= header.Count && count > 0 ? header[count - 1] : $"field {count}",
                        $"unexpected '{stray}' after a closing quote (is the line truncated or badly quoted?)");
                }

                if (comma < 0)
                {
                    break;
                }

                i = comma + 1;
            }
            else
            {
                var comma = text.IndexOf(Separator, i);
                if (comma < 0)
                {
                    fields[count++] = (i, text.Length - i, false);
                    break;
                }

                fields[count++] = (i, comma - i, false);
                i = comma + 1;
            }
        }

        FieldCount = count;
        return true;
    }
}
