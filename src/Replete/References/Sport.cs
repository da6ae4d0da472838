namespace Replete.References;

/// <summary>A sport and its category (endurance, team, strength, mixed, skill).</summary>
public sealed record Sport(string Id, string Name, string Category)
{
    /// <summary>The words people use for it (data/sports.csv aliases).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>True for endurance sports, where iron losses rise with intense daily training.</summary>
    public bool IsEndurance => Category == "endurance";
}
