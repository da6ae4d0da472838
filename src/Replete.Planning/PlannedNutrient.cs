using Replete.Targets;

namespace Replete.Planning;

/// <summary>One nutrient before and after the plan.</summary>
/// <param name="Nutrient">Catalog id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Goal">The planning goal (<see cref="PlanningTarget"/>).</param>
/// <param name="GoalKind">Where the goal comes from.</param>
/// <param name="Ul">The UL where it limits food plus supplements, else null.</param>
/// <param name="Before">Usual intake now (food and supplements), or null when unknown.</param>
/// <param name="After">Intake with the plan, or null when unknown.</param>
/// <param name="WorstCase">Intake if every increase in the plan is only half made (decreases in full): how low it falls
/// when the plan is followed loosely. Replete's choice of "loosely", after Optifood's worst-case phase (Ferguson et al.,
/// J Nutr 2006;136:2399).</param>
/// <param name="ProbabilityBefore">The probability of adequacy now as the engine reads it (<see cref="Diet.NutrientIntake.Reading"/>):
/// null where it cannot be judged, such as below an AI (IOM 2000 p.61), a lower bound or below an athlete range.</param>
/// <param name="ProbabilityAfter">The same with the plan.</param>
/// <param name="Shortfall">How far the plan's intake falls below the goal (0 when met).</param>
/// <param name="IsProblem">True for a problem nutrient: food within the plan's limits cannot reach the goal.</param>
/// <param name="NotPlannedBecause">Why the nutrient was not planned (its intake is unknown), or null.</param>
public sealed record PlannedNutrient(
    string Nutrient, string Name, string Unit, double Goal, PlanningGoalKind GoalKind, double? Ul, double? Before, double? After, double? WorstCase,
    double? ProbabilityBefore, double? ProbabilityAfter, double Shortfall, bool IsProblem, string? NotPlannedBecause)
{
    /// <summary>With the plan, the intake the UL is compared with: the same as <see cref="After"/>, except for vitamin A,
    /// whose UL covers preformed vitamin A (retinol) only (IOM 2001, ch. 4), and folate, whose UL counts the folic acid
    /// (and L-methylfolate) of supplements and fortified food in ug, not DFE (IOM 1998, ch. 8, the UL section). Null where
    /// no UL limits food.</summary>
    public double? UlIntakeAfter { get; init; }

    /// <summary>The same as <see cref="UlIntakeAfter"/>, now.</summary>
    public double? UlIntakeBefore { get; init; }

    /// <summary>How many times the DRI the goal is, where the targets adjusted it (<see cref="PlanningTarget.Factor"/>);
    /// 1 otherwise.</summary>
    public double GoalFactor { get; init; } = 1;

    /// <summary>What adjusted the goal, with evidence and source (<see cref="PlanningTarget.Adjustments"/>); empty for
    /// a goal as the DRI gives it.</summary>
    public IReadOnlyList<TargetAdjustment> GoalAdjustments { get; init; } = [];

    /// <summary>The adjusted goal before it was lowered to the UL (<see cref="PlanningTarget.AboveUl"/>); else null.</summary>
    public double? GoalAboveUl { get; init; }

    /// <summary>True where the person's supplements take this nutrient above its UL (it is in
    /// <see cref="NutritionPlan.SupplementsToLower"/>): its status says so, whatever food does.</summary>
    public bool SupplementsAboveUl { get; init; }

    /// <summary>The shortfall as a share of the goal (0-1).</summary>
    public double ShortfallShare => Goal > 0 ? Shortfall / Goal : 0;
}
