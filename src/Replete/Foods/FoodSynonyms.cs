using Replete.Data;

namespace Replete.Foods;

/// <summary>Everyday words and the words USDA names use for them ("oj" is "orange juice", "grilled" may be
/// "roasted" or "broiled"), from <c>data/food_synonyms.csv</c>.</summary>
public sealed class FoodSynonyms
{
    private readonly List<(string[] Words, string[][] Alternatives)> entries;

    private FoodSynonyms(List<(string[] Words, string[][] Alternatives)> entries) => this.entries = entries;

    /// <summary>The reviewed synonyms embedded in the engine.</summary>
    public static FoodSynonyms Default { get; } = Load();

    /// <summary>True when <paramref name="word"/> is itself one of the everyday words listed ("coke"): a known word,
    /// never read as a typo of another ("cake").</summary>
    internal bool Knows(string word) => entries.Any(e => e.Words.Contains(word, StringComparer.Ordinal));

    /// <summary>The query variants: the query itself first, then each synonym substitution (at most
    /// <paramref name="max"/>).</summary>
    internal List<string[]> Expand(string[] words, int max)
    {
        var variants = new List<string[]> { words };
        foreach (var (from, alternatives) in entries)
        {
            var count = variants.Count;
            for (var v = 0; v < count && variants.Count < max; v++)
            {
                var at = IndexOf(variants[v], from);
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
                }
            }
        }

        return variants;
    }

    private static int IndexOf(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return i;
            }
        }

        return -1;
    }

    private static FoodSynonyms Load()
    {
        var parsed = new List<FoodWord>();
        string[] Words(string text)
        {
            FoodText.Tokenize(text, parsed);
            return [.. parsed.Select(p => p.Text)];
        }

        var entries = ReferenceData.Read("food_synonyms.csv")
            .Select(row => (Words(row.Text("words")), row.Text("means").Split('|').Select(Words).ToArray()))
            .OrderByDescending(entry => entry.Item1.Length)
            .ToList();
        return new FoodSynonyms(entries);
    }
}
