using Replete.Data;

namespace Replete.References;

/// <summary>The sports Replete knows (data/sports.csv).</summary>
public static class Sports
{
    /// <summary>Every sport.</summary>
    public static IReadOnlyList<Sport> All { get; } = ReferenceData.Read("sports.csv")
        .Select(r => new Sport(r.Text("id"), r.Text("name"), r.Text("category"))
        {
            Aliases = r.Text("aliases").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }).ToList();

    /// <summary>Finds a sport by id, name or one of the words people use for it ("runner", "bouldering", "MMA"),
    /// ignoring case, spaces, hyphens and underscores.</summary>
    public static bool TryGet(string idOrName, out Sport sport)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        var key = Key(idOrName);
        sport = All.FirstOrDefault(s => Key(s.Id) == key || Key(s.Name) == key || s.Aliases.Any(a => Key(a) == key))!;
        return sport is not null;
    }

    private static string Key(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
