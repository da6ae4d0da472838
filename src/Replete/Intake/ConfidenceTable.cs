namespace Replete.Intake;

/// <summary>IOM 2000 Table B-1 (p.190, adapted from Snedecor &amp; Cochran 1980): the probability of a correct
/// conclusion for a given D/SD_D. The report reads its examples off this table (0.85 for z just under 1), where the
/// exact normal CDF gives slightly different values (0.84); Replete reports both.</summary>
public static class ConfidenceTable
{
    private static readonly (double Z, double Probability)[] Rows =
    [
        (2.00, 0.98), (1.65, 0.95), (1.50, 0.93), (1.00, 0.85), (0.50, 0.70), (0.00, 0.50),
    ];

    /// <summary>The Table B-1 probability that "adequate" (z &gt; 0) or "inadequate" (z &lt; 0) is the right
    /// conclusion, expressed as P(adequate). The report rounds z to the nearest row (0.98 reads as 1.00).</summary>
    public static double ProbabilityAdequate(double z)
    {
        var rounded = Math.Round(Math.Abs(z) * 20) / 20; // the report's examples round to 0.05
        var p = Rows.First(r => rounded >= r.Z).Probability;
        return z >= 0 ? p : 1 - p;
    }
}
