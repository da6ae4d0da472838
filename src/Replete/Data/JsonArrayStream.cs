using System.Text.Json;

namespace Replete.Data;

/// <summary>Reads the elements of one array property of a JSON document's root object (<c>{"entries": [...]}</c>)
/// from a stream, one at a time, each as its own <see cref="JsonSource"/> that keeps the file's line numbers: memory
/// holds one element and a read buffer, never the document. Other root properties are skipped.</summary>
/// <remarks>Written by hand on <see cref="Utf8JsonReader"/>'s resumable state because <see cref="JsonDocument"/> and
/// the serializer's async array streaming either hold the whole document or lose the line of each element, which every
/// error must name.</remarks>
/// <param name="stream">The document's bytes (UTF-8, a byte order mark allowed).</param>
/// <param name="fileName">The file name for errors.</param>
/// <param name="property">The root property that holds the array.</param>
/// <param name="shape">What the document should look like, for the error when it does not.</param>
/// <param name="maximumElementBytes">The largest element read; a longer one is an error rather than an unbounded buffer.</param>
internal sealed class JsonArrayStream(Stream stream, string fileName, string property, string shape, int maximumElementBytes)
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int length;
    private int lineAtStart = 1;
    private bool final;
    private bool found;
    private bool bomChecked;
    private readonly Dictionary<string, int> properties = new(StringComparer.Ordinal);
    private JsonReaderState state = new(Options);
    private Phase phase = Phase.Root;

    private enum Phase
    {
        Root,
        Properties,
        Elements,
        Done,
    }

    private enum Outcome
    {
        Again,
        More,
        Element,
        Done,
    }

    /// <summary>Each element of the array in order; the caller disposes each.</summary>
    /// <exception cref="CsvDataException">Not valid JSON, not the expected shape, or an element too long: names the file
    /// and line.</exception>
    public IEnumerable<JsonSource> Elements()
    {
        while (true)
        {
            JsonSource? element;
            Outcome outcome;
            while ((outcome = Step(out element)) is Outcome.Again or Outcome.More)
            {
                if (outcome == Outcome.More)
                {
                    Refill();
                }
            }

            if (outcome == Outcome.Done)
            {
                yield break;
            }

            yield return element!;
        }
    }

    private Outcome Step(out JsonSource? element)
    {
        element = null;
        if (!bomChecked)
        {
            if (length < 3 && !final)
            {
                return Outcome.More;
            }

            bomChecked = true;
            start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        }

        var reader = new Utf8JsonReader(buffer.AsSpan(start, length - start), final, state);
        try
        {
            switch (phase)
            {
                case Phase.Root:
                    if (!reader.Read())
                    {
                        return final ? throw Error(lineAtStart, property, shape) : Outcome.More;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Error(LineAt(start + (int)reader.TokenStartIndex), property, shape);
                    }

                    Commit(ref reader, Phase.Properties);
                    return Outcome.Again;

                case Phase.Properties:
                    if (!reader.Read())
                    {
                        return Outcome.More;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        if (!found)
                        {
                            throw Error(LineAt(start + (int)reader.TokenStartIndex), property, shape);
                        }

                        Commit(ref reader, Phase.Done);
                        return Outcome.Again;
                    }

                    var line = LineAt(start + (int)reader.TokenStartIndex);
                    string name;
                    try
                    {
                        name = reader.GetString()!;
                    }
                    catch (InvalidOperationException)
                    {
                        // Bytes that are not UTF-8, or an escaped lone surrogate: the reader decodes a name only here.
                        throw Error(line, property, "a field name is not text (not UTF-8, or an escaped half of a surrogate pair): save the file as UTF-8");
                    }

                    if (properties.TryGetValue(name, out var first))
                    {
                        throw Error(line, name, $"'{name}' is given twice (lines {first} and {line}); give it once");
                    }

                    if (!reader.Read())
                    {
                        return Outcome.More;
                    }

                    if (name == property)
                    {
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw Error(line, property, shape);
                        }

                        found = true;
                        properties[name] = line;
                        Commit(ref reader, Phase.Elements);
                        return Outcome.Again;
                    }

                    if (!reader.TrySkip())
                    {
                        return Outcome.More;
                    }

                    properties[name] = line;
                    Commit(ref reader, Phase.Properties);
                    return Outcome.Again;

                case Phase.Elements:
                    if (!reader.Read())
                    {
                        return Outcome.More;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        Commit(ref reader, Phase.Properties);
                        return Outcome.Again;
                    }

                    var from = start + (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    {
                        return Outcome.More;
                    }

                    var to = start + (int)reader.BytesConsumed;
                    element = JsonSource.Parse(buffer.AsSpan(from, to - from), fileName, LineAt(from));
                    Commit(ref reader, Phase.Elements);
                    return Outcome.Element;

                default:
                    // Only white space or comments may follow the document (a second value is an error of the reader).
                    return reader.Read() ? throw Error(LineAt(start + (int)reader.TokenStartIndex), property, shape)
                        : final ? Outcome.Done : Outcome.More;
            }
        }
        catch (JsonException ex)
        {
            // The reader's state carries its line count across the steps: its line is the file's (0-based).
            throw new CsvDataException(fileName, (int)(ex.LineNumber ?? 0) + 1, null, $"not valid JSON ({ex.Message.Split('.')[0]})");
        }
    }

    /// <summary>Moves past what <paramref name="reader"/> consumed, counting its lines once.</summary>
    private void Commit(ref Utf8JsonReader reader, Phase next)
    {
        var end = start + (int)reader.BytesConsumed;
        lineAtStart += buffer.AsSpan(start, end - start).Count((byte)'\n');
        start = end;
        state = reader.CurrentState;
        phase = next;
    }

    /// <summary>The 1-based line of the byte at <paramref name="offset"/> (at or after the consumed part).</summary>
    private int LineAt(int offset) => lineAtStart + buffer.AsSpan(start, offset - start).Count((byte)'\n');

    /// <summary>Drops what was consumed and reads more, growing the buffer up to the longest element allowed.</summary>
    private void Refill()
    {
        if (final)
        {
            throw new CsvDataException(fileName, LineAt(length), null, "not valid JSON (it ends before the document does)");
        }

        buffer.AsSpan(start, length - start).CopyTo(buffer);
        length -= start;
        start = 0;
        if (length == buffer.Length)
        {
            if (buffer.Length >= maximumElementBytes)
            {
                throw new CsvDataException(fileName, lineAtStart, null, $"an entry is longer than {maximumElementBytes / 1024} KB: not a food log Replete reads");
            }

            Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maximumElementBytes));
        }

        var read = stream.Read(buffer, length, buffer.Length - length);
        final = read == 0;
        length += read;
    }

    private CsvDataException Error(int line, string field, string message) => new(fileName, line, field, message);
}
