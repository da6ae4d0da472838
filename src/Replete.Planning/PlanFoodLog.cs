using System.Globalization;
using Replete.Diet;

namespace Replete.Planning;

/// <summary>How much of the food log a plan is built from: every plan is built from the counted lines only, and says
/// how many were not.</summary>
/// <param name="Lines">Food-log lines read (<see cref="FoodLogCheck.Lines"/>; app exports with their own nutrients are not
/// lines here).</param>
/// <param name="LinesNotCounted">Of them, lines not counted (no food matched, or the amount could not be weighed): the
/// plan knows nothing of what they carry, toward a goal or toward a UL.</param>
/// <param name="LinesToConfirm">Of the counted lines, those whose match needs confirming (counted as matched).</param>
public sealed record PlanFoodLog(int Lines, int LinesNotCounted, int LinesToConfirm)
{
    /// <summary>From this share of food-log lines not counted, no plan is made. Replete's rule, not a published figure:
    /// at half or more, the plan would rest on no more than half of what was logged, and the foods it cannot see may
    /// already carry what it would add, toward a goal or toward a UL.</summary>
    public const double RefuseFromShareNotCounted = 0.5;

    /// <summary>The share of lines not counted (0-1); 0 without a food log.</summary>
    public double ShareNotCounted => Lines > 0 ? (double)LinesNotCounted / Lines : 0;

    /// <summary>True where so many lines were not counted (<see cref="RefuseFromShareNotCounted"/>) that no plan is made.</summary>
    public bool TooMuchNotCounted => LinesNotCounted > 0 && ShareNotCounted >= RefuseFromShareNotCounted;

    /// <summary>The plan's view of a diet analysis's food-log check.</summary>
    public static PlanFoodLog Of(FoodLogCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new PlanFoodLog(check.Lines, check.LinesNotCounted, check.ToConfirm.Sum(f => f.Lines));
    }

    /// <summary>What the plan is built from, in words, where any line was not counted or needs confirming; else null.</summary>
    public string? Describe()
    {
        if (LinesNotCounted == 0 && LinesToConfirm == 0)
        {
            return null;
        }

        var confirm = LinesToConfirm > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {LinesToConfirm} counted line(s) are matches to confirm") : "";
        return LinesNotCounted == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Built from the food log as matched: {LinesToConfirm} of {Lines} line(s) are matches to confirm; check them.")
            : string.Create(CultureInfo.InvariantCulture,
                $"Built from counted food-log lines only: {LinesNotCounted} of {Lines} line(s) ({ShareNotCounted:P0}) were not counted{confirm}. What those foods carry is in no intake here and in no UL check; to count them, {FoodLogCheck.ImportAdvice}.");
    }
}
