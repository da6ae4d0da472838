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
        return (food.Category is { } group && Groups.Contains(group)) || RulesOutName(food.Description);
    }

    /// <summary>True when the rule's words rule out a food by its description alone (a person's own food, known to the
    /// plan by name): the food groups are not consulted.</summary>
    public bool RulesOutName(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var prepared = Prepare(this);
        var words = FoodExclusions.WordsOf(description);
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
            if (RuleFor(item) is { } rule)
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

    /// <summary>The items of <paramref name="avoid"/> that rule out none of <paramref name="foods"/>: a word no food
    /// name has (a misspelling, a food the table does not hold), so that a report can say the item was not applied
    /// instead of ignoring it.</summary>
    public IReadOnlyList<string> Unmatched(IReadOnlyList<string> avoid, IEnumerable<Food> foods)
    {
        ArgumentNullException.ThrowIfNull(avoid);
        ArgumentNullException.ThrowIfNull(foods);
        var left = avoid.Where(a => a.Trim().Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var food in foods)
        {
            left.RemoveAll(item => RuleFor(item) is { } rule ? rule.RulesOut(food) : Disliked(food, item));
            if (left.Count == 0)
            {
                break;
            }
        }

        return left;
    }

    /// <summary>The class of food <paramref name="item"/> names ("dairy", "nut allergy"), read with the words that say
    /// why left out ("tomato allergy" is "tomato", "allergic to peanuts" is "peanuts"), or null for a food in the
    /// person's own words.</summary>
    private FoodExclusion? RuleFor(string item)
    {
        var text = item.Trim().ToLowerInvariant();
        return avoids.GetValueOrDefault(text) ?? avoids.GetValueOrDefault(string.Join(' ', Wanted(text)));
    }

    /// <summary>True when every word of <paramref name="disliked"/> ("beef liver", "tomato allergy") but the words that
    /// say why is a word of the food's description, singular or plural ("tomato" matches "Tomatoes", "berry"
    /// "berries").</summary>
    private static bool Disliked(Food food, string disliked)
    {
        var words = WordsOf(food.Description);
        var wanted = Wanted(disliked);
        return wanted.Count > 0 && wanted.All(w => words.Any(d => d == w || d == w + "s" || d + "s" == w || Stem(d) == Stem(w)));
    }

    /// <summary>The words of an avoid item that name the food: "allergy", "intolerance", "allergic to" and the like
    /// say why, not what.</summary>
    private static List<string> Wanted(string item) => [.. WordsOf(item).Where(w => !ReasonWords.Contains(w))];

    // Words in an avoid item that give the reason, not the food (Replete's choice).
    private static readonly HashSet<string> ReasonWords = new(
        ["allergy", "allergies", "allergic", "intolerance", "intolerances", "intolerant", "sensitivity", "sensitive", "to", "i", "m", "am", "avoid", "dislike", "hate", "free"],
        StringComparer.Ordinal);

    /// <summary>An English word in the singular, for comparing names: tomatoes and tomato, berries and berry, peaches
    /// and peach, oats and oat.</summary>
    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 4 && (word.EndsWith("oes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)) ? word[..^2]
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;

    internal static IReadOnlyList<string> WordsOf(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '(', ')', '/', '-', ';', ':', '.', '"', '\''], StringSplitOptions.RemoveEmptyEntries);

    internal static bool Matches(string rule, string word) =>
        rule.EndsWith('*') ? word.StartsWith(rule[..^1], StringComparison.Ordinal) : word == rule;

    private static string[] Split(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
