using Replete.Assessment;

namespace Replete.Planning;

/// <summary>A retest a fix calls for: the nutrient the fix treats and the sourced interval, or null where no source gives
/// one (the person then sets their own).</summary>
/// <param name="Nutrient">The nutrient treated.</param>
/// <param name="Interval">The sourced interval (data/retest_intervals.csv), or null.</param>
public sealed record RetestPlan(string Nutrient, RetestInterval? Interval)
{
    /// <summary>The retests a plan and its assessment call for: every nutrient the plan supplements, and every likely
    /// finding (a diet change for it starts a fix too), once each, in that order. None in an emergency.</summary>
    public static IReadOnlyList<RetestPlan> For(NutritionPlan plan, RecoveryAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Triage == Knowledge.TriageLevel.Emergency)
        {
            return [];
        }

        return [.. plan.Supplements.Select(s => s.Nutrient)
            .Concat(assessment.Bottlenecks.Where(b => b.Likelihood == Likelihood.Likely).Select(b => b.Nutrient))
            .Distinct(StringComparer.Ordinal)
            .Select(n => new RetestPlan(n, RetestInterval.For(n)))];
    }
}
