namespace Replete.Documents;

/// <summary>Characters that make text show otherwise than it is: the one rule the command line escapes them by (shown as
/// <c>\u202E</c>) and the server refuses stored text by.</summary>
public static class HiddenText
{
    /// <summary>Control characters (a carriage return could overwrite the line before it), the line and paragraph
    /// separators, the bidirectional marks, overrides and isolates (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069)
    /// that can make text read differently from what it is, and the characters that show nothing (zero-width space,
    /// non-joiner and joiner, word joiner, byte order mark, Mongolian vowel separator, soft hyphen): "iron\u200B" looks
    /// like "iron" and is another name; likewise the invisible mathematical operators (U+2061-U+2064), the interlinear
    /// annotation characters (U+FFF9-U+FFFB) and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), which show as
    /// blank space. Tab and line feed are not counted here; a caller that takes one line refuses them itself.</summary>
    public static bool IsHidden(char c) => c is not ('\t' or '\n') && (char.IsControl(c)
        || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
        || c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF' or '\u180E' or '\u00AD'
        || c is (>= '\u2061' and <= '\u2064') or (>= '\uFFF9' and <= '\uFFFB') or '\u115F' or '\u1160' or '\u3164' or '\uFFA0');

    /// <summary>The first character of <paramref name="text"/> that may not be stored as it is, or null: a
    /// <see cref="IsHidden(string, int)"/> one, or a tab or line break where <paramref name="lines"/> is false (a name is one line).</summary>
    public static char? First(string? text, bool lines = false)
    {
        text ??= "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsHidden(text, i) ? !(lines && c == '\r') : !lines && c is '\t' or '\n')
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Whether the character at <paramref name="index"/> of <paramref name="text"/> is hidden: as
    /// <see cref="IsHidden(char)"/>, except a zero-width non-joiner or joiner where it changes what is shown. The
    /// non-joiner (U+200C) after a virama or between two Arabic-script letters keeps them apart (Persian "می‌خواهم"); the
    /// joiner (U+200D) after a virama, or between two emoji, joins them (an emoji ZWJ sequence such as a family or
    /// "woman running"). These contexts are RFC 5892 (IDNA 2008) Appendix A.1 and A.2, with the Arabic joining types
    /// approximated by "a letter of the Arabic blocks", and Unicode Technical Standard #51 (Unicode Emoji), section 2.3,
    /// for emoji ZWJ sequences. Anywhere else ("iron\u200D") they show nothing and stay hidden.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the text.</exception>
    public static bool IsHidden(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, text.Length);
        return text[index] switch
        {
            '\u200C' => !(Conjunct(text, index) || (Arabic(Before(text, index)) && Arabic(After(text, index)))),
            '\u200D' => !(Conjunct(text, index) || (Emoji(Before(text, index)) && JoinedEmoji(After(text, index)))),
            var c when char.IsSurrogate(c) => HiddenRune(text, char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index),
            var c => IsHidden(c),
        };
    }

    /// <summary>Whether the supplementary character starting at <paramref name="start"/> shows nothing: a tag character
    /// (U+E0000-U+E007F, which can carry invisible ASCII) except in an emoji tag sequence, where tags after a black flag
    /// (U+1F3F4) spell a subdivision flag (UTS #51 section 2.5: England, Scotland, Wales); and the supplementary
    /// variation selectors (U+E0100-U+E01EF). An unpaired surrogate is not a character at all.</summary>
    private static bool HiddenRune(string text, int start)
    {
        if (System.Text.Rune.DecodeFromUtf16(text.AsSpan(start), out var rune, out _) != System.Buffers.OperationStatus.Done)
        {
            return true;
        }

        if (rune.Value is >= 0xE0100 and <= 0xE01EF)
        {
            return true;
        }

        if (rune.Value is < 0xE0000 or > 0xE007F)
        {
            return false;
        }

        var before = text.AsSpan(0, start);
        while (!before.IsEmpty)
        {
            _ = System.Text.Rune.DecodeLastFromUtf16(before, out var previous, out var length);
            if (previous.Value is >= 0xE0020 and <= 0xE007E)
            {
                before = before[..^length];
                continue;
            }

            return previous.Value != 0x1F3F4;
        }

        return true;
    }

    /// <summary>The code point before <paramref name="index"/>, past combining marks (the Arabic joining type T) and emoji
    /// variation selectors and skin-tone modifiers, or -1.</summary>
    private static int Before(string text, int index)
    {
        var rest = text.AsSpan(0, index);
        while (!rest.IsEmpty)
        {
            _ = System.Text.Rune.DecodeLastFromUtf16(rest, out var rune, out var length);
            if (!Skipped(rune.Value))
            {
                return rune.Value;
            }

            rest = rest[..^length];
        }

        return -1;
    }

    /// <summary>The code point after <paramref name="index"/>, past what <see cref="Before"/> skips, or -1.</summary>
    private static int After(string text, int index)
    {
        var rest = text.AsSpan(index + 1);
        while (!rest.IsEmpty)
        {
            _ = System.Text.Rune.DecodeFromUtf16(rest, out var rune, out var length);
            if (!Skipped(rune.Value))
            {
                return rune.Value;
            }

            rest = rest[length..];
        }

        return -1;
    }

    private static bool Skipped(int rune) => rune is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF)
        || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>Whether the joiner at <paramref name="index"/> sits inside a conjunct: a letter, a virama (the
    /// vowel-killing sign of Indic and other Brahmic scripts, Canonical_Combining_Class 9, which the BCL does not expose:
    /// listed by block), the joiner, and a letter of the same 128-character block as the virama (h103: "iron\u094D\u200C"
    /// shows as "iron\u094D").</summary>
    private static bool Conjunct(string text, int index) =>
        index > 1 && Virama(text[index - 1]) && char.IsLetter(text[index - 2]) && (text[index - 2] >> 7) == (text[index - 1] >> 7)
        && index + 1 < text.Length && char.IsLetter(text[index + 1]) && (text[index + 1] >> 7) == (text[index - 1] >> 7);

    private static bool Virama(char c) => c is '\u094D' or '\u09CD' or '\u0A4D'
        or '\u0ACD' or '\u0B4D' or '\u0BCD' or '\u0C4D' or '\u0CCD' or '\u0D4D' or '\u0DCA' or '\u0E3A' or '\u0F84' or '\u1039'
        or '\u103A' or '\u1714' or '\u1734' or '\u17D2' or '\u1A60' or '\u1B44' or '\u1BAA' or '\uA806' or '\uA8C4' or '\uA953'
        or '\uA9C0' or '\uAAF6' or '\uABED';

    /// <summary>A letter of the Arabic blocks (U+0600-U+06FF, U+0750-U+077F, U+08A0-U+08FF, U+FB50-U+FDFF,
    /// U+FE70-U+FEFF).</summary>
    private static bool Arabic(int rune) => rune is > 0 and < 0x10000 && char.IsLetter((char)rune)
        && rune is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    /// <summary>An emoji or pictograph: the Miscellaneous Symbols and Dingbats (U+2600-U+27BF) and the supplementary
    /// pictographic blocks (U+1F000-U+1FAFF), where UTS #51's ZWJ sequences draw their parts.</summary>
    private static bool Emoji(int rune) => rune is (>= 0x2600 and <= 0x27BF) or (>= 0x1F000 and <= 0x1FAFF);

    /// <summary>An emoji that follows a joiner in a recommended ZWJ sequence (UTS #51, emoji-zwj-sequences.txt): the
    /// gender signs, the people of families, couples and kisses, hair styles, objects of occupations, the heart, fire,
    /// rainbow, transgender symbol, black square, snowflake, arrow and the like. Two other emoji joined ("apple ZWJ
    /// banana") show as the two emoji, so the joiner is hidden there (h103); a sequence missing here is refused, the
    /// cautious side.</summary>
    private static bool JoinedEmoji(int rune) => rune is 0x2640 or 0x2642 or 0x2695 or 0x2696 or 0x2708 or 0x2764 or 0x27A1
        or 0x26A7 or 0x2620 or 0x2744 or 0x2B1B or 0x1F308 or 0x1F32B or 0x1F33E or 0x1F373 or 0x1F37C or 0x1F384 or 0x1F393
        or 0x1F3A4 or 0x1F3A8 or 0x1F3EB or 0x1F3ED or (>= 0x1F466 and <= 0x1F469) or 0x1F48B or 0x1F4A5 or 0x1F4A8 or 0x1F4AB
        or 0x1F4BB or 0x1F4BC or 0x1F525 or 0x1F527 or 0x1F52C or 0x1F5E8 or 0x1F680 or 0x1F692 or 0x1F91D or 0x1F9AF
        or (>= 0x1F9B0 and <= 0x1F9B3) or 0x1F9BA or 0x1F9BC or 0x1F9BD or 0x1F9D1 or 0x1F9D2 or 0x1FA79 or 0x1FA7A;

    /// <summary>What a refusal says of <paramref name="c"/>: "holds U+202E: text without control or direction characters
    /// or invisible ones (what is shown would differ from what is stored); remove it".</summary>
    public static string Refusal(char c) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"holds U+{(int)c:X4}: text without control or direction characters or invisible ones (what is shown would differ from what is stored); remove it");
}
