using Replete.Data;

namespace Replete.Foods;

/// <summary>Everyday words and the words USDA names use for them ("oj" is "orange juice", "grilled" may be
/// "roasted" or "broiled"), from <c>data/food_synonyms.csv</c>.</summary>
public sealed class FoodSynonyms
{
    private readonly List<(string[] Words, string[][] Alternatives)> entries;

    private readonly HashSet<string> listed;
    private readonly string[] listedWords;

    private FoodSynonyms(List<(string[] Words, string[][] Alternatives)> entries)
    {
        this.entries = entries;
        listed = [.. entries.SelectMany(e => e.Words)];
        listedWords = [.. listed.Where(w => w.Length >= 4)];
    }

    /// <summary>The reviewed synonyms embedded in the engine.</summary>
    public static FoodSynonyms Default { get; } = Load();

    /// <summary>True when <paramref name="word"/> is itself one of the everyday words listed ("coke"): a known word,
    /// never read as a typo of another ("cake").</summary>
    internal bool Knows(string word) => listed.Contains(word);

    /// <summary>The query variants: the query itself first, then each synonym substitution (at most
    /// <paramref name="max"/>).</summary>
    /// <remarks>A listed phrase is found in any order of its words ("fraiche creme", "butter unsalted"), and a word
    /// the food names do not hold (<paramref name="indexed"/> false) that is one edit from exactly one word of the
    /// list is read as that word ("creme fraihe", "bell peppr"): people mistype the words a synonym exists for as
    /// often as any other.</remarks>
    internal List<string[]> Expand(string[] words, int max, Func<string, bool>? indexed = null)
    {
        var variants = new List<string[]> { words };
        var corrected = new List<string[]> { Corrected(words, indexed) };
        foreach (var (from, alternatives) in entries)
        {
            var count = variants.Count;
            for (var v = 0; v < count && variants.Count < max; v++)
            {
                var at = IndexOf(corrected[v], from);
                if (at < 0)
                {
                    continue;
                }

                foreach (var alternative in alternatives)
                {
                    if (variants.Count >= max)
                    {
                        break;
                    }

                    variants.Add([.. variants[v][..at], .. alternative, .. variants[v][(at + from.Length)..]]);
                    corrected.Add([.. corrected[v][..at], .. alternative, .. corrected[v][(at + from.Length)..]]);
                }
            }
        }

        return variants;
    }

    /// <summary>The words, each unknown one (not indexed nor the start of an indexed word, not listed, not negated:
    /// "non-soya" is never read as "soya") replaced by the one listed word a single edit away, if there is exactly one.</summary>
    private string[] Corrected(string[] words, Func<string, bool>? indexed)
    {
        if (indexed is null)
        {
            return words;
        }

        string[]? corrected = null;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length < 4 || word[0] == '~' || indexed(word) || listed.Contains(word))
            {
                continue;
            }

            var near = listedWords.Where(candidate => FoodText.WithinOneEdit(word, candidate)).Take(2).ToList();
            if (near.Count == 1)
            {
                corrected ??= [.. words];
                corrected[i] = near[0];
            }
        }

        return corrected ?? words;
    }

    /// <summary>Where the phrase's words stand next to each other, in any order: the first of their places, or -1.</summary>
    private static int IndexOf(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var window = words.AsSpan(i, phrase.Length);
            if (window.SequenceEqual(phrase) || (phrase.Length > 1 && SameWords(window, phrase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool SameWords(ReadOnlySpan<string> window, string[] phrase)
    {
        var left = phrase.ToList();
        foreach (var word in window)
        {
            if (!left.Remove(word))
            {
                return false;
            }
        }

        return true;
    }

    private static FoodSynonyms Load()
    {
        var parsed = new List<FoodWord>();
        string[] Words(string text)
        {
            // The words as a query holds them (FoodSearchIndex.Search): no stop words, a negated word as its negated term
            // ("fat free" is "~fat free"), or the row could never match.
            FoodText.Tokenize(text, parsed);
            return [.. parsed.Where(p => !p.Stop).Select(p => p.Negated ? "~" + p.Text : p.Text)];
        }

        var entries = ReferenceData.Read("food_synonyms.csv")
            .Select(row => (Words(row.Text("words")), row.Text("means").Split('|').Select(Words).ToArray()))
            .OrderByDescending(entry => entry.Item1.Length)
            .ToList();
        return new FoodSynonyms(entries);
    }
}
