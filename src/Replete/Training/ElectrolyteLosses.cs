namespace Replete.Training;

/// <summary>Electrolyte losses from a sweat rate and sweat concentrations.</summary>
public static class ElectrolyteLosses
{
    /// <summary>The electrolytes estimated.</summary>
    public static readonly string[] Electrolytes = ["sodium", "potassium", "magnesium", "calcium"];

    /// <summary>Losses per hour: sweat rate (L/h) times concentration (mg/L). A measured sweat sodium (mmol/L)
    /// replaces the typical range for sodium.</summary>
    public static IReadOnlyList<ElectrolyteLoss> PerHour(Range sweatRateLitresPerHour, double? measuredSodiumMmolPerLitre = null)
    {
        ArgumentNullException.ThrowIfNull(sweatRateLitresPerHour);
        return Electrolytes.Select(e =>
        {
            var measured = e == "sodium" && measuredSodiumMmolPerLitre is not null;
            var concentration = measured
                ? new Range(measuredSodiumMmolPerLitre!.Value * SweatComposition.MgPerMmol("sodium"), measuredSodiumMmolPerLitre.Value * SweatComposition.MgPerMmol("sodium"), "mg/L", "measured sweat sodium")
                : SweatComposition.TypicalConcentrationMgPerLitre(e);
            return new ElectrolyteLoss(e, new Range(
                sweatRateLitresPerHour.Low * concentration.Low,
                sweatRateLitresPerHour.High * concentration.High,
                "mg/h",
                concentration.Source), measured);
        }).ToList();
    }
}
