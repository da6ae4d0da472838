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
        var first = 0;
        while (first < text.Length && !Replete.Documents.HiddenText.IsHidden(text, first))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            _ = Replete.Documents.HiddenText.IsHidden(text, i) ? shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:X4}") : shown.Append(text[i]);
        }

        return shown.ToString();
    }

    /// <summary>The engine's rule for text that shows otherwise than it is (<see cref="Replete.Documents.HiddenText.IsHidden(char)"/>):
    /// a character written alone has no neighbours, so a zero-width joiner written alone is shown escaped.</summary>
    private static bool IsUnsafe(char c) => Replete.Documents.HiddenText.IsHidden(c);
}
