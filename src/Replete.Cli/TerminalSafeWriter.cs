using System.Globalization;
using System.Text;

namespace Replete.Cli;

/// <summary>Writes plain text (errors, notes, JSON, markdown, HTML) with control characters from a person's files shown
/// as <c>\u001B</c> rather than passed to the terminal, where an escape sequence in a food name could recolour, retitle or
/// rewrite the screen. Tabs and line feeds pass through.</summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => CultureInfo.InvariantCulture;

    public override void Write(char value)
    {
        if (IsUnsafe(value))
        {
            inner.Write(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)value:X4}"));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => inner.Write(value is null ? null : Visible(value));

    /// <summary>A line break in the writer's own style, passed through (on Windows "\r\n", whose '\r' alone is unsafe).</summary>
    public override void WriteLine() => inner.WriteLine();

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void Flush() => inner.Flush();

    /// <summary><paramref name="text"/> with every unsafe character shown as <c>\uXXXX</c>, for text that reaches the
    /// terminal another way (Spectre.Console tables and markup).</summary>
    public static string Visible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = IsUnsafe(c) ? shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : shown.Append(c);
        }

        return shown.ToString();
    }

    /// <summary>Control characters (a carriage return could overwrite the line before it), the line and paragraph
    /// separators, the bidirectional marks, overrides and isolates (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069)
    /// that can make text read differently from what it is, and the characters that show nothing (zero-width space,
    /// non-joiner and joiner, word joiner, byte order mark, Mongolian vowel separator, soft hyphen): "iron\u200B" looks
    /// like "iron" and is another name.</summary>
    private static bool IsUnsafe(char c) => c is not ('\t' or '\n') && (char.IsControl(c)
        || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
        || c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF' or '\u180E' or '\u00AD');
}
