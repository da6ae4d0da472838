using System.Globalization;
using Google.OrTools.LinearSolver;
using Replete.Diet;
using Replete.Foods;
using Replete.Knowledge;
using Replete.References;
using Replete.Targets;

namespace Replete.Planning;

/// <summary>Plans one person's day: the smallest change to their usual diet that brings every planning target within
/// reach and keeps every UL, solved as linear programs on Google OR-Tools (GLOP).</summary>
/// <remarks>
/// <para>The model follows Optifood's goal programming (Ferguson, Darmon, Fahmida et al., J Nutr 2006;136:2399) and
/// individual diet models closest to the observed diet (Maillot et al., AJCN 2011;94:1127): nutrient goals are soft
/// (a shortfall is a penalised deviation, so a plan exists when food cannot reach a goal, and that nutrient is named a
/// problem nutrient), ULs and portions are hard, and the objectives are lexicographic (solve for the first, fix it, solve
/// for the next; OR-Tools maintainers, google/or-tools issue 926): first the smallest total shortfall, each as a share
/// of its goal (macronutrients weighted by <see cref="MacronutrientWeight"/>); then the fewest and smallest changes, in absolute grams (Optimeal FAQ: relative deviations freeze foods
/// eaten in small amounts).</para>
/// <para>Variables: grams a day of each own food (<see cref="KeepOwnShare"/> of the usual amount to
/// <see cref="PlanFood.MaximumGrams"/>) and each new food, the grams above and below the usual amount, and each
/// nutrient's shortfall.
/// Intake of a nutrient is its usual mean plus what the changes add, so foods without a known weight and supplements
/// stay as they are.</para>
/// </remarks>
public static class DayPlanner
{
    /// <summary>Energy may fall this share below the usual intake: none. The need is not known from an assessment file,
    /// and an athlete's logged intake is more often below it than above (under-reporting, low energy availability), so a
    /// plan never lowers energy. Replete's choice.</summary>
    public const double EnergyBelow = 0;

    /// <summary>Energy may rise this share above the usual intake. Replete's choice.</summary>
    public const double EnergyAbove = 0.10;

    /// <summary>At most this many foods changed or added in one plan. Replete's choice: a plan a person keeps.</summary>
    public const int MostFoodsChanged = 5;

    /// <summary>At most this many new foods in one plan. Replete's choice.</summary>
    public const int MostNewFoods = 2;

    /// <summary>New foods kept per nutrient gap before solving (the richest per portion), and in all.</summary>
    public const int CandidatesPerGap = 30;

    /// <inheritdoc cref="CandidatesPerGap"/>
    public const int MostCandidates = 300;

    /// <summary>An own food may fall to this share of its usual amount, no lower: a plan adds and trades, it does not take
    /// away what a person eats. Replete's choice.</summary>
    public const double KeepOwnShare = 0.5;

    /// <summary>The weight of a macronutrient's shortfall (protein, carbohydrate, fiber) against a micronutrient's 1:
    /// Replete finds and fixes micronutrient bottlenecks, and carbohydrate is planned around training by the training
    /// engine. Replete's choice.</summary>
    public const double MacronutrientWeight = 0.1;

    /// <summary>A shortfall below this share of the goal counts as met (whole grams are rounded down). Replete's choice.</summary>
    public const double MetWithin = 0.01;

    /// <summary>Loads the solver (OR-Tools' native libraries, tens of milliseconds), so that a caller can pay for it on
    /// another thread while it reads the foods to plan with; <see cref="Plan"/> loads it itself otherwise.</summary>
    /// <exception cref="InvalidOperationException">The OR-Tools GLOP solver cannot be loaded (a broken install).</exception>
    public static void LoadSolver()
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The OR-Tools GLOP solver is not available in this build.");
    }

    /// <summary>Makes the plan.</summary>
    /// <exception cref="InvalidOperationException">The OR-Tools GLOP solver cannot be loaded (a broken install).</exception>
    public static NutritionPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Triage == TriageLevel.Emergency)
        {
            return new NutritionPlan(PlanStatus.NoPlan, [], [], [], ["An emergency comes first: there is no plan until a doctor has seen you."]);
        }

        var diet = request.Diet;
        if (diet.Implausible is { } implausible)
        {
            return new NutritionPlan(PlanStatus.NoDiet, [], [], [], [$"The diet log is not a real intake ({implausible}), so no plan is made from it: correct the log (repeated lines, amounts, units) and plan again."]);
        }

        // The items are read once for the usual diet (own foods, vitamin A, meal pairing; by the caller where it chose
        // candidates from it) and once for the diet after the plan, never held.
        var items = request.Items.Where(i => (diet.From is null || i.Date >= diet.From) && (diet.To is null || i.Date <= diet.To));
        var usual = request.Usual ?? UsualDiet.Read(request.Items, diet);
        // An own food the diet pattern rules out (the profile or the log is wrong) is never raised or suggested.
        var rule = Replete.Foods.FoodExclusions.Default.For(request.Pattern);
        var own = request.Pattern == References.DietPattern.Omnivore ? usual.Own
            : [.. usual.Own.Select(f => rule.RulesOutName(f.Name) ? f with { HeldAtUsual = true } : f)];
        if (diet.Days == 0 || own.Count == 0)
        {
            return new NutritionPlan(PlanStatus.NoDiet, [], [], [], ["No logged day has foods with a known weight, so there is no usual diet to plan from: log a few days in grams or household measures."]);
        }

        var notes = new List<string>();
        if (own.Where(f => f.HeldAtUsual).Select(f => f.Name).ToList() is { Count: > 0 } outside)
        {
            notes.Add($"The profile says {rule.Label}, but the log has {string.Join(", ", outside.Take(5))}{(outside.Count > 5 ? ", ..." : "")}: the plan does not raise or suggest them; correct the profile or the log.");
        }
        // An avoid item the plan could not apply is said first: the person may rely on it for an allergy.
        notes.AddRange(request.AvoidNotMatched.Select(item =>
            $"Avoid '{item}' matches no food the plan can suggest, so it was not applied: check the spelling or name the food (such as 'tomatoes', 'dairy', 'tree nuts'), and check every suggested food yourself."));
        var status = request.Triage == TriageLevel.SelfCare ? PlanStatus.Planned : PlanStatus.FoodOnly;
        if (status == PlanStatus.FoodOnly)
        {
            notes.Add("The assessment says see a doctor: this plan keeps to food, and any supplement for a flagged nutrient is the doctor's decision.");
        }

        var intakes = diet.Nutrients.ToDictionary(n => n.Nutrient.Id, StringComparer.Ordinal);
        var excess = request.Excess.ToHashSet(StringComparer.Ordinal);
        var goals = new List<(PlanningTarget Target, double Base)>();
        var unplanned = new List<PlannedNutrient>();
        var fuel = Fuel(request);
        var planningTargets = PlanningTargets.For(request.Targets);
        foreach (var planning in planningTargets)
        {
            // With a training week, carbohydrate aims at the week's mean of each day's lower bound (Thomas, Erdman &
            // Burke 2016, Table 2), not at the general athlete range from weekly hours.
            var target = planning.Nutrient.Id == "carbohydrate" && fuel is { } week
                ? planning with { Goal = week.Days.Days.Average(d => d.CarbohydrateGrams.Low), Kind = PlanningGoalKind.AthleteRange, Source = week.Days.Days[0].Source }
                : planning;
            var intake = intakes.GetValueOrDefault(target.Nutrient.Id);
            if (excess.Contains(target.Nutrient.Id))
            {
                unplanned.Add(new PlannedNutrient(target.Nutrient.Id, target.Nutrient.Name, target.Nutrient.Unit, target.Goal, target.Kind, FoodUl(target),
                    intake?.MeanDaily, null, null, intake?.Reading.Probability, null, 0, false, "not planned: the assessment finds a possible excess or a high lab; the plan adds none"));
                continue;
            }

            // Planning preformed niacin up to a goal in niacin equivalents would call a diet short that is not
            // (DietAnalyzer.MeasuredShort).
            // An athlete's protein or carbohydrate range is per kg: without a body mass it is not known, and planning to
            // the general RDA would call 46 g of protein "met" for a runner (the engine's AthleteRangeUnknown reading).
            // A training week that carries its own body mass gives carbohydrate's goal all the same.
            var rangeUnknown = ReferenceEquals(target, planning) ? intake?.Target.AthleteRangeUnknown : null;
            var why = rangeUnknown is not null ? $"{rangeUnknown}; give a body mass"
                : intake?.MeanDaily is null ? "no logged food reports it"
                : intake.Coverage < DietAnalyzer.LowCoverage ? string.Create(CultureInfo.InvariantCulture, $"only {intake.Coverage:P0} of logged foods report it")
                : DietAnalyzer.MeasuredShort(target.Nutrient.Id) is not null ? "food data give preformed niacin only (the goal is in niacin equivalents)"
                : null;
            if (why is not null || intake?.MeanDaily is not { } mean)
            {
                unplanned.Add(new PlannedNutrient(target.Nutrient.Id, target.Nutrient.Name, target.Nutrient.Unit, target.Goal, target.Kind, FoodUl(target),
                    intake?.MeanDaily, null, null, intake?.Reading.Probability, null, 0, false, $"not planned: {why}"));
                continue;
            }

            if (target.UlScope == UpperLimitScope.TotalIntake && FoodUl(target) is { } ceiling && target.Goal >= ceiling)
            {
                // Nothing Replete suggests may reach a UL (PlanningTargets.For): a goal not below it is not planned.
                unplanned.Add(new PlannedNutrient(target.Nutrient.Id, target.Nutrient.Name, target.Nutrient.Unit, target.Goal, target.Kind, ceiling,
                    mean, null, null, intake.Reading.Probability, null, 0, false,
                    string.Create(CultureInfo.InvariantCulture, $"not planned: the RDA ({target.Goal:0.#} {target.Nutrient.Unit}/d) cannot be reached below the UL ({ceiling:0.#}, food and supplements); ask a doctor")));
                continue;
            }

            goals.Add((target, mean));
        }

        // With iron below its goal, tea, coffee and cocoa are never raised or added: with a meal they cut non-heme iron
        // absorption (data/meal_pairing.csv, Morck, Lynch & Cook 1983; Hurrell, Reddy & Cook 1999), whatever else
        // they carry. The meal-pairing advice says when to drink them.
        var candidatePool = request.Candidates;
        if (goals.Any(g => g.Target.Nutrient.Id == "iron" && g.Base < g.Target.Goal))
        {
            var drinks = own.Where(f => !f.HeldAtUsual && MealPairing.InhibitsIronAbsorption(f.Name)).Select(f => f.Name).ToList();
            own = [.. own.Select(f => drinks.Contains(f.Name) ? f with { HeldAtUsual = true } : f)];
            candidatePool = [.. candidatePool.Where(c => !MealPairing.InhibitsIronAbsorption(c.Name))];
            if (drinks.Count > 0)
            {
                notes.Add($"Iron is below its goal, so the plan does not raise {string.Join(", ", drinks.Take(3))}{(drinks.Count > 3 ? ", ..." : "")}: tea, coffee and cocoa with a meal cut the absorption of plant iron (Morck, Lynch & Cook 1983).");
            }
        }

        var energyBase = intakes.GetValueOrDefault("energy")?.MeanDaily;
        var preformedBase = diet.Days == 0 ? 0 : usual.PreformedFromFood + request.Supplements.Sum(s => PreformedIn(s.On(default)));
        var cuts = SupplementCuts(request, intakes, preformedBase);
        if (PlanFoodLog.Of(diet.FoodLog) is { TooMuchNotCounted: true } refused)
        {
            // Replete's rule (PlanFoodLog.RefuseFromShareNotCounted): no plan from half a log; a supplement above its UL
            // is still named, since that needs no food log.
            return new NutritionPlan(PlanStatus.LogNotCounted, [], [], [], [string.Create(CultureInfo.InvariantCulture,
                $"No plan: {refused.LinesNotCounted} of {refused.Lines} food-log lines ({refused.ShareNotCounted:P0}) were not counted, and Replete makes no plan when {PlanFoodLog.RefuseFromShareNotCounted:P0} or more were not (its own rule, not a published figure): what those foods carry may already meet a goal or approach a UL. To count them, {FoodLogCheck.ImportAdvice}.")])
            {
                FoodLog = refused,
                SupplementsToLower = cuts,
            };
        }

        var limits = Limits(request, planningTargets, intakes, excess, preformedBase, notes);
        var candidates = Shortlist(candidatePool, goals, own, limits, request.MostCandidates);
        var foods = own.Concat(candidates).ToList();
        var planned = Solve(request, foods, goals, limits, energyBase, notes, out var notComputed);

        // Whole grams, rounded down, so no rounding can push a nutrient over its UL: a cut is kept whatever its size
        // (it may be what keeps a UL), an increase under a gram is no change; then rounded up where rounding down left
        // short what the solved plan met, if every UL allows. Without a plan, the usual diet.
        var grams = planned is null ? [.. foods.Select(f => f.UsualGrams)]
            : RoundedUpWhereShort(foods, planned, StrictlyBelowUls(foods, [.. foods.Select((f, j) => Rounded(planned[j], f.UsualGrams))], limits), goals, limits, energyBase);
        var after = Apply(items, foods, grams, diet);
        // Probabilities before and after are the engine's reading (NutrientIntake.Reading), never the raw AI-test figure:
        // below an AI adequacy cannot be judged (IOM 2000, DRIs: Applications in Dietary Assessment, p.61). The lines the
        // log did not count make the plan's means lower bounds as much as the log's.
        var afterAnalysis = DietAnalyzer.Analyze(after, request.Supplements, request.Targets, diet.From, diet.To) with { FoodLog = diet.FoodLog };
        var afterIntakes = afterAnalysis.Nutrients.ToDictionary(n => n.Nutrient.Id, StringComparer.Ordinal);

        var nutrients = new List<PlannedNutrient>();
        foreach (var (target, mean) in goals)
        {
            var id = target.Nutrient.Id;
            double Delta(bool loosely) => foods.Select((f, j) =>
            {
                var change = grams[j] - f.UsualGrams;
                return f.PerGram.GetValueOrDefault(id) * (loosely && change > 0 ? change / 2 : change);
            }).Sum();
            var planIntake = mean + Delta(false);
            var shortfall = Math.Max(0, target.Goal - planIntake);
            double? ulIntake = FoodUl(target) is null ? null
                : target.UlScope == UpperLimitScope.PreformedVitaminA ? preformedBase + foods.Select((f, j) => (PreformedPerGram(f) ?? 0) * (grams[j] - f.UsualGrams)).Sum()
                : planIntake;
            nutrients.Add(new PlannedNutrient(id, target.Nutrient.Name, target.Nutrient.Unit, target.Goal, target.Kind, FoodUl(target), mean, planIntake,
                mean + Delta(true), intakes[id].Reading.Probability, afterIntakes.GetValueOrDefault(id)?.Reading.Probability, shortfall,
                shortfall > MetWithin * target.Goal, null)
            {
                // Folate: the folic acid its UL counts, from supplements and fortified food (IOM 1998 ch.8), as the diet
                // analysis compares it, with the plan and now.
                UlIntakeAfter = id == "folate" ? UlCheck(afterIntakes, id)?.IntakeCompared : ulIntake,
                UlIntakeBefore = id == "folate" ? UlCheck(intakes, id)?.IntakeCompared
                    : FoodUl(target) is null ? null : target.UlScope == UpperLimitScope.PreformedVitaminA ? preformedBase : mean,
            });
            if (target.AboveUl is { } aboveUl && FoodUl(target) is { } ul)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{target.Nutrient.Name}: the adjusted goal ({aboveUl:0.#} {target.Nutrient.Unit}/d) cannot be reached below the UL ({ul:0.#}, food and supplements), so the plan aims at the RDA as the DRI gives it ({target.Goal:0.#}) and keeps strictly below the UL{(request.Targets.Targets.FirstOrDefault(t => t.Nutrient.Id == id)?.Ear is { } ear && ear > target.Goal ? $"; that is below your adjusted EAR ({ear:0.#}), so food planned to it may not cover your need" : "")}: more only under a doctor's supervision."));
            }
        }

        if (notComputed is { } failed)
        {
            // No plan was computed: nothing is "with the plan", no nutrient is a problem nutrient (food was never tried
            // against its goal), and the room under a UL is the usual intake's, since no change is suggested.
            notes.Insert(0, $"The plan could not be computed: {failed.Reason} (solver status {failed.SolverStatus}). Your usual diet is shown unchanged; this is not a finding that no food change helps, and no nutrient is called a problem nutrient.");
            nutrients = [.. nutrients.Select(n => n with
            {
                After = null, WorstCase = null, ProbabilityAfter = null, Shortfall = 0, IsProblem = false, UlIntakeAfter = n.UlIntakeBefore,
                NotPlannedBecause = $"not computed: solver status {failed.SolverStatus}",
            })];
        }

        // A nutrient in excess is not planned, but what the plan does to it is shown (the plan adds none).
        nutrients.AddRange(unplanned.Select(n => excess.Contains(n.Nutrient) && n.Before is { } before
            ? n with { After = before + foods.Select((f, j) => f.PerGram.GetValueOrDefault(n.Nutrient) * (grams[j] - f.UsualGrams)).Sum() }
            : n));
        var changes = foods.Select((f, j) => (Food: f, Grams: grams[j]))
            .Where(c => c.Grams != c.Food.UsualGrams)
            .Select(c => new FoodChange(c.Food.Name, c.Food.Origin, c.Food.UsualGrams, c.Grams, c.Food.Portion, Carries(c.Food, c.Grams - c.Food.UsualGrams, goals)))
            .OrderByDescending(c => Math.Abs(c.ChangeGrams))
            .ToList();
        if (diet.FoodLog is { MuchNotCounted: true } log && nutrients.Any(n => n.IsProblem))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{log.LinesNotCounted} of {log.Lines} food-log lines were not counted, so every intake here is a lower bound: a problem nutrient may not be one, and no supplement is suggested from it. To count them, {FoodLogCheck.ImportAdvice}."));
        }

        if (nutrients.Any(n => n.IsProblem))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Problem nutrients are those food cannot bring to the goal within the plan's limits (at most {PlanFoods.MaximumPortionsPerDay:0} usual portions of a food a day, {MostFoodsChanged} foods changed, {MostNewFoods} new, each at least {PlanFoods.SmallestPortionGrams:0} g, energy between the usual intake and {EnergyAbove:P0} more, every UL kept)."));
        }

        // Every goal the targets adjusted carries its adjustments, whatever the nutrient; a nutrient whose supplements
        // are above its UL says so in its status.
        var adjusted = planningTargets.ToDictionary(t => t.Nutrient.Id, StringComparer.Ordinal);
        nutrients = [.. nutrients.Select(n => n with
        {
            GoalFactor = adjusted.GetValueOrDefault(n.Nutrient)?.Factor ?? 1,
            GoalAdjustments = adjusted.GetValueOrDefault(n.Nutrient)?.Adjustments ?? [],
            GoalAboveUl = adjusted.GetValueOrDefault(n.Nutrient)?.AboveUl,
            SupplementsAboveUl = cuts.Any(c => c.Nutrient == n.Nutrient),
        })];
        // No food-first ideas from a plan the solver could not compute: they would add foods to a diet it could not keep
        // within its limits (a UL already passed, h93).
        return new NutritionPlan(status, changes, nutrients, notComputed is null ? Gaps(goals, own, candidatePool) : [], notes)
        {
            NotComputed = notComputed,
            FoodLog = PlanFoodLog.Of(diet.FoodLog),
            // With iron in excess, the rules that raise iron absorption are not given.
            Pairings = [.. usual.Pairings(request.Supplements).Where(p => !excess.Contains("iron") || !p.Rule.Id.Contains("iron_meal", StringComparison.Ordinal))],
            MealInhibitors = usual.MealInhibitors,
            SupplementsToLower = cuts,
            Supplements = status == PlanStatus.Planned ? SupplementAdvisor.Advise(request, nutrients) : [],
            TrainingFuel = fuel,
            EnergyBefore = energyBase,
            EnergyAfter = notComputed is not null ? null : energyBase is { } e ? e + foods.Select((f, j) => f.PerGram.GetValueOrDefault("energy") * (grams[j] - f.UsualGrams)).Sum() : null,
        };
    }

    /// <summary>The week's fuel, where the request has a week and a body mass (the week's own, else the person's).</summary>
    private static Training.WeekFuel? Fuel(PlanRequest request) =>
        request.Week is { } week && (week.BodyMassKg ?? request.Targets.Person.BodyMassKg) is { } mass
            ? Training.WeekFuel.For(week, mass, request.SweatRateLitresPerHour, request.SweatSodiumMmolPerLitre)
            : null;

    /// <summary>A solved amount as the plan shows it: whole grams, rounded down, so no rounding can push a nutrient over its
    /// UL. A cut is kept whatever its size (it may be what keeps a UL); solver noise and an increase under a gram are no
    /// change.</summary>
    private static double Rounded(double planned, double usual) =>
        planned < usual - 1e-6 ? Math.Max(0, Math.Floor(planned))
        : planned - usual < 1 ? usual
        : Math.Floor(planned);

    /// <summary>The planned grams with every UL the plan may raise a nutrient toward kept strictly below it: nothing
    /// Replete suggests may reach a UL, counting supplements (a limit's intake now includes them). The linear program
    /// keeps the intake at or below the UL (it has no strict inequality); where the rounded plan still reaches it, the
    /// raised foods that carry the nutrient come down a whole gram at a time, richest first, until the intake is below.
    /// A limit capped at today's intake (a UL already passed, an excess) adds none and is left as it is.</summary>
    private static double[] StrictlyBelowUls(List<PlanFood> foods, double[] grams, List<Limit> limits)
    {
        foreach (var limit in limits.Where(l => l.Now < l.Cap))
        {
            while (LimitIntake(limit, foods, grams) >= limit.Cap)
            {
                var raised = Enumerable.Range(0, foods.Count).Where(j => grams[j] >= foods[j].UsualGrams + 1 && limit.PerGram(foods[j]) > 0)
                    .OrderByDescending(j => limit.PerGram(foods[j])).ToList();
                if (raised.Count == 0)
                {
                    break;
                }

                grams[raised[0]] -= 1;
            }
        }

        return grams;
    }

    /// <summary>Whole grams at or above <paramref name="planned"/>, never past what the solved plan allowed the food
    /// (h103): a cut food stays at or below its usual amount (a held food, or one whose content of a limited nutrient is
    /// unknown, is never raised: 42.3 g of a usual 42.5 g rounds up to 42.5, not 43), a raised one within
    /// <see cref="PlanFood.MaximumGrams"/>.</summary>
    internal static double RoundedUp(PlanFood food, double planned) =>
        Math.Min(Math.Ceiling(planned - 1e-9), planned <= food.UsualGrams + 1e-9 ? food.UsualGrams : food.MaximumGrams);

    /// <summary>The intake a limit counts with the foods at <paramref name="grams"/>.</summary>
    private static double LimitIntake(Limit limit, List<PlanFood> foods, double[] grams) =>
        limit.Now + foods.Select((f, j) => grams[j] - f.UsualGrams is var change && change < 0 && limit.PerGramDown is { } down
            ? down(f) * change
            : (limit.PerGram(f) ?? 0) * change).Sum();

    /// <summary>Whole grams rounded down must not undo what the solved plan did: where they leave a new food below its
    /// least amount (<see cref="PlanFood.MinimumGrams"/>), or leave short by more than <see cref="MetWithin"/> a goal
    /// the solved plan met, a changed food that was rounded down is rounded up instead, the richest in the short
    /// nutrient first, each only where every limit stays strictly below its cap (nothing suggested reaches a UL; a limit
    /// already passed or in excess gets nothing back), energy within its band, and no food past its usual amount where it
    /// was cut or past its most where it was raised. Where none may be, the nutrient stays
    /// a problem nutrient and the plan says so. A food the rounding left unchanged (an increase under a gram) is not
    /// raised: that would be one more change. A new food still below its least amount is left out.</summary>
    private static double[] RoundedUpWhereShort(List<PlanFood> foods, double[] planned, double[] grams, List<(PlanningTarget Target, double Base)> goals, List<Limit> limits, double? energyBase)
    {
        double Energy(double[] amounts) => foods.Select((f, j) => f.PerGram.GetValueOrDefault("energy") * (amounts[j] - f.UsualGrams)).Sum();
        var energyRoom = energyBase is { } e && e > 0 ? Math.Max(EnergyAbove * e, Energy(planned)) : double.PositiveInfinity;
        bool RoundUp(int j)
        {
            var was = grams[j];
            grams[j] = RoundedUp(foods[j], planned[j]);
            if (grams[j] > was && Energy(grams) <= energyRoom + 1e-9
                && limits.All(l => LimitIntake(l, foods, grams) is var intake && (l.Now < l.Cap ? intake < l.Cap : intake <= l.Cap + 1e-9)))
            {
                return true;
            }

            grams[j] = was;
            return false;
        }

        for (var j = 0; j < foods.Count; j++)
        {
            if (foods[j].Origin == PlanFoodOrigin.New && grams[j] > 0 && grams[j] < foods[j].MinimumGrams - 1e-9)
            {
                RoundUp(j);
                if (grams[j] < foods[j].MinimumGrams - 1e-9)
                {
                    // Still a sliver (the semi-continuous solve found nothing, or rounding up was refused): left out
                    // rather than "+2 g of seeds"; what it would have given shows as a problem nutrient (h103).
                    // Less of a food never raises intake toward a UL.
                    grams[j] = 0;
                }
            }
        }

        foreach (var (target, mean) in goals)
        {
            var id = target.Nutrient.Id;
            double Short(double[] amounts) => target.Goal - mean - foods.Select((f, j) => f.PerGram.GetValueOrDefault(id) * (amounts[j] - f.UsualGrams)).Sum();
            if (Short(planned) > MetWithin * target.Goal)
            {
                continue;
            }

            var roundedDown = Enumerable.Range(0, foods.Count)
                .Where(j => grams[j] != foods[j].UsualGrams && grams[j] < planned[j] - 1e-9 && foods[j].PerGram.GetValueOrDefault(id) > 0)
                .OrderByDescending(j => foods[j].PerGram[id]);
            foreach (var j in roundedDown)
            {
                if (Short(grams) <= MetWithin * target.Goal)
                {
                    break;
                }

                RoundUp(j);
            }
        }

        return grams;
    }

    /// <summary>An upper bound on one nutrient: intake now, the cap the plan may not pass (the UL, or today's intake where
    /// the UL is already passed or the nutrient is in excess), and each food's amount per gram (null when unknown).</summary>
    private sealed record Limit(PlanningTarget Target, double Now, double Cap, Func<PlanFood, double?> PerGram)
    {
        /// <summary>What one gram less takes off, where it is not <see cref="PerGram"/>: a food counted at the most it can
        /// give (folic acid not reported) frees only what is known of it when lowered, none; null where the same.</summary>
        public Func<PlanFood, double>? PerGramDown { get; init; }
    }

    /// <summary>The upper bounds: every nutrient whose UL limits food and every nutrient in excess, where the diet's intake
    /// of it is known at all. What each one means for the plan goes to <paramref name="notes"/>.</summary>
    private static List<Limit> Limits(PlanRequest request, IReadOnlyList<PlanningTarget> planningTargets, Dictionary<string, NutrientIntake> intakes, HashSet<string> excess, double preformedBase, List<string> notes)
    {
        var limits = new List<Limit>();
        foreach (var target in planningTargets.Where(t => t.UlLimitsFood || excess.Contains(t.Nutrient.Id)))
        {
            var id = target.Nutrient.Id;
            var preformed = target.UlScope == UpperLimitScope.PreformedVitaminA;
            double? now = preformed ? preformedBase : intakes.GetValueOrDefault(id)?.MeanDaily;
            if (now is not { } intake)
            {
                notes.Add($"{target.Nutrient.Name}: no logged food reports it, so the plan cannot check it against its UL; the foods it adds are those the database reports.");
                continue;
            }

            Func<PlanFood, double?> perGram = preformed
                ? PreformedPerGram
                : f => f.PerGram.TryGetValue(id, out var v) ? v : null;
            var cap = FoodUl(target) ?? intake;
            if (excess.Contains(id))
            {
                // Never above today's intake, and food is brought down to the UL where food alone passes it; but what
                // the supplements give is theirs to lower (SupplementCuts names them): a cap below it would rule out the
                // usual diet itself, and the solver would find no plan at all.
                cap = Math.Min(intake, cap + SupplementAmount(request.Supplements, target));
                notes.Add($"{target.Nutrient.Name}: the assessment finds a possible excess or a high lab result, so the plan adds none of it.");
            }
            else if (intake > cap)
            {
                var ul = cap;
                cap = intake;
                var fromSupplements = SupplementAmount(request.Supplements, target);
                var what = preformed ? $"{target.Nutrient.Name}, as preformed vitamin A (retinol), which its UL covers" : target.Nutrient.Name;
                var top = request.Diet.Nutrients.FirstOrDefault(n => n.Nutrient.Id == id)?.TopFoods.Select(f => f.Food).ToList() ?? [];
                // Already over the UL: the plan adds none, and says where it comes from; it does not cut a person's foods.
                // With supplements in it, SupplementCuts names the supplement and by how much (NutritionPlan.SupplementsToLower).
                notes.Add(fromSupplements > 0
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{what}: food and supplements give {intake:0.#} {target.Nutrient.Unit}/d, above the UL of {ul:0.#}: lower the supplement first (above). The plan adds none.")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{what}: your usual food gives {intake:0.#} {target.Nutrient.Unit}/d, above the UL of {ul:0.#}{(top.Count > 0 ? $", most from {string.Join(", ", top)}" : "")}: eat less of them, or less often. The plan adds none."));
            }

            if (intakes.GetValueOrDefault(id) is { } known && known.Coverage < DietAnalyzer.LowCoverage)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{target.Nutrient.Name}: only {known.Coverage:P0} of logged foods report it, so its UL is checked on what is known and no food with an unknown amount of it is raised."));
            }

            limits.Add(new Limit(target, intake, cap, perGram));
        }

        if (FolicAcidLimit(planningTargets, intakes, notes) is { } folicAcid)
        {
            limits.Add(folicAcid);
        }

        return limits;
    }

    /// <summary>The folate UL as a limit on food: it is set for synthetic folic acid from supplements and fortified food
    /// together (IOM 1998, Dietary Reference Intakes for Thiamin, Riboflavin, Niacin, Vitamin B6, Folate, Vitamin B12,
    /// Pantothenic Acid, Biotin, and Choline, doi:10.17226/6015, ch.8, the UL section), so a plan may not raise fortified
    /// food past it. Now is what the diet analysis compared with the UL (the supplements' folic acid and L-methylfolate
    /// and food's known folic acid); each food counts its folic acid per gram where known, else at most all its folate
    /// as folic acid (<see cref="FolicAcidPerGramAtMost"/>), and a food with neither is never raised. Null where the
    /// folate UL does not apply or the diet gives no folate to judge.</summary>
    private static Limit? FolicAcidLimit(IReadOnlyList<PlanningTarget> planningTargets, Dictionary<string, NutrientIntake> intakes, List<string> notes)
    {
        var target = planningTargets.FirstOrDefault(t => t.Nutrient.Id == "folate");
        if (target is not { Ul: { } ul, UlScope: UpperLimitScope.SupplementsAndFortificants }
            || UlCheck(intakes, "folate") is not { } check)
        {
            return null;
        }

        var now = check.IntakeCompared;
        var cap = ul;
        if (now > ul)
        {
            // Already over the UL: the plan adds no folic acid (SupplementCuts names any supplement to lower).
            cap = now;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Folic acid: supplements and fortified food give {now:0.#} ug/d, above the UL of {ul:0.#}: the plan adds none."));
        }

        return new Limit(target, now, cap, FolicAcidPerGramAtMost)
        {
            PerGramDown = food => food.PerGram.GetValueOrDefault(FolateForms.FolicAcidKey),
        };
    }

    /// <summary>The diet analysis's upper-limit check of one nutrient (what it compared with the UL), or null.</summary>
    private static Intake.UpperLimitCheck? UlCheck(IReadOnlyDictionary<string, NutrientIntake> intakes, string id) =>
        intakes.GetValueOrDefault(id)?.Adequacy?.UpperLimit;

    /// <summary>A food's folic acid per gram where known, else the most it can be: all its folate DFE as folic acid
    /// (1.7 ug DFE per ug, IOM 1998 ch.8); null where the food reports neither.</summary>
    private static double? FolicAcidPerGramAtMost(PlanFood food) =>
        food.PerGram.TryGetValue(FolateForms.FolicAcidKey, out var folicAcid) ? folicAcid
        : food.PerGram.TryGetValue("folate", out var dfe) ? dfe / FolateForms.DfePerUg(FolateForm.FolicAcid)
        : null;

    /// <summary>Whether a food may be raised: its amount of every limited nutrient is known.</summary>
    private static bool Raisable(PlanFood food, List<Limit> limits) => limits.All(l => l.PerGram(food) is not null);

    /// <summary>The UL where it limits food (total intake or preformed vitamin A), else null.</summary>
    private static double? FoodUl(PlanningTarget target) => target.UlLimitsFood ? target.Ul : null;

    /// <summary>The richest new foods per portion for each nutrient below its goal, at most <see cref="MostCandidates"/>,
    /// and only those that report energy (the plan holds energy).</summary>
    private static List<PlanFood> Shortlist(IReadOnlyList<PlanFood> candidates, List<(PlanningTarget Target, double Base)> goals, IReadOnlyList<PlanFood> own, List<Limit> limits, int most)
    {
        var owned = own.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A new food must report energy (the plan holds energy) and every nutrient a UL limits: an unknown amount could
        // pass the UL unseen.
        var usable = candidates.Where(c => c.PerGram.ContainsKey("energy") && !owned.Contains(c.Name) && Raisable(c, limits)).ToList();
        var chosen = new List<PlanFood>();
        var seen = new HashSet<PlanFood>(ReferenceEqualityComparer.Instance);
        foreach (var (target, _) in goals.Where(g => g.Base < g.Target.Goal))
        {
            var id = target.Nutrient.Id;
            foreach (var food in usable.Where(c => c.PerGram.GetValueOrDefault(id) > 0).OrderByDescending(c => c.PerGram[id] * c.PortionGrams).Take(most >= usable.Count ? usable.Count : CandidatesPerGap))
            {
                if (chosen.Count < most && seen.Add(food))
                {
                    chosen.Add(food);
                }
            }
        }

        return chosen;
    }

    /// <summary>Every nutrient the supplements push above its UL (what the UL covers: total intake, preformed vitamin A,
    /// or the supplements alone where it covers supplements or fortificants only), with each supplement that supplies
    /// it and the least they must come down by. Largest excess over the UL first.</summary>
    private static List<SupplementCut> SupplementCuts(PlanRequest request, Dictionary<string, NutrientIntake> intakes, double preformedBase)
    {
        var cuts = new List<SupplementCut>();
        foreach (var target in request.Targets.Targets.Where(t => t.Ul is not null))
        {
            var id = target.Nutrient.Id;
            var sources = request.Supplements
                .Select(s => new SupplementAmount(s.Name, UlAmount(s, id, target.UlScope)))
                .Where(s => s.PerDay > 0)
                .OrderByDescending(s => s.PerDay)
                .ToList();
            var fromSupplements = sources.Sum(s => s.PerDay);
            if (fromSupplements <= 0 || target.Ul is not { } ul)
            {
                continue;
            }

            // Total intake where the UL covers food too; with no logged food reporting it, the supplements alone (a
            // lower bound).
            var intake = target.UlScope switch
            {
                UpperLimitScope.TotalIntake => Math.Max(fromSupplements, intakes.GetValueOrDefault(id)?.MeanDaily ?? 0),
                UpperLimitScope.PreformedVitaminA => Math.Max(fromSupplements, preformedBase),
                // Folic acid from fortified food counts with the supplements' (IOM 1998 ch.8, the UL section): what the
                // diet analysis compared with the UL, where it has it.
                UpperLimitScope.SupplementsAndFortificants when id == "folate" => Math.Max(fromSupplements, UlCheck(intakes, id)?.IntakeCompared ?? 0),
                _ => fromSupplements,
            };
            if (intake > ul)
            {
                // The folate UL is in ug of folic acid, not DFE (IOM 1998 p.280), and EFSA 2023 applies it to L-methylfolate
                // too: the line names what it counts ("Folic acid", "Methylfolate", or both).
                var name = id == "folate"
                    ? FolateForms.UlName(request.Supplements.Where(s => UlAmount(s, id, target.UlScope) > 0).Select(s => s.FolateForm))
                    : target.Nutrient.Name;
                cuts.Add(new SupplementCut(id, name, target.Nutrient.Unit, intake, ul, target.UlScope, sources, Math.Min(fromSupplements, intake - ul))
                {
                    AtHarmLevel = request.AtHarmLevel.GetValueOrDefault(id),
                    FromFortifiedFood = target.UlScope == UpperLimitScope.SupplementsAndFortificants && id == "folate"
                        ? UlCheck(intakes, id)?.FromFortifiedFood ?? 0
                        : 0,
                });
            }
        }

        return [.. cuts.OrderByDescending(c => c.Intake / c.Ul)];
    }

    /// <summary>What the daily supplements give of the nutrient the target's UL covers (preformed vitamin A for vitamin A).</summary>
    private static double SupplementAmount(IReadOnlyList<Supplement> supplements, PlanningTarget target) =>
        supplements.Sum(s => UlAmount(s, target.Nutrient.Id, target.UlScope));

    /// <summary>What one supplement gives a day of what nutrient <paramref name="id"/>'s UL covers: preformed vitamin A
    /// for vitamin A, for folate the folic acid or L-methylfolate as taken, or all of it where the form is not stated
    /// (<see cref="Supplement.FolateTowardUl"/>), else the nutrient.</summary>
    internal static double UlAmount(Supplement supplement, string id, UpperLimitScope scope) =>
        scope == UpperLimitScope.PreformedVitaminA ? PreformedIn(supplement.On(default))
        : id == "folate" ? supplement.FolateTowardUl
        : supplement.PerDose.GetValueOrDefault(id) * supplement.DosesPerDay;

    private static double PreformedIn(IntakeItem item) => UsualDiet.PreformedIn(item);

    /// <summary>Preformed vitamin A per gram: the food's retinol, else all its vitamin A; null when it reports neither.</summary>
    private static double? PreformedPerGram(PlanFood food) =>
        food.PerGram.TryGetValue("retinol", out var r) ? r : food.PerGram.TryGetValue("vitamin_a", out var a) ? a : null;

    /// <summary>Solves the plan; returns grams a day per food, or null with <paramref name="failure"/> saying why when the
    /// solver gives no plan (the plan is then not computed: never read as "no change helps").</summary>
    /// <remarks>Each solve is a linear program in two lexicographic stages (GLOP). The limits on how many foods change
    /// are met by fixing, not by yes/no variables: the first solve picks the new foods it leans on most to close the gaps
    /// (at most <see cref="MostNewFoods"/>); the second, with only those, shows which own foods change; where more than
    /// <see cref="MostFoodsChanged"/> change, the smallest changes are fixed back to the usual amount and the program is
    /// solved again (a food whose fixing leaves no plan stays changeable, and the next smallest is fixed instead). A
    /// mixed-integer model of the same limits took seconds on SCIP and CBC; this takes milliseconds, and its result keeps
    /// every hard limit (ULs, portions, energy), the only price being that a fixed food might have closed a little more of
    /// a gap. A new food the plan adds below its least amount is then decided by one mixed-integer solve over the changed
    /// foods alone (<see cref="WholeMeasures"/>).</remarks>
    private static double[]? Solve(PlanRequest request, List<PlanFood> foods, List<(PlanningTarget Target, double Base)> goals, List<Limit> limits, double? energyBase, List<string> notes, out PlanNotComputed? failure)
    {
        failure = null;
        var all = Enumerable.Range(0, foods.Count).ToList();
        var rows = new Rows(foods, goals, limits);
        var first = Model(request, foods, rows, all, [], goals, limits, energyBase, [], out var status);
        if (first is null)
        {
            failure = PlanNotComputed.For(status, request.SolverTimeLimit);
            return null;
        }

        // The new foods the relaxation leans on most to close the gaps: each scored by the share of every goal below
        // reach it supplies (macronutrients weighted as in the objective).
        double Closes(int j) => goals.Where(g => g.Base < g.Target.Goal)
            .Sum(g => foods[j].PerGram.GetValueOrDefault(g.Target.Nutrient.Id) * first[j] / g.Target.Goal * (g.Target.Nutrient.Group == "macronutrient" ? MacronutrientWeight : 1));
        // At most one new food per food group, so that a plan widens the diet rather than adding two of a kind (Replete's
        // choice of food-group limit: Optifood limits servings per group, Ferguson et al. 2006).
        var newFoods = all.Where(j => foods[j].Origin == PlanFoodOrigin.New && first[j] >= 1).OrderByDescending(Closes)
            .DistinctBy(j => foods[j].Group ?? foods[j].Name).Take(MostNewFoods).ToHashSet();
        var kept = all.Where(j => foods[j].Origin == PlanFoodOrigin.Own || newFoods.Contains(j)).ToList();
        // Own foods are fixed back to their usual amount one at a time, the smallest change first. Where fixing one leaves
        // no plan (the others cannot make up for it within the limits: a UL to come down to, energy to hold), it goes
        // back to changeable, is never fixed again, and the next smallest change is fixed instead. Every round fixes one
        // more food or rules one out, so the search ends within twice the number of foods.
        var frozen = new HashSet<int>();
        var needed = new HashSet<int>();
        (double[] Grams, List<string> Notes)? last = null;
        int? lastFrozen = null;
        for (var round = 0; round <= 2 * foods.Count; round++)
        {
            var roundNotes = new List<string>();
            var solved = Model(request, foods, rows, kept, frozen, goals, limits, energyBase, roundNotes, out status);
            if (solved is null)
            {
                if (lastFrozen is not { } undo || last is not { } previous)
                {
                    break;
                }

                frozen.Remove(undo);
                needed.Add(undo);
                (solved, roundNotes) = previous;
            }

            var changed = kept.Where(j => Rounded(solved[j], foods[j].UsualGrams) != foods[j].UsualGrams).ToList();
            if (changed.Count <= MostFoodsChanged)
            {
                notes.AddRange(roundNotes);
                return WholeMeasures(request, foods, rows, kept, frozen, changed, goals, limits, energyBase, solved);
            }

            // Keep the largest changes (in grams, or any new food), fix the smallest own change back to usual.
            var fixable = changed.Where(j => foods[j].Origin == PlanFoodOrigin.Own && !needed.Contains(j)).OrderBy(j => Math.Abs(solved[j] - foods[j].UsualGrams)).ToList();
            if (fixable.Count == 0)
            {
                break;
            }

            last = (solved, roundNotes);
            lastFrozen = fixable[0];
            frozen.Add(fixable[0]);
        }

        failure = PlanNotComputed.For(status, request.SolverTimeLimit, MostFoodsChanged);
        return null;
    }

    /// <summary>The plan <paramref name="solved"/> with each new food it adds below its least amount
    /// (<see cref="PlanFood.MinimumGrams"/>) at that amount or more, or not at all: the program solved again with the
    /// foods it <paramref name="changed"/> changeable (the new food's amount semi-continuous) and every other food held
    /// as it is, so the plan still changes no more foods. The linear program closes a last small gap with a gram or two
    /// of the richest food it may add ("Seeds, sunflower +1 g", h101), which no one measures and whole grams round away.
    /// Where no such plan exists (energy may need the sliver), the solved plan is kept.</summary>
    private static double[] WholeMeasures(PlanRequest request, List<PlanFood> foods, Rows rows, List<int> kept, HashSet<int> frozen, List<int> changed, List<(PlanningTarget Target, double Base)> goals, List<Limit> limits, double? energyBase, double[] solved)
    {
        if (!kept.Any(j => foods[j].Origin == PlanFoodOrigin.New && solved[j] > 1e-6 && solved[j] < foods[j].MinimumGrams - 1e-6))
        {
            return solved;
        }

        var held = frozen.Concat(kept.Where(j => foods[j].Origin == PlanFoodOrigin.Own && !changed.Contains(j))).ToHashSet();
        var keptNow = kept.Where(j => foods[j].Origin == PlanFoodOrigin.Own || changed.Contains(j)).ToList();
        return Model(request, foods, rows, keptNow, held, goals, limits, energyBase, [], out _, wholeMeasures: true) ?? solved;
    }

    /// <summary>What each food brings to each row of the linear program, worked out once per plan.</summary>
    /// <remarks>Every round of <see cref="Solve"/> builds its program again from the same foods, goals and limits; asking
    /// each food in each round (the absorption note, keyed by the food's name, and the per-gram dictionaries) cost more
    /// than the solver's own work on the small rounds. The numbers are the same doubles either way, summed in the same
    /// order, so the program and its answer are unchanged.</remarks>
    private sealed class Rows
    {
        public Rows(List<PlanFood> foods, List<(PlanningTarget Target, double Base)> goals, List<Limit> limits)
        {
            // A change counts towards the goal at the share the food's form lets through (spinach calcium at 0.18 of
            // milk's, data/absorption_notes.csv); the usual diet counts as the analysis measured it.
            Goal = [.. goals.Select(g => foods.Select(f => f.PerGram.GetValueOrDefault(g.Target.Nutrient.Id) * (AbsorptionNote.For(g.Target.Nutrient.Id, f.Group, f.Name)?.Factor ?? 1)).ToArray())];
            // A food's unknown value counts as nothing in a limit's row, which is why such a food may not be raised.
            Limit = [.. limits.Select(l => foods.Select(f => l.PerGram(f) ?? 0).ToArray())];
            LimitDown = [.. limits.Select(l => l.PerGramDown is { } down ? foods.Select(down).ToArray() : null)];
            Energy = [.. foods.Select(f => f.PerGram.GetValueOrDefault("energy"))];
            Raisable = [.. foods.Select(f => DayPlanner.Raisable(f, limits))];
        }

        /// <summary>Per goal, per food: what one gram more counts towards the goal.</summary>
        public double[][] Goal { get; }

        /// <summary>Per limit, per food: what one gram adds to the limited nutrient (0 where unknown).</summary>
        public double[][] Limit { get; }

        /// <summary>Per limit, per food: what one gram less takes off, where a limit says (<see cref="DayPlanner.Limit.PerGramDown"/>);
        /// null for a limit whose rows count a gram the same either way.</summary>
        public double[]?[] LimitDown { get; }

        /// <summary>Per food: kcal per gram (0 where unknown).</summary>
        public double[] Energy { get; }

        /// <summary>Per food: whether it may be raised (<see cref="DayPlanner.Raisable"/>).</summary>
        public bool[] Raisable { get; }
    }

    /// <summary>Builds and solves the linear program over the foods <paramref name="kept"/> (others at 0 for new foods,
    /// their usual amount for own foods), with the foods in <paramref name="frozen"/> held at their usual amount. Returns
    /// grams a day per food, or null when no plan exists; notes (energy band, a UL already passed) go to
    /// <paramref name="notes"/>.</summary>
    private static double[]? Model(PlanRequest request, List<PlanFood> all, Rows rows, List<int> kept, HashSet<int> frozen, List<(PlanningTarget Target, double Base)> goals, List<Limit> limits, double? energyBase, List<string> notes, out Solver.ResultStatus status, bool wholeMeasures = false)
    {
        var foods = kept.Select(j => all[j]).ToList();
        // A new food with a least amount is semi-continuous (none, or from its least amount to its most): a yes/no
        // variable, so SCIP, which solves these few (at most MostNewFoods) in milliseconds; GLOP otherwise.
        var semiContinuous = wholeMeasures && kept.Any(j => SemiContinuous(all[j], rows.Raisable[j]) && !frozen.Contains(j));
        using var solver = Solver.CreateSolver(semiContinuous ? "SCIP" : "GLOP")
            ?? throw new InvalidOperationException($"The OR-Tools {(semiContinuous ? "SCIP" : "GLOP")} solver is not available in this build.");
        solver.SetTimeLimit((long)request.SolverTimeLimit.TotalMilliseconds);
        var x = new Variable[foods.Count];
        var up = new Variable[foods.Count];
        var down = new Variable[foods.Count];
        for (var k = 0; k < foods.Count; k++)
        {
            var food = foods[k];
            var most = rows.Raisable[kept[k]] ? food.MaximumGrams : food.UsualGrams;
            x[k] = frozen.Contains(kept[k])
                ? solver.MakeNumVar(food.UsualGrams, food.UsualGrams, $"x{k}")
                : solver.MakeNumVar(KeepOwnShare * food.UsualGrams, most, $"x{k}");
            if (semiContinuous && !frozen.Contains(kept[k]) && SemiContinuous(food, rows.Raisable[kept[k]]))
            {
                // use * least <= x <= use * most, use in {0, 1}.
                var use = solver.MakeBoolVar($"use{k}");
                var atMost = solver.MakeConstraint(double.NegativeInfinity, 0, $"most{k}");
                atMost.SetCoefficient(x[k], 1);
                atMost.SetCoefficient(use, -most);
                var atLeast = solver.MakeConstraint(0, double.PositiveInfinity, $"least{k}");
                atLeast.SetCoefficient(x[k], 1);
                atLeast.SetCoefficient(use, -Math.Min(food.MinimumGrams, most));
            }

            up[k] = solver.MakeNumVar(0, double.PositiveInfinity, $"up{k}");
            down[k] = solver.MakeNumVar(0, double.PositiveInfinity, $"down{k}");
            var balance = solver.MakeConstraint(food.UsualGrams, food.UsualGrams, $"balance{k}");
            balance.SetCoefficient(x[k], 1);
            balance.SetCoefficient(up[k], -1);
            balance.SetCoefficient(down[k], 1);
        }

        // The usual diet plus the change: intake(n) = base(n) + sum a(n,j) (x(j) - usual(j)), each row scaled by its goal
        // or limit so that every nutrient weighs the same whatever its unit.
        double UsualSum(double[] perGram) => kept.Sum(j => perGram[j] * all[j].UsualGrams);
        var shortfalls = new List<(Variable Shortfall, double Weight)>();
        for (var g = 0; g < goals.Count; g++)
        {
            var (target, mean) = goals[g];
            var id = target.Nutrient.Id;
            var counted = rows.Goal[g];
            var shortfall = solver.MakeNumVar(0, double.PositiveInfinity, $"short_{id}");
            shortfalls.Add((shortfall, target.Nutrient.Group == "macronutrient" ? MacronutrientWeight : 1));
            var row = solver.MakeConstraint((target.Goal - mean + UsualSum(counted)) / target.Goal, double.PositiveInfinity, $"goal_{id}");
            for (var k = 0; k < foods.Count; k++)
            {
                row.SetCoefficient(x[k], counted[kept[k]] / target.Goal);
            }

            row.SetCoefficient(shortfall, 1);
        }

        // Every UL that limits food, planned or not, and every nutrient in excess (capped at today's intake).
        for (var l = 0; l < limits.Count; l++)
        {
            var limit = limits[l];
            var perGram = rows.Limit[l];
            var scale = limit.Cap > 0 ? limit.Cap : 1;
            if (rows.LimitDown[l] is { } perGramDown)
            {
                // Raised at one amount a gram and lowered at another: written on the change itself (up and down).
                var changed = solver.MakeConstraint(double.NegativeInfinity, (limit.Cap - limit.Now) / scale, $"ul_{limit.Target.Nutrient.Id}_change");
                for (var k = 0; k < foods.Count; k++)
                {
                    changed.SetCoefficient(up[k], perGram[kept[k]] / scale);
                    changed.SetCoefficient(down[k], -perGramDown[kept[k]] / scale);
                }

                continue;
            }

            var row = solver.MakeConstraint(double.NegativeInfinity, (limit.Cap - limit.Now + UsualSum(perGram)) / scale, $"ul_{limit.Target.Nutrient.Id}");
            for (var k = 0; k < foods.Count; k++)
            {
                row.SetCoefficient(x[k], perGram[kept[k]] / scale);
            }
        }

        if (energyBase is { } energy && energy > 0)
        {
            var usual = UsualSum(rows.Energy);
            var band = solver.MakeConstraint(((1 - EnergyBelow) * energy) - energy + usual, ((1 + EnergyAbove) * energy) - energy + usual, "energy");
            for (var k = 0; k < foods.Count; k++)
            {
                band.SetCoefficient(x[k], rows.Energy[kept[k]]);
            }

            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Energy is held between the usual {energy:0} kcal/d and {EnergyAbove:P0} more: the plan never lowers it, and the need itself is not known from the file."));
        }

        var objective = solver.Objective();
        foreach (var (shortfall, weight) in shortfalls)
        {
            objective.SetCoefficient(shortfall, weight);
        }

        objective.SetMinimization();
        if ((status = solver.Solve()) is not Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        // Stage 2: keep the total shortfall (within a hair) and change the diet as little as possible.
        var best = objective.Value();
        var keep = solver.MakeConstraint(double.NegativeInfinity, best + 1e-6 + (1e-4 * best), "keep_shortfall");
        foreach (var (shortfall, weight) in shortfalls)
        {
            keep.SetCoefficient(shortfall, weight);
        }

        objective.Clear();
        for (var k = 0; k < foods.Count; k++)
        {
            objective.SetCoefficient(up[k], 1);
            objective.SetCoefficient(down[k], 1);
        }

        objective.SetMinimization();
        if ((status = solver.Solve()) is not Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        var grams = all.Select(f => f.Origin == PlanFoodOrigin.Own ? f.UsualGrams : 0).ToArray();
        for (var k = 0; k < foods.Count; k++)
        {
            grams[kept[k]] = x[k].SolutionValue();
        }

        return grams;
    }

    /// <summary>Whether a food is added at its least amount or not at all: a new food with a
    /// <see cref="PlanFood.MinimumGrams"/> that the plan may raise.</summary>
    private static bool SemiContinuous(PlanFood food, bool raisable) => food.Origin == PlanFoodOrigin.New && food.MinimumGrams > 0 && raisable;

    /// <summary>The logged items with the plan applied: each own food scaled to its planned grams on every day it was
    /// eaten, each new food added on every logged day.</summary>
    private static IEnumerable<IntakeItem> Apply(IEnumerable<IntakeItem> items, List<PlanFood> foods, double[] grams, DietAnalysis diet)
    {
        var scale = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < foods.Count; j++)
        {
            if (foods[j].Origin == PlanFoodOrigin.Own && foods[j].UsualGrams > 0)
            {
                scale[foods[j].Name] = grams[j] / foods[j].UsualGrams;
            }
        }

        // Lazy: the analysis after the plan reads the items again, scaled as they come.
        var result = items.Select(i => i.IsSupplement || i.IsDailyTotal || i.Grams is null || !scale.TryGetValue(i.Name, out var factor) || factor == 1
            ? i
            : i with
            {
                Nutrients = i.Nutrients.ToDictionary(n => n.Key, n => n.Value * factor),
                Grams = i.Grams * factor,
                FolicAcid = i.FolicAcid * factor,
                FolicAcidAtMost = i.FolicAcidAtMost * factor,
            });
        var days = diet.DayByDay.Select(d => d.Date).ToList();
        for (var j = 0; j < foods.Count; j++)
        {
            if (foods[j].Origin == PlanFoodOrigin.New && grams[j] > 0)
            {
                var food = foods[j];
                var amount = grams[j];
                var nutrients = food.PerGram.Where(n => n.Key != FolateForms.FolicAcidKey).ToDictionary(n => n.Key, n => n.Value * amount);
                var folicAcid = food.PerGram.TryGetValue(FolateForms.FolicAcidKey, out var perGram) ? perGram * amount : (double?)null;
                result = result.Concat(days.Select(day => new IntakeItem(day, null, "plan", food.Name, nutrients, "plan") { Grams = amount, FolicAcid = folicAcid }));
            }
        }

        return result;
    }

    /// <summary>The nutrients below their goals that a change raises by at least 5 % of the goal, largest share first.</summary>
    private static List<string> Carries(PlanFood food, double change, List<(PlanningTarget Target, double Base)> goals) =>
        change <= 0
            ? []
            : [.. goals.Where(g => g.Base < g.Target.Goal).Select(g => (Id: g.Target.Nutrient.Id, Share: food.PerGram.GetValueOrDefault(g.Target.Nutrient.Id) * change / g.Target.Goal))
                .Where(s => s.Share >= 0.05).OrderByDescending(s => s.Share).Select(s => s.Id)];

    /// <summary>For each nutrient below its goal now: own foods that carry it (more of them, or more often), then new
    /// ones, three each, richest per portion first; and own foods whose value is unknown.</summary>
    private static List<NutrientGap> Gaps(List<(PlanningTarget Target, double Base)> goals, IReadOnlyList<PlanFood> own, IReadOnlyList<PlanFood> candidates)
    {
        var gaps = new List<NutrientGap>();
        foreach (var (target, _) in goals.Where(g => g.Base < g.Target.Goal))
        {
            var id = target.Nutrient.Id;
            IEnumerable<FoodIdea> Ideas(IEnumerable<PlanFood> foods) => foods
                .Where(f => f.PerGram.GetValueOrDefault(id) > 0)
                .Select(f => new FoodIdea(f.Name, f.Origin, f.PerGram[id] * f.PortionGrams,
                    f.PerGram.GetValueOrDefault("energy") is > 0 and var kcal ? f.PerGram[id] / kcal * 100 : null, f.Portion)
                { Note = AbsorptionNote.For(id, f.Group, f.Name) is { } note ? $"{note.Note} ({note.Source})" : null })
                .OrderByDescending(i => i.PerPortion)
                .Take(3);
            var unknown = own.Where(f => !f.PerGram.ContainsKey(id)).OrderByDescending(f => f.UsualGrams).Take(5).Select(f => f.Name).ToList();
            gaps.Add(new NutrientGap(id, [.. Ideas(own.Where(f => !f.HeldAtUsual)), .. Ideas(candidates)], unknown));
        }

        return gaps;
    }
}
