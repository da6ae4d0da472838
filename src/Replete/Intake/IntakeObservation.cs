namespace Replete.Intake;

/// <summary>What is known of a person's intake of one nutrient.</summary>
/// <param name="NutrientId">Catalog id.</param>
/// <param name="MeanIntake">Mean daily intake from food and supplements, in the nutrient's unit.</param>
/// <param name="Days">Number of days observed (at least 1).</param>
/// <param name="OwnSd">SD of the person's daily totals where two or more days are known.</param>
/// <param name="SupplementIntake">Mean daily intake from supplements (and fortificants where known), included in
/// <paramref name="MeanIntake"/>; compared with ULs that cover supplements only.</param>
public sealed record IntakeObservation(string NutrientId, double MeanIntake, int Days, double? OwnSd = null, double SupplementIntake = 0)
{
    /// <summary>Builds an observation from daily totals.</summary>
    public static IntakeObservation FromDays(string nutrientId, IReadOnlyList<double> dailyTotals, double supplementIntake = 0)
    {
        ArgumentNullException.ThrowIfNull(dailyTotals);
        ArgumentOutOfRangeException.ThrowIfZero(dailyTotals.Count);
        var mean = dailyTotals.Average();
        double? sd = null;
        if (dailyTotals.Count >= 2)
        {
            sd = Math.Sqrt(dailyTotals.Sum(x => (x - mean) * (x - mean)) / (dailyTotals.Count - 1));
        }

        return new IntakeObservation(nutrientId, mean, dailyTotals.Count, sd, supplementIntake);
    }

    /// <summary>Problems that make the observation unusable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(MeanIntake) || MeanIntake < 0)
        {
            problems.Add("intake must be a non-negative number");
        }
        else if (Documents.InputLimits.DailyIntake.Check(MeanIntake) is { } tooMuch)
        {
            problems.Add($"intake: {tooMuch}");
        }

        if (Days < 1)
        {
            problems.Add("days must be at least 1");
        }

        if (!double.IsFinite(SupplementIntake) || SupplementIntake < 0 || SupplementIntake > MeanIntake + 1e-9)
        {
            problems.Add("supplement intake must be between 0 and the total intake");
        }

        return problems;
    }
}
