using Replete.Diet;
using Replete.Knowledge;
using Replete.Targets;

namespace Replete.Planning;

/// <summary>What a person asks a plan for: their targets, their usual diet, and the new foods it may suggest.</summary>
/// <param name="Targets">The person's targets (the planning targets are derived from them).</param>
/// <param name="Diet">The analysis of their usual diet (food and supplements).</param>
/// <param name="Items">The logged items the analysis was made from.</param>
/// <param name="Supplements">The supplements they take every day.</param>
/// <param name="Candidates">New foods the plan may add (<see cref="PlanFoods.Candidates"/>); empty for own foods only.</param>
public sealed record PlanRequest(PersonalTargets Targets, DietAnalysis Diet, IReadOnlyList<IntakeItem> Items, IReadOnlyList<Supplement> Supplements, IReadOnlyList<PlanFood> Candidates)
{
    /// <summary>The assessment's triage: an emergency gets no plan; any doctor's visit keeps the plan to food.</summary>
    public TriageLevel Triage { get; init; } = TriageLevel.SelfCare;

    /// <summary>Nutrients a lab result shows low (the assessment's likely findings with lab evidence): with the problem
    /// nutrients, the only routes to a supplement.</summary>
    public IReadOnlyList<string> LabConfirmed { get; init; } = [];

    /// <summary>The person's diet pattern (a vegan gets a reliable B12 source whatever the labs say).</summary>
    public References.DietPattern Pattern { get; init; } = References.DietPattern.Omnivore;

    /// <summary>True for an athlete in a sport: supplements must be tested for banned substances.</summary>
    public bool Athlete { get; init; }

    /// <summary>The person's medicines, as risk ids (data/risk_factors.csv): "ppi", "thiazide_diuretic".</summary>
    public IReadOnlyList<string> Medications { get; init; } = [];

    /// <summary>Nutrients in excess (the assessment's possible excess, or a lab above its upper cut-off): not planned, and
    /// capped at today's intake; with iron in excess, no pairing rule that raises iron absorption is given.</summary>
    public IReadOnlyList<string> Excess { get; init; } = [];

    /// <summary>Nutrients a lab shows adequate: food ideas still follow, but no supplement for a problem nutrient.</summary>
    public IReadOnlyList<string> LabAdequate { get; init; } = [];

    /// <summary>The planned training week, or null: the plan then carries the week's fuel.</summary>
    public Training.TrainingWeek? Week { get; init; }

    /// <summary>A measured sweat rate (L/h) from the profile's sweat test, or null.</summary>
    public double? SweatRateLitresPerHour { get; init; }

    /// <summary>A measured sweat sodium (mmol/L) from the profile's sweat test, or null.</summary>
    public double? SweatSodiumMmolPerLitre { get; init; }

    /// <summary>At most this many new foods go to the solver (<see cref="DayPlanner.MostCandidates"/> by default, the
    /// richest per portion for each gap); at least the number of candidates hands every usable one to it.</summary>
    public int MostCandidates { get; init; } = DayPlanner.MostCandidates;

    /// <summary>Time the solver may take for each of its two stages. Replete's choice.</summary>
    public TimeSpan SolverTimeLimit { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>What kind of plan was made.</summary>
public enum PlanStatus
{
    /// <summary>A food plan (and, later, supplement guidance where food cannot close a gap).</summary>
    Planned,

    /// <summary>The triage says see a doctor: the plan keeps to food; any supplement for a flagged nutrient is the
    /// doctor's decision.</summary>
    FoodOnly,

    /// <summary>An emergency: no plan at all; the emergency is the message.</summary>
    NoPlan,

    /// <summary>No diet to plan from (no logged days with foods of known weight).</summary>
    NoDiet,
}

/// <summary>A change to one food in the day plan.</summary>
/// <param name="Food">The food.</param>
/// <param name="Origin">Own or new.</param>
/// <param name="UsualGrams">Grams a day now.</param>
/// <param name="PlannedGrams">Grams a day in the plan.</param>
/// <param name="Portion">A usual portion, in words.</param>
/// <param name="Carries">The nutrients below their goals this change raises by at least 5 % of the goal, as catalog ids,
/// largest share of goal first.</param>
public sealed record FoodChange(string Food, PlanFoodOrigin Origin, double UsualGrams, double PlannedGrams, string Portion, IReadOnlyList<string> Carries)
{
    /// <summary>The change in grams a day (negative for less).</summary>
    public double ChangeGrams => PlannedGrams - UsualGrams;
}

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
/// <param name="ProbabilityBefore">Replete's probability of adequacy now (IOM 2000 methods), where one is computed.</param>
/// <param name="ProbabilityAfter">The same with the plan.</param>
/// <param name="Shortfall">How far the plan's intake falls below the goal (0 when met).</param>
/// <param name="IsProblem">True for a problem nutrient: food within the plan's limits cannot reach the goal.</param>
/// <param name="NotPlannedBecause">Why the nutrient was not planned (its intake is unknown), or null.</param>
public sealed record PlannedNutrient(
    string Nutrient, string Name, string Unit, double Goal, PlanningGoalKind GoalKind, double? Ul, double? Before, double? After, double? WorstCase,
    double? ProbabilityBefore, double? ProbabilityAfter, double Shortfall, bool IsProblem, string? NotPlannedBecause)
{
    /// <summary>With the plan, the intake the UL is compared with: the same as <see cref="After"/>, except for vitamin A,
    /// whose UL covers preformed vitamin A (retinol) only (IOM 2001, ch. 4). Null where no UL limits food.</summary>
    public double? UlIntakeAfter { get; init; }

    /// <summary>The same as <see cref="UlIntakeAfter"/>, now.</summary>
    public double? UlIntakeBefore { get; init; }

    /// <summary>The shortfall as a share of the goal (0-1).</summary>
    public double ShortfallShare => Goal > 0 ? Shortfall / Goal : 0;
}

/// <summary>A food that could carry more of a nutrient, for the person to choose from (food first).</summary>
/// <param name="Food">The food.</param>
/// <param name="Origin">Own (eat more of it, or more often) or new.</param>
/// <param name="PerPortion">Amount of the nutrient in one usual portion.</param>
/// <param name="PerHundredKcal">Amount per 100 kcal, or null when the food's energy is unknown or zero.</param>
/// <param name="Portion">The portion, in words.</param>
public sealed record FoodIdea(string Food, PlanFoodOrigin Origin, double PerPortion, double? PerHundredKcal, string Portion)
{
    /// <summary>How well the nutrient is absorbed from this food, with its source (data/absorption_notes.csv), or null.</summary>
    public string? Note { get; init; }
}

/// <summary>A nutrient below its goal and the foods that could close it.</summary>
/// <param name="Nutrient">Catalog id.</param>
/// <param name="Ideas">Own foods first, then new ones, richest per portion first.</param>
/// <param name="Unknown">Own foods whose value for the nutrient is unknown: not counted, never taken as zero.</param>
public sealed record NutrientGap(string Nutrient, IReadOnlyList<FoodIdea> Ideas, IReadOnlyList<string> Unknown);

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

    /// <summary>The training week's fuel (daily carbohydrate and protein, each session's fluid, sodium and
    /// carbohydrate), where the request has a week and a body mass; else null.</summary>
    public Training.WeekFuel? TrainingFuel { get; init; }

    /// <summary>Meal-pairing advice that fired on the person's own meals and supplements (data/meal_pairing.csv).</summary>
    public IReadOnlyList<PairingAdvice> Pairings { get; init; } = [];

    /// <summary>Energy now (kcal/d), where known.</summary>
    public double? EnergyBefore { get; init; }

    /// <summary>Energy with the plan (kcal/d), where known: held within <see cref="DayPlanner.EnergyBelow"/> and
    /// <see cref="DayPlanner.EnergyAbove"/> of the usual intake.</summary>
    public double? EnergyAfter { get; init; }
}
