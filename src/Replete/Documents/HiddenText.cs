namespace Replete.Documents;

/// <summary>Characters that make text show otherwise than it is: the one rule the command line escapes them by (shown as
/// <c>\u202E</c>) and the server refuses stored text by.</summary>
public static class HiddenText
{
    /// <summary>Control characters (a carriage return could overwrite the line before it), the line and paragraph
    /// separators, the bidirectional marks, overrides and isolates (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069)
    /// that can make text read differently from what it is, and the characters that show nothing (zero-width space,
    /// non-joiner and joiner, word joiner, byte order mark, Mongolian vowel separator, soft hyphen): "iron\u200B" looks
    /// like "iron" and is another name. Tab and line feed are not counted here; a caller that takes one line refuses them
    /// itself.</summary>
    public static bool IsHidden(char c) => c is not ('\t' or '\n') && (char.IsControl(c)
        || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
        || c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF' or '\u180E' or '\u00AD');

    /// <summary>The first character of <paramref name="text"/> that may not be stored as it is, or null: a
    /// <see cref="IsHidden"/> one, or a tab or line break where <paramref name="lines"/> is false (a name is one line).</summary>
    public static char? First(string? text, bool lines = false)
    {
        foreach (var c in text ?? "")
        {
            if (IsHidden(c) ? !(lines && c == '\r') : !lines && c is '\t' or '\n')
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>What a refusal says of <paramref name="c"/>: "holds U+202E: text without control or direction characters
    /// or invisible ones (what is shown would differ from what is stored); remove it".</summary>
    public static string Refusal(char c) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"holds U+{(int)c:X4}: text without control or direction characters or invisible ones (what is shown would differ from what is stored); remove it");
}
