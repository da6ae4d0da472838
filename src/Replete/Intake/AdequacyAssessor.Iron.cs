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

    private static ProbabilityOfAdequacy Iron(
        IntakeObservation observation, NutrientTarget target, LifeStage lifeStage, UpperLimitCheck? ul, List<string> notes)
    {
        notes.Add("Iron's requirement is skewed, so the probability comes from the requirement distribution, not a z-score (IOM 2001 ch.14).");
        if (observation.Days < 7)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The mean of {observation.Days} day(s) stands in for usual intake; log more days to firm this up."));
        }

        var factor = target.RequirementFactor;
        if (lifeStage.Id is "female_19_30" or "female_31_50")
        {
            var risk = IronRiskOfInadequacyMenstruatingWomen(observation.MeanIntake / factor);
            notes.Add("Assumes menstruating and not using oral contraceptives (which lower losses by about 60 %, IOM 2001 Table 14-2).");
            if (factor != 1)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Table 14-1 scaled by the requirement factor x{factor:0.##}: an approximation."));
            }

            return new ProbabilityOfAdequacy("iron", AdequacyMethod.IronProbabilityTable, 1 - risk, null, null, target.Ear,
                Conclusion(1 - risk), factor != 1, null, ul, notes);
        }

        // Adult men: IOM 2001 p.340 gives the absorbed requirement itself (median 1.08, 97.5th percentile 1.53 mg/d at
        // 18 % absorption, so 6.0 and 8.5 mg), sharper than the rounded RDA of 8.
        var adultMan = lifeStage.Sex == Sex.Male && lifeStage.MinimumAgeYears >= 19;
        var median = adultMan ? 1.08 / 0.18 * factor : target.Ear!.Value;
        var upper = adultMan ? 1.53 / 0.18 * factor : target.Rda!.Value;
        var p = LogNormalProbabilityAdequate(observation.MeanIntake, median, upper);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"The IOM probability table for {lifeStage.Label} could not be retrieved: approximated by a log-normal requirement with median {median:0.##} and 97.5th percentile {upper:0.##} mg ({(adultMan ? "IOM 2001 p.340" : "EAR and RDA")})."));
        return new ProbabilityOfAdequacy("iron", AdequacyMethod.IronLogNormalApproximation, p, null, null, target.Ear,
            Conclusion(p), true, null, ul, notes);
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
