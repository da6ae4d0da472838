using Replete.Nutrients;
using Replete.References;

namespace Replete.Targets;

/// <summary>Which reference value a planning goal comes from.</summary>
public enum PlanningGoalKind
{
    /// <summary>The Recommended Dietary Allowance (adjusted for the athlete where the targets say so).</summary>
    Rda,

    /// <summary>The Adequate Intake, where a nutrient has no RDA.</summary>
    Ai,

    /// <summary>The lower end of an athlete range (protein, carbohydrate in g/kg), where it is above the RDA.</summary>
    AthleteRange,
}

/// <summary>What a plan aims at for one nutrient: usual intake at or above <paramref name="Goal"/> and, where a UL
/// applies to food, at or below <paramref name="Ul"/>.</summary>
/// <remarks>Planning for an individual aims at the RDA (or the AI) and stays under the UL; the EAR is for assessing,
/// never for planning, since at the EAR half of people fall short (IOM 2003, <i>Dietary Reference Intakes: Applications
/// in Dietary Planning</i>, ch. 3, NBK221356).</remarks>
/// <param name="Nutrient">The nutrient.</param>
/// <param name="Goal">The goal, in the nutrient's unit per day.</param>
/// <param name="Kind">Where the goal comes from.</param>
/// <param name="Ul">The UL, or null where there is none.</param>
/// <param name="UlScope">What the UL covers: food plus supplements, supplements only, or preformed vitamin A.</param>
/// <param name="Source">The source of the goal.</param>
public sealed record PlanningTarget(Nutrient Nutrient, double Goal, PlanningGoalKind Kind, double? Ul, UpperLimitScope UlScope, string Source)
{
    /// <summary>True where the UL limits what food may supply (a UL of total intake or of preformed vitamin A); false
    /// where it covers supplements and fortificants only (magnesium, folic acid, niacin, vitamin E).</summary>
    public bool UlLimitsFood => Ul is not null && UlScope is UpperLimitScope.TotalIntake or UpperLimitScope.PreformedVitaminA;

    /// <summary>How many times the DRI the goal is, where the goal is an RDA the targets adjusted for training or diet
    /// (<see cref="NutrientTarget.RequirementFactor"/>: iron for endurance or a vegetarian diet, zinc for a vegetarian
    /// diet); 1 otherwise.</summary>
    public double Factor { get; init; } = 1;

    /// <summary>What adjusted the goal and why, with each change's evidence and source (the target's own
    /// <see cref="NutrientTarget.Adjustments"/>), where <see cref="Factor"/> is not 1; else empty. Every plan shows
    /// these the same way, whatever the nutrient.</summary>
    public IReadOnlyList<TargetAdjustment> Adjustments { get; init; } = [];

    /// <summary>The adjusted goal where the adjustments took it to or above a UL on total intake (iron x1.8 for a
    /// vegetarian diet and x1.5 for endurance training: 48.6 mg/d against a UL of 45); else null. The goal is then the
    /// RDA as the DRI gives it (18 mg/d), strictly below the UL: nothing Replete suggests may reach a UL, counting
    /// supplements, and iron beyond it is for medical supervision (IOM 2001 p.125 and p.377).</summary>
    public double? AboveUl { get; init; }
}

/// <summary>Turns a person's assessing targets into planning targets.</summary>
public static class PlanningTargets
{
    /// <summary>Nutrients a food plan does not aim at. Energy is held near the usual intake instead; water and sodium
    /// (with chloride) follow the sweat test and the training plan; retinol has no reference value of its own.
    /// Replete's choice.</summary>
    public static IReadOnlySet<string> NotPlanned { get; } = new HashSet<string>(StringComparer.Ordinal) { "energy", "water", "sodium", "chloride", "retinol" };

    /// <summary>The planning target of every nutrient in <paramref name="targets"/> that has an RDA or an AI, except
    /// <see cref="NotPlanned"/>.</summary>
    /// <remarks>The goal is the RDA, else the AI (IOM 2003, ch. 3-4); for protein and carbohydrate the lower end of the
    /// athlete range when it is higher (the sources in data/athlete_targets.csv).</remarks>
    public static IReadOnlyList<PlanningTarget> For(PersonalTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var planning = new List<PlanningTarget>();
        foreach (var target in targets.Targets.Where(t => !NotPlanned.Contains(t.Nutrient.Id)))
        {
            var (goal, kind) = target.Rda is { } rda ? (rda, PlanningGoalKind.Rda) : target.Ai is { } ai ? (ai, PlanningGoalKind.Ai) : (0d, PlanningGoalKind.Rda);
            var source = $"{(kind == PlanningGoalKind.Rda ? "RDA" : "AI")}, {target.Source}; planned per IOM 2003 Applications in Dietary Planning";
            if (target.AthleteLow is { } low && low > goal)
            {
                (goal, kind) = (low, PlanningGoalKind.AthleteRange);
                source = target.AthleteSource ?? target.Source;
            }

            if (goal <= 0)
            {
                continue;
            }

            var adjusted = kind == PlanningGoalKind.Rda && target.RequirementFactor != 1;
            // A goal is never at or above a UL on total intake (food and supplements): nothing Replete suggests may reach
            // a UL. An adjusted goal that is falls back to the RDA as the DRI gives it, the goal's own source; where even
            // that is not below the UL, the planner does not plan the nutrient and says so (h68 finding 11; h89).
            double? aboveUl = adjusted && target.UlScope == UpperLimitScope.TotalIntake && target.Ul is { } ul && goal >= ul ? goal : null;
            planning.Add(new PlanningTarget(target.Nutrient, aboveUl is { } high ? high / target.RequirementFactor : goal, kind, target.Ul, target.UlScope, source)
            {
                Factor = adjusted ? target.RequirementFactor : 1,
                Adjustments = adjusted ? target.Adjustments : [],
                AboveUl = aboveUl,
            });
        }

        return planning;
    }
}
