namespace Replete.References;

/// <summary>One of the 22 NASEM DRI life-stage groups.</summary>
/// <param name="Id">Stable id, such as <c>female_31_50</c>.</param>
/// <param name="Label">Display label.</param>
/// <param name="Sex">The sex the group applies to, or null for infants and children.</param>
/// <param name="Reproductive">Pregnancy, lactation or neither.</param>
/// <param name="MinimumAgeYears">Inclusive lower age bound.</param>
/// <param name="MaximumAgeYears">Exclusive upper age bound.</param>
public sealed record LifeStage(
    string Id, string Label, Sex? Sex, ReproductiveStatus Reproductive, double MinimumAgeYears, double MaximumAgeYears);
