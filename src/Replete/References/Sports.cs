using Replete.Data;

namespace Replete.References;

/// <summary>The sports Replete knows (data/sports.csv).</summary>
public static class Sports
{
    /// <summary>Every sport.</summary>
    public static IReadOnlyList<Sport> All { get; } = ReferenceData.Read("sports.csv")
        .Select(r => new Sport(r.Text("id"), r.Text("name"), r.Text("category"))).ToList();

    /// <summary>Finds a sport by id or name, ignoring case, spaces and hyphens.</summary>
    public static bool TryGet(string idOrName, out Sport sport)
    {
        var key = idOrName.Trim().Replace(' ', '_').Replace('-', '_');
        sport = All.FirstOrDefault(s => string.Equals(s.Id, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return sport is not null;
    }
}
