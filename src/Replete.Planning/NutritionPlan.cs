using Replete.Diet;

namespace Replete.Planning;

/// <summary>The plan: the day's food changes, each planned nutrient before and after, the problem nutrients food
/// cannot close, and the food-first ideas for every gap.</summary>
/// <param name="Status">What kind of plan.</param>
/// <param name="Changes">Changes to foods, largest first; empty when the usual diet already meets every goal.</param>
/// <param name="Nutrients">Every planned nutrient.</param>
/// <param name="Gaps">Food-first ideas for every nutrient below its goal now.</param>
/// <param name="Notes">What the plan assumed and could not do, in words.</param>
public sealed record NutritionPlan(PlanStatus Status, IReadOnlyList<FoodChange> Changes, IReadOnlyList<PlannedNutrient> Nutrients, IReadOnlyList<NutrientGap> Gaps, IReadOnlyList<string> Notes)
{
    /// <summary>The problem nutrients: food within the plan's limits cannot reach their goals. With lab-confirmed
    /// deficiencies, these are the only routes to a supplement.</summary>
    public IReadOnlyList<PlannedNutrient> ProblemNutrients => [.. Nutrients.Where(n => n.IsProblem)];

    /// <summary>Supplement guidance: only for problem nutrients, lab-confirmed lows and B12 for vegans; none where the
    /// triage says see a doctor.</summary>
    public IReadOnlyList<SupplementAdvice> Supplements { get; init; } = [];

    /// <summary>Supplements that take a nutrient above its UL, and by how much to lower them: the first change, before
    /// any food (the plan adds none of such a nutrient). Empty when no supplement does.</summary>
    public IReadOnlyList<SupplementCut> SupplementsToLower { get; init; } = [];

    /// <summary>The training week's fuel (daily carbohydrate and protein, each session's fluid, sodium and
    /// carbohydrate), where the request has a week and a body mass; else null.</summary>
    public Training.WeekFuel? TrainingFuel { get; init; }

    /// <summary>Meal-pairing advice that fired on the person's own meals and supplements (data/meal_pairing.csv).</summary>
    public IReadOnlyList<PairingAdvice> Pairings { get; init; } = [];

    /// <summary>The phytate and polyphenol load of each of the person's meals where a food reports them (IFCT 2017
    /// foods), with the iron absorption estimate's inputs or why it is not made.</summary>
    public IReadOnlyList<MealInhibitorLoad> MealInhibitors { get; init; } = [];

    /// <summary>Why the plan could not be computed (the solver's status and what it means), or null where it was: a plan
    /// not computed shows the usual diet unchanged and calls no nutrient a problem nutrient.</summary>
    public PlanNotComputed? NotComputed { get; init; }

    /// <summary>How much of the food log the plan is built from: it is built from the counted lines only.</summary>
    public PlanFoodLog FoodLog { get; init; } = new(0, 0, 0);

    /// <summary>Energy now (kcal/d), where known.</summary>
    public double? EnergyBefore { get; init; }

    /// <summary>Energy with the plan (kcal/d), where known: held within <see cref="DayPlanner.EnergyBelow"/> and
    /// <see cref="DayPlanner.EnergyAbove"/> of the usual intake.</summary>
    public double? EnergyAfter { get; init; }
}
