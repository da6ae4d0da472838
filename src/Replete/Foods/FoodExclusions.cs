using Replete.Data;
using Replete.References;

namespace Replete.Foods;

/// <summary>One rule that rules foods out: a diet pattern (vegan rules out dairy) or a food a person avoids (gluten,
/// tree nuts), from <c>data/food_exclusions.csv</c>.</summary>
/// <param name="Id">The id a profile names: "vegan", "dairy", "gluten".</param>
/// <param name="Label">Its name in reports.</param>
/// <param name="Groups">SR food groups ruled out whole.</param>
/// <param name="Words">Description words that rule a food out; a trailing '*' matches any ending.</param>
/// <param name="Except">Phrases that excuse a word the rule would match, in that place only ("peanut butter" keeps the
/// word "butter" for vegans, "coconut milk" keeps "milk"); they never excuse a food group or another word.</param>
/// <param name="Source">Where the rule comes from.</param>
public sealed record FoodExclusion(string Id, string Label, IReadOnlySet<string> Groups, IReadOnlyList<string> Words, IReadOnlyList<string> Except, string Source)
{
    /// <summary>True when the rule rules <paramref name="food"/> out.</summary>
    public bool RulesOut(Food food)
    {
        ArgumentNullException.ThrowIfNull(food);
        if (food.Category is { } group && Groups.Contains(group))
        {
            return true;
        }

        var prepared = Prepare(this);
        var words = FoodExclusions.WordsOf(food.Description);
        var excused = new bool[words.Count];
        foreach (var phrase in prepared.Except)
        {
            for (var start = 0; phrase.Count > 0 && start + phrase.Count <= words.Count; start++)
            {
                if (phrase.Select((p, k) => FoodExclusions.Matches(p, words[start + k])).All(m => m))
                {
                    for (var k = 0; k < phrase.Count; k++)
                    {
                        excused[start + k] = true;
                    }
                }
            }
        }

        return words.Where((w, i) => !excused[i]).Any(w => prepared.Whole.Contains(w) || prepared.Starts.Any(start => w.StartsWith(start, StringComparison.Ordinal)));
    }

    /// <summary>The rule's words and phrases as <see cref="RulesOut"/> compares them, made once per rule rather than once
    /// per food (a plan asks about thousands): the exceptions split into words, the whole words in a set, and the stems
    /// of the words ending in '*'. Kept beside the rule, not in it, so that the record's equality and <c>with</c> stay
    /// as they were.</summary>
    private static Prepared Prepare(FoodExclusion rule) => PreparedRules.GetValue(rule, r => new Prepared(
        [.. r.Except.Select(FoodExclusions.WordsOf)],
        r.Words.Where(w => !w.EndsWith('*')).ToHashSet(StringComparer.Ordinal),
        [.. r.Words.Where(w => w.EndsWith('*')).Select(w => w[..^1])]));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FoodExclusion, Prepared> PreparedRules = [];

    private sealed record Prepared(IReadOnlyList<string>[] Except, HashSet<string> Whole, string[] Starts);
}

/// <summary>The diet patterns and avoided foods a plan respects when it suggests a new food. A person's own foods are
/// never ruled out by these: what they already eat is theirs to keep.</summary>
public sealed class FoodExclusions
{
    private readonly Dictionary<string, FoodExclusion> patterns;
    private readonly Dictionary<string, FoodExclusion> avoids;

    private FoodExclusions(IEnumerable<(string Kind, string Aliases, FoodExclusion Rule)> rules)
    {
        var all = rules.ToList();
        patterns = all.Where(r => r.Kind == "pattern").ToDictionary(r => r.Rule.Id, r => r.Rule, StringComparer.Ordinal);
        avoids = all.Where(r => r.Kind == "avoid").ToDictionary(r => r.Rule.Id, r => r.Rule, StringComparer.OrdinalIgnoreCase);
        // "tree nuts", "nut allergy", "lactose", "coeliac": the words people use name the same rule.
        foreach (var (_, aliases, rule) in all.Where(r => r.Kind == "avoid"))
        {
            foreach (var alias in aliases.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                avoids[alias] = rule;
            }
        }
    }

    /// <summary>The rules in <c>data/food_exclusions.csv</c>.</summary>
    public static FoodExclusions Default { get; } = new(ReferenceData.Read("food_exclusions.csv").Select(r => (r.Text("kind"), r.Text("aliases"), new FoodExclusion(
        r.Text("id"), r.Text("label"),
        r.Text("groups").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
        Split(r.Text("words")), Split(r.Text("except")), r.Text("source")))));

    /// <summary>The ids a profile's <c>avoid</c> list may name as a class of food ("dairy", "gluten", "nuts"), with the
    /// other names people use for them ("tree nuts", "lactose", "coeliac"); any other word is matched against food
    /// descriptions as a disliked food.</summary>
    public IReadOnlyCollection<string> AvoidIds => [.. avoids.Values.Select(r => r.Id).Distinct()];

    /// <summary>The rule for a diet pattern.</summary>
    public FoodExclusion For(DietPattern pattern) => patterns[pattern.ToString().ToLowerInvariant()];

    /// <summary>Why <paramref name="food"/> cannot be suggested to a person with <paramref name="pattern"/> who avoids
    /// <paramref name="avoid"/> (exclusion ids or disliked foods in their own words), or null when it can.</summary>
    public string? Reason(Food food, DietPattern pattern, IReadOnlyList<string> avoid)
    {
        ArgumentNullException.ThrowIfNull(food);
        ArgumentNullException.ThrowIfNull(avoid);
        if (For(pattern).RulesOut(food))
        {
            return $"not {For(pattern).Label}";
        }

        foreach (var item in avoid)
        {
            if (avoids.TryGetValue(item.Trim().ToLowerInvariant(), out var rule))
            {
                if (rule.RulesOut(food))
                {
                    return $"contains {rule.Label}";
                }
            }
            else if (Disliked(food, item))
            {
                return $"'{item}' is avoided";
            }
        }

        return null;
    }

    /// <summary>True when every word of <paramref name="disliked"/> ("beef liver") is a word of the food's description.</summary>
    private static bool Disliked(Food food, string disliked)
    {
        var words = WordsOf(food.Description);
        var wanted = WordsOf(disliked);
        return wanted.Count > 0 && wanted.All(w => words.Any(d => d == w || d == w + "s" || d + "s" == w));
    }

    internal static IReadOnlyList<string> WordsOf(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '(', ')', '/', '-', ';', ':', '.', '"', '\''], StringSplitOptions.RemoveEmptyEntries);

    internal static bool Matches(string rule, string word) =>
        rule.EndsWith('*') ? word.StartsWith(rule[..^1], StringComparison.Ordinal) : word == rule;

    private static string[] Split(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
