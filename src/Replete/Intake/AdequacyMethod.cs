namespace Replete.Intake;

/// <summary>How a probability of adequacy was computed.</summary>
public enum AdequacyMethod
{
    /// <summary>z = (mean - EAR) / sqrt(SD_req^2 + SD_within^2 / n) (IOM 2000 Appendix B).</summary>
    EarProbability,

    /// <summary>z = (mean - AI) / (SD_within / sqrt(n)); concludes adequacy or nothing (IOM 2000 p.199).</summary>
    AiTest,

    /// <summary>IOM 2001 Table 14-1 for menstruating women (iron's requirement is skewed).</summary>
    IronProbabilityTable,

    /// <summary>Log-normal requirement fitted to the EAR (median) and RDA (97.5th percentile): an approximation of
    /// the IOM iron tables that could not be retrieved.</summary>
    IronLogNormalApproximation,

    /// <summary>No EAR or AI exists for this nutrient and life stage (energy, for example).</summary>
    NoReferenceValue,
}
