namespace Replete.References;

/// <summary>The DRI values of one nutrient for one life stage, in the nutrient's canonical unit per day.</summary>
/// <param name="NutrientId">Catalog id.</param>
/// <param name="LifeStageId">Life-stage id.</param>
/// <param name="Ear">Estimated Average Requirement (median requirement), or null.</param>
/// <param name="Rda">Recommended Dietary Allowance (EAR + 2 SD), or null.</param>
/// <param name="Ai">Adequate Intake, set where no EAR could be, or null.</param>
/// <param name="Ul">Tolerable Upper Intake Level, or null where none was set.</param>
/// <param name="UlScope">What intake the UL covers.</param>
/// <param name="Cdrr">Chronic Disease Risk Reduction intake (sodium, NASEM 2019): reduce intake above it.</param>
/// <param name="EarPerKg">EAR per kg body mass (protein), or null.</param>
/// <param name="RdaPerKg">RDA per kg body mass (protein), or null.</param>
/// <param name="Source">The report and table the values come from.</param>
public sealed record DietaryReferenceIntake(
    string NutrientId,
    string LifeStageId,
    double? Ear,
    double? Rda,
    double? Ai,
    double? Ul,
    UpperLimitScope UlScope,
    double? Cdrr,
    double? EarPerKg,
    double? RdaPerKg,
    string Source);
