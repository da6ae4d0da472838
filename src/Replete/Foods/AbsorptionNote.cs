using System.Globalization;
using Replete.Data;

namespace Replete.Foods;

/// <summary>How well a nutrient is absorbed from a kind of food (data/absorption_notes.csv): a note for the food ideas
/// and, where a source measures it, the share of the food's amount a plan counts towards the goal.</summary>
/// <param name="Nutrient">Catalog id.</param>
/// <param name="Groups">SR food groups it applies to.</param>
/// <param name="Words">Words or phrases of a description it applies to.</param>
/// <param name="Factor">The share counted towards the goal (spinach calcium 0.18 against milk), or null for in full.</param>
/// <param name="Note">The note, in words.</param>
/// <param name="Source">The source.</param>
public sealed record AbsorptionNote(string Nutrient, IReadOnlySet<string> Groups, IReadOnlyList<string> Words, double? Factor, string Note, string Source)
{
    /// <summary>Every note.</summary>
    public static IReadOnlyList<AbsorptionNote> All { get; } = [.. ReferenceData.Read("absorption_notes.csv").Select(r => new AbsorptionNote(
        r.Text("nutrient"),
        r.Text("groups").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
        r.Text("words").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        r.Text("factor").Length == 0 ? null : double.Parse(r.Text("factor"), CultureInfo.InvariantCulture),
        r.Text("note"), r.Text("source")))];

    /// <summary>The note for <paramref name="nutrient"/> in a food of <paramref name="group"/> (null for a person's own
    /// food) described as <paramref name="description"/>, or null.</summary>
    public static AbsorptionNote? For(string nutrient, string? group, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        // A plan asks for every food and nutrient in every solve: most nutrients have no note at all, and each other
        // answer is worked out once per process.
        if (!Noted.Contains(nutrient))
        {
            return null;
        }

        return Known.GetOrAdd((nutrient, group, description), key =>
        {
            var words = FoodExclusions.WordsOf(key.Description);
            return All.FirstOrDefault(n => n.Nutrient == key.Nutrient
                && ((key.Group is not null && n.Groups.Contains(key.Group)) || n.Words.Any(w => Contains(words, FoodExclusions.WordsOf(w)))));
        });
    }

    /// <summary>The nutrients some note is about.</summary>
    private static readonly HashSet<string> Noted = [.. All.Select(n => n.Nutrient)];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Nutrient, string? Group, string Description), AbsorptionNote?> Known = new();

    private static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> phrase) =>
        phrase.Count > 0 && Enumerable.Range(0, Math.Max(0, words.Count - phrase.Count + 1)).Any(i => phrase.Select((p, k) => words[i + k] == p || words[i + k] == p + "s").All(m => m));
}
