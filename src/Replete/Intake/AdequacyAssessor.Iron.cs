using System.Globalization;
using Replete.Data;
using Replete.References;
using Replete.Targets;

namespace Replete.Intake;

public static partial class AdequacyAssessor
{
    /// <summary>The 97.5th percentile of the standard normal, the RDA's position in the requirement distribution
    /// (IOM 2001 p.337: EAR = median, RDA = 97.5th percentile of the modelled requirement).</summary>
    private const double Z975 = 1.959964;

    private static readonly IReadOnlyList<(double Low, double? High, double RiskOfInadequacy)> Table14_1 =
        ReferenceData.Read("iron_table14_1.csv")
            .Select(r => (r.Number("usual_intake_low_mg"), r.OptionalNumber("usual_intake_high_mg"), r.Number("probability_inadequate")))
            .ToList();

    /// <summary>IOM 2001 Table 14-1: risk of inadequacy at a usual iron intake, menstruating women not using oral
    /// contraceptives, omnivorous diet.</summary>
    public static double IronRiskOfInadequacyMenstruatingWomen(double usualIntakeMg) =>
        Table14_1.First(row => row.High is not { } high || usualIntakeMg <= high).RiskOfInadequacy; // printed upper bounds are inclusive

    /// <summary>P(adequate) for a log-normal requirement with the given median (EAR) and 97.5th percentile (RDA).</summary>
    public static double LogNormalProbabilityAdequate(double usualIntake, double ear, double rda)
    {
        if (usualIntake <= 0)
        {
            return 0;
        }

        var sigma = (Math.Log(rda) - Math.Log(ear)) / Z975;
        return StandardNormal.Cdf((Math.Log(usualIntake) - Math.Log(ear)) / sigma);
    }

    /// <summary>P(adequate) for a menstruating woman whose usual intake is known only as the mean of a few days: IOM
    /// 2001 Table 14-1's probability read over the normal distribution of usual intake around
    /// <paramref name="meanIntakeMg"/> with SD <paramref name="sdOfUsualIntakeMg"/> (SD_within / sqrt(days)). With an SD
    /// of zero it is the table itself.</summary>
    /// <remarks>Table 14-1 gives the risk at a <i>usual</i> intake (IOM 2001 p.571); the mean of a few days is not one.
    /// IOM 2000 (Applications in Dietary Assessment, Appendix B pp.186-194) treats the observed mean as usual intake
    /// measured with error SD_within / sqrt(n), and for a normal requirement P(adequate) = Phi((mean - EAR) / sqrt(SD_r^2
    /// + SD_within^2 / n)), which is exactly P(requirement below usual intake) with usual intake normal around the mean.
    /// The same probability with iron's skewed requirement is the table's probability averaged over that normal: each
    /// band's probability of adequacy times the chance that usual intake lies in the band. Usual intake below zero falls
    /// in the first band (risk 1.0).</remarks>
    public static double IronProbabilityAdequateMenstruatingWomen(double meanIntakeMg, double sdOfUsualIntakeMg)
    {
        if (!(sdOfUsualIntakeMg > 0))
        {
            return 1 - IronRiskOfInadequacyMenstruatingWomen(meanIntakeMg);
        }

        var p = 0.0;
        var below = 0.0;
        foreach (var row in Table14_1)
        {
            var upTo = row.High is { } high ? StandardNormal.Cdf((high - meanIntakeMg) / sdOfUsualIntakeMg) : 1;
            p += (1 - row.RiskOfInadequacy) * (upTo - below);
            below = upTo;
        }

        return Math.Clamp(p, 0, 1);
    }

    /// <summary>As <see cref="LogNormalProbabilityAdequate(double, double, double)"/>, with usual intake known only as the mean of a few days:
    /// the probability averaged over the normal distribution of usual intake (SD <paramref name="sdOfUsualIntake"/> =
    /// SD_within / sqrt(days)), as <see cref="IronProbabilityAdequateMenstruatingWomen"/> does for Table 14-1. Usual
    /// intake at or below zero is inadequate.</summary>
    public static double LogNormalProbabilityAdequate(double meanIntake, double sdOfUsualIntake, double ear, double rda)
    {
        if (!(sdOfUsualIntake > 0))
        {
            return LogNormalProbabilityAdequate(meanIntake, ear, rda);
        }

        // Simpson's rule over +-8 SD: the normal's weight outside is below 1e-15.
        const int Steps = 800;
        var from = meanIntake - (8 * sdOfUsualIntake);
        var width = 16 * sdOfUsualIntake / Steps;
        var sum = 0.0;
        for (var i = 0; i <= Steps; i++)
        {
            var u = from + (i * width);
            var z = (u - meanIntake) / sdOfUsualIntake;
            var weight = i == 0 || i == Steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.Exp(-0.5 * z * z) * LogNormalProbabilityAdequate(u, ear, rda);
        }

        return Math.Clamp(sum * width / 3 / (sdOfUsualIntake * Math.Sqrt(2 * Math.PI)), 0, 1);
    }

    /// <summary>Iron: the requirement is skewed, so the probability comes from the requirement distribution (IOM 2001
    /// Table 14-1, or a log-normal fitted to the EAR and RDA), read over the uncertainty of usual intake that the
    /// logged days leave (IOM 2000 Appendix B: SD_within / sqrt(n)).</summary>
    /// <remarks>Reading the table at the mean of one day treated that day as usual intake: 19 mg on one day read as
    /// "adequate with high confidence", the same as 19 mg over a month. Refusing a conclusion below some number of days
    /// would need a number no source gives; averaging over the spread of usual intake uses the IOM's own model of
    /// within-person variation, falls to the table itself as the days grow, and matches the z-test the other nutrients
    /// use where the requirement is normal. Iron's pooled SD_within (IOM 2000 Table B-2) could not be retrieved, so the
    /// fallback of data/within_person_variation.csv applies and the result is marked approximate.</remarks>
    private static ProbabilityOfAdequacy Iron(
        IntakeObservation observation, NutrientTarget target, LifeStage lifeStage, WithinPersonSd sdWithin, UpperLimitCheck? ul, List<string> notes)
    {
        notes.Add("Iron's requirement is skewed, so the probability comes from the requirement distribution, not a z-score (IOM 2001 ch.14).");
        var sdOfUsual = sdWithin.Value / Math.Sqrt(observation.Days);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Usual intake is known only from {observation.Days} day(s): the probability is averaged over usual intakes around the mean {observation.MeanIntake:0.##} mg with SD {sdOfUsual:0.##} mg (day-to-day SD {sdWithin.Value:0.##} / sqrt({observation.Days}), IOM 2000 Appendix B); more logged days narrow it."));
        if (sdWithin.IsFallback)
        {
            notes.Add($"Within-person SD is a fallback ({sdWithin.Explanation}); the IOM's pooled value was not available.");
        }

        var factor = target.RequirementFactor;
        if (lifeStage.Id is "female_19_30" or "female_31_50")
        {
            var p = IronProbabilityAdequateMenstruatingWomen(observation.MeanIntake / factor, sdOfUsual / factor);
            notes.Add("Assumes menstruating and not using oral contraceptives (which lower losses by about 60 %, IOM 2001 Table 14-2).");
            if (factor != 1)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Table 14-1 scaled by the requirement factor x{factor:0.##}: an approximation."));
            }

            return new ProbabilityOfAdequacy("iron", AdequacyMethod.IronProbabilityTable, p, null, null, target.Ear,
                Conclusion(p), factor != 1 || sdWithin.IsFallback, sdWithin, ul, notes);
        }

        // Adult men: IOM 2001 p.340 gives the absorbed requirement itself (median 1.08, 97.5th percentile 1.53 mg/d at
        // 18 % absorption, so 6.0 and 8.5 mg), sharper than the rounded RDA of 8.
        var adultMan = lifeStage.Sex == Sex.Male && lifeStage.MinimumAgeYears >= 19;
        var median = adultMan ? 1.08 / 0.18 * factor : target.Ear!.Value;
        var upper = adultMan ? 1.53 / 0.18 * factor : target.Rda!.Value;
        var probability = LogNormalProbabilityAdequate(observation.MeanIntake, sdOfUsual, median, upper);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"The IOM probability table for {lifeStage.Label} could not be retrieved: approximated by a log-normal requirement with median {median:0.##} and 97.5th percentile {upper:0.##} mg ({(adultMan ? "IOM 2001 p.340" : "EAR and RDA")})."));
        return new ProbabilityOfAdequacy("iron", AdequacyMethod.IronLogNormalApproximation, probability, null, null, target.Ear,
            Conclusion(probability), true, sdWithin, ul, notes);
    }

    /// <summary>Words for a probability of adequacy, at the confidence levels of IOM 2000 Table B-1 (p.190) and the
    /// reading of IOM 2000 Summary p.6 (below the EAR: very likely needs improving).</summary>
    private static string Conclusion(double p) => p switch
    {
        >= 0.975 => "adequate with high confidence",
        >= 0.85 => "likely adequate",
        >= 0.70 => "probably adequate, not certain",
        >= 0.50 => "uncertain: may need improving",
        >= 0.15 => "likely inadequate: needs improving",
        _ => "very likely inadequate: needs improving",
    };
}
