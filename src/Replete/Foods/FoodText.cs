namespace Replete.Foods;

/// <summary>Turns food names and queries into comparable words: lower case, accents and punctuation removed, plurals
/// reduced ("Bananas" and "BANANAS,RAW" both give "banana").</summary>
internal static class FoodText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "or", "of", "the", "with", "in", "on", "for", "by", "to", "from", "as", "w", "at", "ns", "nfs",
    };

    /// <summary>Words that negate the word after them ("non-soy", "without salt", "no sugar added").</summary>
    private static readonly HashSet<string> NegatesNext = new(StringComparer.Ordinal) { "non", "without", "no" };

    /// <summary>The words of <paramref name="text"/>, stemmed, in order: whether each is a stop word, its comma
    /// segment, whether it stands in parentheses (an aside such as "(fat free or skim)"), and whether it is negated.</summary>
    /// <remarks>A negated word names what the food is not: the word after "non", "without" or "no", the word before
    /// "free" ("sugar-free", "caffeine free"), and "salt" in "unsalted". The same rule applies to names and queries, so "Milk, imitation, non-soy"
    /// never answers "soy milk", while "non-soy milk" still finds it.</remarks>
    public static void Tokenize(string text, List<FoodWord> words)
    {
        TokenizeWords(text, words);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Text == "unsalted")
            {
                // "Unsalted" is "without salt", as SR28 writes it for most foods ("Butter, without salt").
                words[i] = words[i] with { Text = "salt", Negated = true };
            }
            else if (NegatesNext.Contains(words[i].Text) && i + 1 < words.Count && words[i + 1].Segment == words[i].Segment && !words[i + 1].Stop)
            {
                words[i + 1] = words[i + 1] with { Negated = true };
            }
            else if (words[i].Text == "free" && i > 0 && words[i - 1].Segment == words[i].Segment && !words[i - 1].Stop)
            {
                words[i - 1] = words[i - 1] with { Negated = true };
            }
        }
    }

    private static void TokenizeWords(string text, List<FoodWord> words)
    {
        words.Clear();
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var segment = 0;
        var depth = 0;
        var lower = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? Fold(text[i]) : ' ';
            var keep = char.IsAsciiLetterOrDigit(c)
                || (c == '.' && length > 0 && char.IsAsciiDigit(buffer[length - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));
            if (keep)
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = c;
                }

                lower |= char.IsLower(text[i]);
                continue;
            }

            if (length > 0)
            {
                var word = Stem(buffer[..length]);
                words.Add(new FoodWord(word, StopWords.Contains(word), segment, depth > 0) { Capitals = !lower && buffer[..length].ContainsAnyInRange('a', 'z') });
                length = 0;
                lower = false;
            }

            switch (c)
            {
                case '(':
                    depth++;
                    break;
                case ')' when depth > 0:
                    depth--;
                    break;
                case ',' when depth == 0 && i < text.Length:
                    segment++;
                    break;
            }
        }
    }

    /// <summary>Reduces an English plural to its singular, the same way for names and queries.</summary>
    public static string Stem(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        if (n <= 3 || word[^1] != 's' || char.IsAsciiDigit(word[0]))
        {
            return word.ToString();
        }

        if (word.EndsWith("ies") && n > 4)
        {
            return string.Concat(word[..^3], "y");
        }

        if (word.EndsWith("oes") || word.EndsWith("ches") || word.EndsWith("shes") || word.EndsWith("sses") || word.EndsWith("xes") || word.EndsWith("zes"))
        {
            return word[..^2].ToString();
        }

        return word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is") ? word.ToString() : word[..^1].ToString();
    }

    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> by at most one insertion, deletion,
    /// substitution or swap of neighbouring letters.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var restA = a.AsSpan(prefix);
        var restB = b.AsSpan(prefix);
        if (a.Length == b.Length)
        {
            return restA.Length <= 1
                || restA[1..].SequenceEqual(restB[1..])
                || (restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return a.Length > b.Length ? restA[1..].SequenceEqual(restB) : restB[1..].SequenceEqual(restA);
    }

    private static char Fold(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        return char.ToLowerInvariant(c) switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
            'ç' => 'c',
            'è' or 'é' or 'ê' or 'ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' => 'i',
            'ñ' => 'n',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' => 'o',
            'ù' or 'ú' or 'û' or 'ü' => 'u',
            var other => other,
        };
    }
}

/// <summary>A word of a food name or query; <paramref name="Negated"/> when the text says the food is not this
/// ("soy" in "non-soy").</summary>
internal readonly record struct FoodWord(string Text, bool Stop, int Segment, bool Aside, bool Negated = false)
{
    /// <summary>Written in capital letters ("COCA" and "COLA" in "The COCA-COLA company"): SR28 writes brand and trade
    /// names so in its mixed-case names.</summary>
    public bool Capitals { get; init; }
}
