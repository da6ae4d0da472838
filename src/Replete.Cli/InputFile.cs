using System.Globalization;
using System.Text;
using System.Text.Json;
using Replete.Data;
using Replete.Documents;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Replete.Cli;

/// <summary>A JSON or YAML input file (by extension: .yaml or .yml is YAML), read into one JSON document that still
/// knows the line of every value, so an error names the file, the line and the field.</summary>
/// <remarks>YAML is converted to JSON text that keeps each value on its YAML line (JSON allows newlines between
/// tokens); <see cref="JsonSource"/> then finds any value's line.</remarks>
internal sealed class InputFile : IDisposable
{
    private readonly JsonSource source;

    private InputFile(string name, string json)
    {
        Name = name;
        source = JsonSource.Parse(json, name);
    }

    /// <summary>The file as the person named it (the path they typed), in messages.</summary>
    public string Name { get; }

    /// <summary>The parsed document, for the engine's readers.</summary>
    public JsonSource Source => source;

    /// <summary>Reads the document at <paramref name="path"/> with one of the engine's readers.</summary>
    /// <exception cref="InputException">The file cannot be read, or the document has problems: every one of them.</exception>
    /// <param name="path">The full path.</param>
    /// <param name="read">The engine's reader.</param>
    /// <param name="shown">The path as the person typed it, for messages; the file's name when null.</param>
    public static T Read<T>(string path, Func<JsonSource, InputResult<T>> read, string? shown = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        using var file = Read(path, shown);
        return read(file.Source).OrThrow();
    }

    /// <summary>Reads <paramref name="path"/>; every failure is an <see cref="InputException"/> naming the file and line.</summary>
    public static InputFile Read(string path, string? shown = null)
    {
        var name = shown ?? Path.GetFileName(path);
        var text = ReadText(path, name);
        var yaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        return new InputFile(name, yaml ? YamlToJson(name, text) : text);
    }

    /// <summary>Refuses, naming the file, a path that is missing, a folder, or of length zero: a named pipe, a device
    /// and a /proc file report no length, and opening a pipe would wait for a writer for ever. Every input file passes
    /// here before it is opened.</summary>
    /// <exception cref="InputException">The path is not a file Replete can read.</exception>
    /// <param name="path">The path to check.</param>
    /// <param name="shown">The path as the person typed it, for messages; <paramref name="path"/> when null.</param>
    public static void RequireRegularFile(string path, string? shown = null)
    {
        var file = new FileInfo(path);
        // A link is judged by what it finally points to: a link whose target is missing, or a loop of links, still
        // "exists" as a link of non-zero length.
        string? linkProblem = null;
        if (file.LinkTarget is { } linkTarget)
        {
            try
            {
                // A FileInfo's target is a FileInfo even when it is a folder, which then does not "exist" as a file.
                var target = file.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null && Directory.Exists(target.FullName))
                {
                    linkProblem = $"cannot read the file: it is a link to a folder ({target.FullName})";
                }
                else if (target is FileInfo { Exists: false } missing)
                {
                    linkProblem = $"no such file: it is a link to a missing file ({missing.FullName})";
                }
                else
                {
                    file = new FileInfo(target?.FullName ?? path);
                }
            }
            catch (IOException ex)
            {
                linkProblem = $"cannot follow the link to {linkTarget} ({ex.Message.Trim().TrimEnd('.')})";
            }
        }

        var problem = linkProblem
            ?? (Directory.Exists(path) ? "cannot read the file: it is a folder"
            : !file.Exists ? (file.LinkTarget is null ? "no such file" : $"no such file: it is a link to a missing file ({file.LinkTarget})")
            : file.Length == 0 ? EmptyOrSpecial(file.FullName)
            : null);
        if (problem is not null)
        {
            throw Problem(shown ?? path, null, InputProblemCodes.Unreadable, problem);
        }
    }

    /// <summary>Why a path of length zero is refused: a device (under /dev) and a system file (under /proc or /sys) are
    /// named as such; anything else is an empty file, or a named pipe or socket (which also report no length, and which
    /// the BCL cannot tell from an empty file without opening them, and opening a pipe waits for a writer).</summary>
    private static string EmptyOrSpecial(string fullPath) => fullPath switch
    {
        _ when fullPath.StartsWith("/dev/", StringComparison.Ordinal) => "is a device, not a file; Replete reads only ordinary files",
        _ when fullPath.StartsWith("/proc/", StringComparison.Ordinal) || fullPath.StartsWith("/sys/", StringComparison.Ordinal) =>
            $"is a system file (under /{fullPath.Split('/')[1]}), not a data file; Replete reads only ordinary files",
        _ => "the file is empty (or it is a named pipe or a socket, which Replete does not read)",
    };

    /// <summary>The text of a document file, read only up to <see cref="InputLimits.MaximumDocumentChars"/>.</summary>
    /// <exception cref="InputException">The path is not a readable file, or the text is longer than the limit.</exception>
    /// <param name="path">The full path.</param>
    /// <param name="shown">The path as the person typed it, for messages; the file's name when null.</param>
    public static string ReadText(string path, string? shown = null)
    {
        var name = shown ?? Path.GetFileName(path);
        RequireRegularFile(path, name);
        try
        {
            // Read in pieces and stop once past the limit: /dev/zero or a huge file stops here rather than exhausting
            // memory, and a file of a few kilobytes costs a few kilobytes (a buffer of the whole limit was 10 MB a file,
            // on the large object heap: a full collection at each of the resident process's commands).
            // Strict UTF-8: a file saved as Latin-1 or Windows-1252 ("crème" as E8) is refused, not read with U+FFFD
            // in place of its letters.
            using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            var text = new StringBuilder();
            var buffer = new char[16_384];
            int read;
            while ((read = reader.ReadBlock(buffer, 0, buffer.Length)) > 0)
            {
                if (text.Length + read > InputLimits.MaximumDocumentChars)
                {
                    throw Problem(name, null, InputProblemCodes.Size, $"the file is longer than {InputLimits.MaximumDocumentChars / 1_000_000} million characters; an assessment, profile or plan is a few kilobytes");
                }

                text.Append(buffer, 0, read);
            }

            return text.ToString();
        }
        catch (DecoderFallbackException)
        {
            throw Problem(name, LineOfFirstInvalidUtf8(path), InputProblemCodes.Unreadable, "the file is not UTF-8 text (saved as Latin-1 or Windows-1252?): save it as UTF-8");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Problem(name, null, InputProblemCodes.Unreadable, $"cannot read the file ({ex.Message})");
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The 1-based line of the first byte that is not UTF-8, read again in pieces (the decoder's error does
    /// not say where in the file it was).</summary>
    private static int LineOfFirstInvalidUtf8(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[16_384];
        int carried = 0, read, line = 1;
        while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0 || carried > 0)
        {
            var span = buffer.AsSpan(0, carried + read);
            var offset = 0;
            while (offset < span.Length)
            {
                var status = Rune.DecodeFromUtf8(span[offset..], out var rune, out var consumed);
                if (status == System.Buffers.OperationStatus.NeedMoreData && read > 0)
                {
                    break;
                }

                if (status != System.Buffers.OperationStatus.Done)
                {
                    return line;
                }

                line += rune.Value == '\n' ? 1 : 0;
                offset += consumed;
            }

            carried = span.Length - offset;
            span[offset..].CopyTo(buffer);
        }

        return line;
    }

    public void Dispose() => source.Dispose();

    /// <summary>Converts one YAML document (block or flow style, no anchors or tags) to JSON with each value on its YAML
    /// line. Plain scalars follow the YAML 1.2 core schema: null, true/false, numbers; anything quoted is text.</summary>
    internal static string YamlToJson(string name, string yaml)
    {
        var json = new StringBuilder();
        var line = 1;
        var containers = new Stack<(bool Mapping, int Count)>();
        var documents = 0;
        void Token(Mark start, string token)
        {
            if (containers.Count > 0)
            {
                var (mapping, count) = containers.Pop();
                var isKey = mapping && count % 2 == 0;
                if (count > 0 && (!mapping || isKey))
                {
                    json.Append(',');
                }

                containers.Push((mapping, count + 1));
                while (line < start.Line)
                {
                    json.Append('\n');
                    line++;
                }

                json.Append(token);
                if (isKey)
                {
                    json.Append(':');
                }

                return;
            }

            while (line < start.Line)
            {
                json.Append('\n');
                line++;
            }

            json.Append(token);
        }

        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart when ++documents > 1:
                        throw Problem(name, (int)parser.Current.Start.Line, InputProblemCodes.Unreadable, "one YAML document per file");
                    case AnchorAlias or NodeEvent { Anchor.IsEmpty: false }:
                        throw Problem(name, (int)parser.Current.Start.Line, InputProblemCodes.Unreadable, "YAML anchors and aliases are not supported; write the value out");
                    case NodeEvent { Tag.IsEmpty: false } tagged:
                        throw Problem(name, (int)tagged.Start.Line, InputProblemCodes.Unreadable, $"YAML tags ({tagged.Tag}) are not supported; quote a value to make it text");
                    case MappingStart or SequenceStart when containers.TryPeek(out var parent) && parent.Mapping && parent.Count % 2 == 0:
                        throw Problem(name, (int)parser.Current.Start.Line, InputProblemCodes.Unreadable, "a YAML key must be plain text, not a list or mapping");
                    case MappingStart start:
                        Token(start.Start, "{");
                        containers.Push((true, 0));
                        break;
                    case SequenceStart start:
                        Token(start.Start, "[");
                        containers.Push((false, 0));
                        break;
                    case MappingEnd or SequenceEnd:
                        var (mapping, _) = containers.Pop();
                        json.Append(mapping ? '}' : ']');
                        break;
                    case Scalar scalar:
                        var isKey = containers.TryPeek(out var top) && top.Mapping && top.Count % 2 == 0;
                        Token(scalar.Start, isKey ? JsonSerializer.Serialize(scalar.Value) : ScalarJson(scalar));
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections instead of a YamlException.
            throw Problem(name, line, InputProblemCodes.Unreadable, "not valid YAML (an unclosed [ or { from here on?)");
        }
        catch (YamlException ex)
        {
            throw Problem(name, (int)ex.Start.Line, InputProblemCodes.Unreadable, $"not valid YAML ({ex.Message.Split(". ")[0].Split("): ")[^1]})");
        }

        return documents == 0 || json.Length == 0 ? throw Problem(name, null, InputProblemCodes.Size, "the file is empty") : json.ToString();
    }

    private static InputException Problem(string name, int? line, string code, string message) => new([new InputProblem(name, line, "", code, message)]);

    private static string ScalarJson(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonSerializer.Serialize(scalar.Value);
        }

        var value = scalar.Value;
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => "null",
            "true" or "True" or "TRUE" => "true",
            "false" or "False" or "FALSE" => "false",
            _ when System.Text.RegularExpressions.Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                => number.ToString("R", CultureInfo.InvariantCulture),
            _ => JsonSerializer.Serialize(value),
        };
    }
}
