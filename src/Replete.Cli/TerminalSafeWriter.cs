using System.Globalization;
using System.Text;

namespace Replete.Cli;

/// <summary>Writes plain text (errors, notes, JSON, markdown, HTML) with control characters from a person's files shown
/// as <c>\u001B</c> rather than passed to the terminal, where an escape sequence in a food name could recolour, retitle or
/// rewrite the screen. Tab and line breaks pass through.</summary>
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

    public override void Write(string? value)
    {
        if (value is null || !value.Any(IsUnsafe))
        {
            inner.Write(value);
            return;
        }

        foreach (var c in value)
        {
            Write(c);
        }
    }

    public override void Flush() => inner.Flush();

    private static bool IsUnsafe(char c) => c is not ('\t' or '\n' or '\r') && (char.IsControl(c) || c is '\u2028' or '\u2029');
}
