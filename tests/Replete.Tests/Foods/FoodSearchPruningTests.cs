using FsCheck.Xunit;
using Replete.Foods;

namespace Replete.Tests.Foods;

/// <summary>The pruned search (posting lists in order of the best possible score, bounds that stop a scan, bit-set
/// filters for common words, the head/rest split) returns exactly what scoring every food with
/// <see cref="FoodNameScorer"/> returns. Corpora of thousands of generated USDA-style names, so a common word has more
/// than 1,024 foods and the bit-set path runs; queries with prefixes, typos, stop words and missing words.</summary>
public class FoodSearchPruningTests
{
    private static readonly string[] Foods =
    [
        "apple", "banana", "cheese", "chicken", "beef", "milk", "bread", "rice", "oats", "beans", "peas", "corn", "egg",
        "tuna", "salmon", "spinach", "broccoli", "potato", "yogurt", "butter", "lentils", "almonds", "orange", "pork",
    ];

    private static readonly string[] Qualifiers =
    [
        "raw", "cooked", "dried", "powder", "salted", "frozen", "canned", "whole", "skim", "grilled", "roasted", "fried",
        "boiled", "with salt", "without salt", "low fat", "sweetened", "unenriched", "drained", "baked",
    ];

    [Property(MaxTest = 12)]
    public bool PrunedSearch_EqualsScoringEveryFood(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(1500, 3500);
        var index = FoodSearchIndex.Build(Enumerable.Range(1, count).Select(id => new FoodSearchEntry(id, Name(random), random.Next(8) == 0 ? Pick(random, Foods) : null, random.NextDouble())
        {
            // A third are SR28 Survey foods, which an exact tie puts first: the pruned scan must keep the same food of a tie.
            InSurvey = id % 3 == 0,
        }));

        for (var q = 0; q < 25; q++)
        {
            var query = Query(random);
            var limit = random.Next(1, 16);
            RequireSame(index, query, limit, seed);
        }

        return true;
    }

    private static readonly string[] Groups =
    [
        "Dairy and Egg Products", "Beverages", "Poultry Products", "Beef Products", "Legumes and Legume Products",
        "Nut and Seed Products", "Finfish and Shellfish Products", "Vegetables and Vegetable Products",
    ];

    private static readonly string[] Brands = ["ACME", "GREAT VALUE", "KROGER", "TRADER JOE'S"];

    /// <summary>Asking for k results gives exactly the first k of asking for k + n (same foods, order, scores and
    /// confidences), as the pruned search sees them: corpora small enough that the search fills up with foods missing a
    /// word and large enough for the bit-set path, food groups so that matches across groups are charged, brands, other
    /// names, synonyms ("oj", "skim", "grilled"), typos, prefixes, words no food has, and many tied scores.</summary>
    [Property(MaxTest = 12)]
    public bool AShorterList_IsTheStartOfALongerOne(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(2) == 0 ? random.Next(20, 400) : random.Next(1500, 3500);
        var index = FoodSearchIndex.Build(Enumerable.Range(1, count).Select(id => new FoodSearchEntry(
            id,
            random.Next(20) == 0 ? $"{Pick(random, Synonymed)}, {Pick(random, Qualifiers)}" : Name(random),
            random.Next(8) == 0 ? Pick(random, Foods) : null,
            random.Next(3) == 0 ? 0.5 : random.NextDouble(),
            random.Next(6) == 0 ? null : Pick(random, Groups),
            random.Next(10) == 0 ? Pick(random, Brands) : null)
        {
            InSurvey = id % 3 == 0,
        }));

        for (var q = 0; q < 25; q++)
        {
            var query = random.Next(5) == 0 ? $"{Pick(random, ["oj", "skim milk", "grilled chicken", "soda", "baked potato", "acme"])} {Pick(random, Foods)}" : Query(random);
            var k = random.Next(1, 16);
            var longer = index.Search(query, k + random.Next(1, 16));
            var shorter = index.Search(query, k);
            if (!shorter.SequenceEqual(longer.Take(k)))
            {
                throw new InvalidOperationException($"seed {seed}, query '{query}', {k} results [{string.Join(", ", shorter.Select(m => $"{m.FoodId}:{m.Score}:{m.Confidence}"))}] but the first {k} of {longer.Count} [{string.Join(", ", longer.Take(k).Select(m => $"{m.FoodId}:{m.Score}:{m.Confidence}"))}]");
            }
        }

        return true;
    }

    /// <summary>Long scans: every word of a small vocabulary is in well over 1,024 foods, so each query's rarest word
    /// still drives a long scan and the search passes over foods by their posting lists alone (the bit sets of which
    /// foods have each other word, in the name or its first segment, and what each word can win back). Brands lead many
    /// names, as in FoodData Central's branded foods, and prefixes of the last word ("butt", "mil") match several terms.
    /// Whatever it passes over, the results equal scoring every food.</summary>
    [Property(MaxTest = 12)]
    public bool LongScans_EqualScoringEveryFood(int seed)
    {
        var random = new Random(seed);
        string[] words = ["milk", "whole", "butter", "peanut", "buttermilk", "butternut", "milkshake", "chicken", "breast", "grilled"];
        var index = FoodSearchIndex.Build(Enumerable.Range(1, random.Next(2500, 4000)).Select(id =>
        {
            var food = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(random, words)));
            var rest = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(3) == 0 ? Pick(random, Qualifiers) : Pick(random, words));
            var name = string.Join(", ", (random.Next(2) == 0 ? new[] { Pick(random, Brands) } : []).Append(char.ToUpperInvariant(food[0]) + food[1..]).Concat(rest));
            return new FoodSearchEntry(id, name, null, random.NextDouble(), random.Next(4) == 0 ? null : Pick(random, Groups)) { InSurvey = id % 3 == 0 };
        }));

        for (var q = 0; q < 20; q++)
        {
            var query = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, words)));
            query = random.Next(4) switch
            {
                0 => query + " " + Pick(random, ["butt", "mil", "chick", "pean"]),
                1 => "pb " + query,
                _ => query,
            };
            var limit = random.Next(1, 16);
            RequireSame(index, query, limit, seed);
        }

        return true;
    }

    private static readonly string[] Synonymed = ["Orange juice", "Milk, nonfat", "Chicken, roasted", "Carbonated beverage, cola", "Potatoes, roasted"];

    [Fact]
    public void ASavedIndex_LoadsBack_AndSearchesTheSame_ButACutOneIsRefused()
    {
        var random = new Random(11);
        var index = FoodSearchIndex.Build(Enumerable.Range(1, 2000).Select(id => new FoodSearchEntry(id, Name(random), null, random.Next(3) == 0 ? 0.5 : random.NextDouble()) { InSurvey = id % 3 == 0 }));
        using var saved = new MemoryStream();
        index.Save(saved);

        saved.Position = 0;
        var loaded = FoodSearchIndex.Load(saved);

        Assert.Equal(index.Count, loaded.Count);
        foreach (var query in new[] { "banana raw", "chiken", "salm", "cheese powder", "the beans", "quinoa" })
        {
            Assert.Equal(index.Search(query, 12), loaded.Search(query, 12));
        }

        using var cut = new MemoryStream(saved.ToArray()[..(int)(saved.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => FoodSearchIndex.Load(cut));
        using var other = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => FoodSearchIndex.Load(other));
        // Saved with other word roles (the vocabulary's stamp follows the magic and the format): rebuilt, not read.
        var bytes = saved.ToArray();
        bytes[8] ^= 0xFF;
        using var otherWords = new MemoryStream(bytes);
        Assert.Contains("other search words", Assert.Throws<InvalidDataException>(() => FoodSearchIndex.Load(otherWords)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCorpusReachesTheBitSetPath_ACommonWordHasMoreThan1024Foods()
    {
        var random = new Random(7);
        var names = Enumerable.Range(1, 2500).Select(_ => Name(random)).ToList();

        Assert.True(names.Count(n => n.Contains("raw", StringComparison.Ordinal)) > 1024);
    }

    private static void RequireSame(FoodSearchIndex index, string query, int limit, int seed)
    {
        var pruned = index.Search(query, limit);
        var every = index.SearchEveryFood(query, limit);
        if (!Same(pruned, every))
        {
            throw new InvalidOperationException($"seed {seed}, query '{query}', limit {limit}: pruned [{string.Join(", ", pruned.Select(m => $"{m.FoodId}:{m.Score}"))}] but every food [{string.Join(", ", every.Select(m => $"{m.FoodId}:{m.Score}"))}]");
        }
    }

    /// <summary>The same foods in the same order, except that foods tied on the last score may differ.</summary>
    private static bool Same(IReadOnlyList<FoodMatch> pruned, IReadOnlyList<FoodMatch> every)
    {
        if (pruned.Count != every.Count || !pruned.Select(m => m.Score).SequenceEqual(every.Select(m => m.Score)))
        {
            return false;
        }

        var last = every.Count == 0 ? double.NegativeInfinity : every[^1].Score;
        return pruned.Where(m => m.Score > last).Select(m => m.FoodId).SequenceEqual(every.Where(m => m.Score > last).Select(m => m.FoodId));
    }

    private static string Name(Random random)
    {
        var head = random.Next(3) == 0 ? $"{Pick(random, Foods)} {Pick(random, Foods)}" : Pick(random, Foods);
        var segments = new List<string> { char.ToUpperInvariant(head[0]) + head[1..] };
        if (random.Next(2) == 0)
        {
            segments.Add("raw");
        }

        for (var i = random.Next(4); i > 0; i--)
        {
            segments.Add(Pick(random, Qualifiers));
        }

        return string.Join(", ", segments);
    }

    private static string Query(Random random)
    {
        var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(3) == 0 ? Pick(random, Qualifiers) : Pick(random, Foods)).ToList();
        switch (random.Next(6))
        {
            case 0: // a typo: one letter dropped
                var w = random.Next(words.Count);
                if (words[w].Length > 4)
                {
                    words[w] = words[w].Remove(random.Next(1, words[w].Length - 1), 1);
                }

                break;
            case 1: // a prefix as the last word
                words[^1] = words[^1][..Math.Max(2, words[^1].Length / 2)];
                break;
            case 2: // a word no food has
                words.Add("quinoa");
                break;
            case 3: // a stop word and word order
                words.Insert(0, "the");
                words.Reverse();
                break;
        }

        return string.Join(' ', words);
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];
}
