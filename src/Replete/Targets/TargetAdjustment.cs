namespace Replete.Targets;

/// <summary>One change made to a DRI for an athlete or a diet pattern, with its source.</summary>
public sealed record TargetAdjustment(string Description, EvidenceStrength Evidence, string Source);
