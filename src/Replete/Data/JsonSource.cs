using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

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
        try
        {
            document = JsonDocument.Parse(buffer, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CsvDataException(fileName, (int)(ex.LineNumber ?? 0) + firstLine, null, $"not valid JSON ({ex.Message.Split('.')[0]})");
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

        var line = Array.BinarySearch(lineStarts, offset);
        return (line >= 0 ? line : ~line - 1) + firstLine;
    }

    /// <summary>The line of <paramref name="element"/>'s <paramref name="field"/>, or of the element when the field is absent.</summary>
    public int LineOf(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) ? LineOf(value) : LineOf(element);

    /// <summary>An error at <paramref name="element"/>'s <paramref name="field"/> (its line, or the element's).</summary>
    public CsvDataException Error(JsonElement element, string field, string message) => new(FileName, LineOf(element, field), field, message);

    /// <inheritdoc/>
    public void Dispose() => document.Dispose();
}
