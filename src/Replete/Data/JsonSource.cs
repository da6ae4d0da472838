using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Replete.Data;

/// <summary>A parsed JSON document that knows the line of every value, so an error can name the file, the line and the
/// field. The document is parsed over its own buffer without a copy; an element's bytes lie inside that buffer, and
/// their offset gives the line.</summary>
public sealed class JsonSource : IDisposable
{
    private readonly ReadOnlyMemory<byte> buffer;
    private readonly int[] lineStarts;
    private readonly JsonDocument document;

    private readonly int firstLine;

    private JsonSource(string fileName, byte[] utf8, int firstLine = 1)
    {
        FileName = fileName;
        this.firstLine = firstLine;
        buffer = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        lineStarts = [.. starts];
        // The parser checks the structure but not the text inside strings; a string is decoded only when read, where
        // bytes that are not UTF-8 or an escaped half of a surrogate pair ("\ud800") threw InvalidOperationException
        // from deep inside a reader. Checked here, once, every reader of a document may read any string.
        if (!Utf8.IsValid(utf8))
        {
            var offset = FirstInvalidUtf8(utf8);
            throw new CsvDataException(fileName, LineAtOffset(offset), null, $"the file is not UTF-8 text (byte 0x{utf8[offset]:X2}; saved as Latin-1 or Windows-1252?): save it as UTF-8");
        }

        try
        {
            document = JsonDocument.Parse(buffer, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CsvDataException(fileName, (int)(ex.LineNumber ?? 0) + firstLine, null, $"not valid JSON ({ex.Message.Split('.')[0]})");
        }

        try
        {
            RequireText(document.RootElement, null);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The file name used in errors.</summary>
    public string FileName { get; }

    /// <summary>The document's root value.</summary>
    public JsonElement Root => document.RootElement;

    /// <summary>Parses <paramref name="json"/>.</summary>
    /// <exception cref="CsvDataException">Not valid JSON: names the file and line.</exception>
    public static JsonSource Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new JsonSource(fileName, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses one value cut from a larger file, whose first byte is on line <paramref name="firstLine"/> of it,
    /// so that lines are the file's (a food log read entry by entry).</summary>
    /// <exception cref="CsvDataException">Not valid JSON: names the file and line.</exception>
    internal static JsonSource Parse(ReadOnlySpan<byte> utf8, string fileName, int firstLine) => new(fileName, utf8.ToArray(), firstLine);

    /// <summary>The 1-based line where <paramref name="element"/> starts; it must come from this document.</summary>
    public int LineOf(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        var offset = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(buffer.Span), ref MemoryMarshal.GetReference(raw));
        if (offset < 0 || offset > buffer.Length)
        {
            throw new ArgumentException("the element does not come from this document", nameof(element));
        }

        return LineAtOffset(offset);
    }

    private int LineAtOffset(int offset)
    {
        var line = Array.BinarySearch(lineStarts, offset);
        return (line >= 0 ? line : ~line - 1) + firstLine;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    /// <summary>Refuses a string or property name that is not text: an escaped lone surrogate ("\ud800") is valid JSON
    /// but no character, and no .NET string can be made of it.</summary>
    private void RequireText(JsonElement element, string? field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        throw new CsvDataException(FileName, LineOf(property.Value), field, "a field name holds an escaped half of a surrogate pair (\\uD800 to \\uDFFF alone), which is no character");
                    }

                    RequireText(property.Value, name);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    RequireText(item, field);
                }

                break;
            case JsonValueKind.String:
                if (!JsonMarshal.GetRawUtf8Value(element).Contains((byte)'\\'))
                {
                    break;
                }

                try
                {
                    _ = element.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new CsvDataException(FileName, LineOf(element), field, "holds an escaped half of a surrogate pair (\\uD800 to \\uDFFF alone), which is no character");
                }

                break;
        }
    }

    /// <summary>The line of <paramref name="element"/>'s <paramref name="field"/>, or of the element when the field is absent.</summary>
    public int LineOf(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) ? LineOf(value) : LineOf(element);

    /// <summary>An error at <paramref name="element"/>'s <paramref name="field"/> (its line, or the element's).</summary>
    public CsvDataException Error(JsonElement element, string field, string message) => new(FileName, LineOf(element, field), field, message);

    /// <inheritdoc/>
    public void Dispose() => document.Dispose();
}
