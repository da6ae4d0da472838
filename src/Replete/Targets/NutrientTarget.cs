using Replete.Nutrients;
using Replete.References;

namespace Replete.Targets;

/// <summary>A person's targets for one nutrient: the DRI for their life stage, adjusted for training and diet.</summary>
/// <param name="Nutrient">The nutrient.</param>
/// <param name="Ear">Estimated Average Requirement after adjustments, or null.</param>
/// <param name="Rda">Recommended Dietary Allowance after adjustments, or null.</param>
/// <param name="Ai">Adequate Intake, or null.</param>
/// <param name="Ul">Tolerable Upper Intake Level, or null.</param>
/// <param name="UlScope">What the UL covers.</param>
/// <param name="Cdrr">Chronic Disease Risk Reduction intake (sodium), or null.</param>
/// <param name="AthleteLow">Lower end of an athlete range (protein, carbohydrate), or null.</param>
/// <param name="AthleteHigh">Upper end of an athlete range, or null where the guidance gives none.</param>
/// <param name="RequirementFactor">Multiplier applied to the requirement (iron), 1 when unadjusted.</param>
/// <param name="Source">The DRI source.</param>
/// <param name="Adjustments">What changed the DRI and why.</param>
public sealed record NutrientTarget(
    Nutrient Nutrient,
    double? Ear,
    double? Rda,
    double? Ai,
    double? Ul,
    UpperLimitScope UlScope,
    double? Cdrr,
    double? AthleteLow,
    double? AthleteHigh,
    double RequirementFactor,
    string Source,
    IReadOnlyList<TargetAdjustment> Adjustments)
{
    /// <summary>The source of the athlete range (<see cref="AthleteLow"/>-<see cref="AthleteHigh"/>), or null.</summary>
    public string? AthleteSource { get; init; }

    /// <summary>Why an athlete's range for this nutrient (protein, carbohydrate) is not known, in words with its source:
    /// the guidance is per kg of body mass and none was given. Null where the range is known or none applies. While it is
    /// set the general EAR does not judge the intake (<see cref="Diet.AdequacyStatus.AthleteRangeUnknown"/>): athletes'
    /// needs exceed it, so a probability against it would read "adequate" for an intake far below the range.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? AthleteRangeUnknown { get; init; }

    /// <summary>For energy: the least intake the athlete ranges of carbohydrate and protein imply, kcal/d (their lows at
    /// <see cref="TargetCalculator.AtwaterKcalPerGram"/>), or null where the profile yields no such ranges. A floor
    /// below which the athlete targets cannot be met, not an energy requirement.</summary>
    public double? AthleteFloor { get; init; }

    /// <summary>How <see cref="AthleteFloor"/> was set, with its sources, or null.</summary>
    public string? AthleteFloorBasis { get; init; }

    /// <summary>True where any adjustment rests on limited evidence.</summary>
    public bool HasWeakEvidence => Adjustments.Any(a => a.Evidence == EvidenceStrength.Limited);
}
