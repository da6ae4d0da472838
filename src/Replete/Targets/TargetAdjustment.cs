namespace Replete.Targets;

/// <summary>One change made to a DRI for an athlete or a diet pattern, with its source.</summary>
public sealed record TargetAdjustment(string Description, EvidenceStrength Evidence, string Source)
{
    /// <summary>The risk factors (ids of data/risk_factors.csv) whose effect on the requirement this adjustment already
    /// applies: a diet that meets the adjusted target has answered them (the vegetarian x1.8 for iron covers vegetarian
    /// and vegan). Empty for an adjustment that stands for no risk factor.</summary>
    public IReadOnlyList<string> Covers { get; init; } = [];
}
