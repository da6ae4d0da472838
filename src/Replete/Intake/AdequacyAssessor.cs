using System.Globalization;
using Replete.References;
using Replete.Targets;

namespace Replete.Intake;

/// <summary>Assesses one person's intake of one nutrient against their targets (IOM 2000, <i>DRIs: Applications in
/// Dietary Assessment</i>, Chapter 3 and Appendix B; IOM 2001 Chapter 14 for iron).</summary>
public static partial class AdequacyAssessor
{
    /// <summary>Probability that usual intake is adequate, and the UL check.</summary>
    /// <param name="observation">The person's intake.</param>
    /// <param name="target">The person's target for the nutrient.</param>
    /// <param name="lifeStage">The person's life stage (chooses the pooled within-person SD).</param>
    /// <param name="sex">The person's sex.</param>
    public static ProbabilityOfAdequacy Assess(IntakeObservation observation, NutrientTarget target, LifeStage lifeStage, Sex sex) =>
        Assess(observation, target, lifeStage, sex, null);

    /// <summary>As <see cref="Assess(IntakeObservation, NutrientTarget, LifeStage, Sex)"/>, with the intake the upper
    /// limit covers given apart: for vitamin A, whose UL covers preformed vitamin A only (IOM 2001 ch.4), the retinol
    /// intake, so that carotenoids never raise a UL alarm.</summary>
    public static ProbabilityOfAdequacy Assess(IntakeObservation observation, NutrientTarget target, LifeStage lifeStage, Sex sex, IntakeObservation? upperLimitIntake)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(lifeStage);
        if (observation.Validate() is [var problem, ..])
        {
            throw new ArgumentException(problem, nameof(observation));
        }

        var sdWithin = WithinPersonVariation.For(
            target.Nutrient.Id, lifeStage, sex, observation.MeanIntake, observation.Days, observation.OwnSd);
        var ul = upperLimitIntake is null ? UpperLimit(observation, target, sdWithin)
            : UpperLimit(upperLimitIntake, target, WithinPersonVariation.For(target.Nutrient.Id, lifeStage, sex, upperLimitIntake.MeanIntake, upperLimitIntake.Days, upperLimitIntake.OwnSd)) is { } preformed
                ? preformed with { Note = "retinol (preformed vitamin A) compared with the UL, which covers preformed vitamin A only; carotenoids have no UL" }
                : null;
        var notes = new List<string>();
        if (observation.MeanIntake > 0 && sdWithin.Value / observation.MeanIntake >= 0.6 - 1e-9)
        {
            notes.Add("Day-to-day variation is 60 % of the mean or more, where IOM 2000 (p.194) calls the method unreliable.");
        }

        if (target.HasWeakEvidence)
        {
            notes.Add("The target includes an adjustment with limited evidence.");
        }

        if (target.Nutrient.Id == "iron" && target.Ear is not null)
        {
            return Iron(observation, target, lifeStage, sdWithin, ul, notes);
        }

        if (target.Ear is { } ear)
        {
            return EarProbability(observation, target, ear, sdWithin, ul, notes);
        }

        if (target.Ai is { } ai)
        {
            return AiTest(observation, target.Nutrient.Id, ai, sdWithin, ul, notes);
        }

        return new ProbabilityOfAdequacy(target.Nutrient.Id, AdequacyMethod.NoReferenceValue, null, null, null, null,
            "no EAR or AI is set for this nutrient and life stage", false, null, ul, notes);
    }

    /// <summary>The EAR probability: z = (mean - EAR) / sqrt(SD_req^2 + SD_within^2 / n), P = Phi(z)
    /// (IOM 2000 Appendix B p.194; worked example p.54).</summary>
    public static double EarZ(double meanIntake, double ear, double sdRequirement, double sdWithin, int days) =>
        (meanIntake - ear) / Math.Sqrt((sdRequirement * sdRequirement) + (sdWithin * sdWithin / days));

    /// <summary>The probability of adequacy at which a result is "likely" either way: 85 %, the IOM Table B-1 level
    /// that Replete's conclusions call "likely adequate" (and 15 %, its mirror, "very likely inadequate").</summary>
    public const double SettledProbability = 0.85;

    /// <summary>How many logged days in all would take the EAR probability to <see cref="SettledProbability"/> either
    /// way if the mean held: from z = (mean - EAR) / sqrt(SD_req^2 + SD_within^2 / n), n = SD_within^2 / ((mean -
    /// EAR)^2 / z*^2 - SD_req^2). Null when no practical number of days would do it (the mean sits too close to the EAR for
    /// the spread of requirements: only a lab can settle it; or it would take more than <see cref="MaximumDaysToSettle"/>),
    /// or for an AI test.</summary>
    public static int? DaysToSettle(ProbabilityOfAdequacy adequacy, double meanIntake)
    {
        ArgumentNullException.ThrowIfNull(adequacy);
        if (adequacy.Method != AdequacyMethod.EarProbability || adequacy.Reference is not { } ear || adequacy.WithinPersonSd is not { } within)
        {
            return null;
        }

        var zTarget = StandardNormal.Quantile(SettledProbability);
        var sdRequirement = RequirementVariation.For(adequacy.NutrientId).CoefficientOfVariation * ear;
        var room = ((meanIntake - ear) * (meanIntake - ear) / (zTarget * zTarget)) - (sdRequirement * sdRequirement);
        if (room <= 0)
        {
            return null;
        }

        var days = within.Value * within.Value / room;
        return days > MaximumDaysToSettle ? null : (int)Math.Ceiling(days);
    }

    /// <summary>More logged days than this do not count as a way to settle intake: a quarter of a year. Replete's choice.</summary>
    public const int MaximumDaysToSettle = 90;

    /// <summary>The AI test: z = (mean - AI) / (SD_within / sqrt(n)) (IOM 2000 Appendix B p.199, Table 3-2).</summary>
    public static double AiZ(double meanIntake, double ai, double sdWithin, int days) =>
        (meanIntake - ai) / (sdWithin / Math.Sqrt(days));

    private static ProbabilityOfAdequacy EarProbability(
        IntakeObservation observation, NutrientTarget target, double ear, WithinPersonSd sdWithin, UpperLimitCheck? ul, List<string> notes)
    {
        var variation = RequirementVariation.For(target.Nutrient.Id);
        var sdRequirement = variation.CoefficientOfVariation * ear;
        if (!variation.IsPublished)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Requirement CV {variation.CoefficientOfVariation:P0} is the IOM default, not a published value for this nutrient."));
        }

        var z = EarZ(observation.MeanIntake, ear, sdRequirement, sdWithin.Value, observation.Days);
        if (sdWithin.IsFallback)
        {
            notes.Add($"Within-person SD is a fallback ({sdWithin.Explanation}); the IOM's pooled value was not available.");
        }

        var p = StandardNormal.Cdf(z);
        var conclusion = Conclusion(p);
        return new ProbabilityOfAdequacy(target.Nutrient.Id, AdequacyMethod.EarProbability, p, z,
            ConfidenceTable.ProbabilityAdequate(z), ear, conclusion, sdWithin.IsFallback || !variation.IsPublished,
            sdWithin, ul, notes);
    }

    private static ProbabilityOfAdequacy AiTest(
        IntakeObservation observation, string nutrientId, double ai, WithinPersonSd sdWithin, UpperLimitCheck? ul, List<string> notes)
    {
        if (sdWithin.IsFallback)
        {
            notes.Add($"Within-person SD is a fallback ({sdWithin.Explanation}); the IOM's pooled value was not available.");
        }

        notes.Add("Only an AI exists: the test can show adequacy but never inadequacy (IOM 2000 p.61).");
        var z = sdWithin.Value > 0
            ? AiZ(observation.MeanIntake, ai, sdWithin.Value, observation.Days)
            : (observation.MeanIntake >= ai ? double.PositiveInfinity : double.NegativeInfinity);
        var confidence = StandardNormal.Cdf(z);
        var conclusion = confidence >= 0.85
            ? string.Create(CultureInfo.InvariantCulture, $"adequate with {confidence:P0} confidence")
            : "adequacy cannot be concluded (an AI test cannot show inadequacy)";
        return new ProbabilityOfAdequacy(nutrientId, AdequacyMethod.AiTest, confidence, z,
            double.IsFinite(z) ? ConfidenceTable.ProbabilityAdequate(z) : null, ai, conclusion, sdWithin.IsFallback,
            sdWithin, ul, notes);
    }

    private static UpperLimitCheck? UpperLimit(IntakeObservation observation, NutrientTarget target, WithinPersonSd sdWithin)
    {
        if (target.Ul is not { } ul)
        {
            return null;
        }

        // A UL on supplements only (magnesium) or on synthetic forms (folic acid: IOM 1998, Dietary Reference Intakes
        // for Thiamin, Riboflavin, Niacin, Vitamin B6, Folate, Vitamin B12, Pantothenic Acid, Biotin, and Choline,
        // doi:10.17226/6015, ch.8, the UL section: it applies to synthetic folate from fortified food and supplements
        // together) is compared with SupplementIntake, which the caller gives as the supplements' part plus, for such a
        // UL, the fortificant part of food where the food data give it (DietAnalyzer: folic acid in fortified food).
        if (target.UlScope is UpperLimitScope.SupplementsOnly or UpperLimitScope.SupplementsAndFortificants)
        {
            var supplement = observation.SupplementIntake;
            return new UpperLimitCheck(ul, target.UlScope, supplement, null, supplement > ul,
                string.Create(CultureInfo.InvariantCulture,
                    $"the UL covers {(target.UlScope == UpperLimitScope.SupplementsOnly ? "supplements only" : "supplements and fortified foods")}: {supplement:0.##} of {ul:0.##} {target.Nutrient.Unit}"));
        }

        // IOM 2000 p.65 and Table 3-4: z = (mean - UL) / (SD_within / sqrt(n)) gives the confidence that usual
        // intake is below the UL. The pooled SDs are food-only, so supplement users are checked with caution.
        var z = sdWithin.Value > 0
            ? (observation.MeanIntake - ul) / (sdWithin.Value / Math.Sqrt(observation.Days))
            : (observation.MeanIntake >= ul ? double.PositiveInfinity : double.NegativeInfinity);
        var above = StandardNormal.Cdf(z);
        var note = target.UlScope == UpperLimitScope.PreformedVitaminA
            ? "the UL covers preformed vitamin A only; total RAE is compared, which overstates the risk when much comes from carotenoids"
            : "total intake from food and supplements compared with the UL";
        return new UpperLimitCheck(ul, target.UlScope, observation.MeanIntake, above, above >= 0.5, note);
    }
}
