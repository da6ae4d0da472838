using System.Text.Json;
using Replete.Cli.Rendering;
using Replete.Data;
using Replete.Diet;
using Replete.Foods;
using Replete.IntegrationTests.Storage;
using Replete.Intake;
using Replete.Planning;
using Replete.References;
using Replete.Targets;

namespace Replete.IntegrationTests.Planning;

/// <summary>A new user's plan findings (h89): a plan the solver could not compute read "No food change within the plan's
/// limits helps; see the problem nutrients" while its own note said the solver failed; and a plan built from a log half
/// of whose lines were not counted said so only in a note, if at all. On the real SR28 database.</summary>
[Collection(Sr28Group.Name)]
public sealed class PlanComputedHonestyTests(Sr28Database sr28)
{
    /// <summary>Cheerios (SR28 8013), a fortified cereal.</summary>
    private const int Cheerios = 8013;

    private static readonly Profile Teen = new(AgeYears: 15, Sex: Sex.Female, BodyMassKg: 50, Sport: "running", TrainingHoursPerWeek: 8, Diet: DietPattern.Vegan);

    [SkippableFact]
    public void ASolverFailure_SaysThePlanCouldNotBeComputed_AndWhy_NeverThatNoChangeHelps()
    {
        // Only fortified cereal, so much that its iron alone is above the UL even at half the usual amount (the least
        // a plan keeps of an own food), with iron in excess: no diet meets the hard limits, and GLOP says INFEASIBLE.
        var items = Days((Cheerios, 400));
        var targets = TargetCalculator.For(Teen.ToPerson().OrThrow());
        var analysis = DietAnalyzer.Analyze(items, [], targets);
        var iron = analysis.Nutrients.Single(n => n.Nutrient.Id == "iron").MeanDaily!.Value;
        Assert.True(iron / 2 > targets.For("iron")!.Ul, $"iron {iron} mg/d: the case needs half of it above the UL");

        var plan = DayPlanner.Plan(new PlanRequest(targets, analysis, items, [], []) { Pattern = DietPattern.Vegan, Excess = ["iron"] });

        var failed = Assert.IsType<PlanNotComputed>(plan.NotComputed);
        Assert.Equal("INFEASIBLE", failed.SolverStatus);
        Assert.Empty(plan.Changes);
        Assert.Empty(plan.ProblemNutrients);
        Assert.All(plan.Nutrients.Where(n => n.Nutrient != "iron"), n => Assert.Null(n.After));
        Assert.DoesNotContain(plan.Supplements, s => s.Reasons.Contains(SupplementReason.ProblemNutrient));
        // h93: no food-first ideas either: they would add foods to a diet the solver could not keep within its limits.
        Assert.Empty(plan.Gaps);
        var headline = PlanViews.Headline(plan);
        Assert.Contains("could not be computed", headline, StringComparison.Ordinal);
        Assert.Contains("INFEASIBLE", headline, StringComparison.Ordinal);
        Assert.DoesNotContain("No food change within the plan's limits helps", headline, StringComparison.Ordinal);
        Assert.Contains("The plan could not be computed", PlanViews.Markdown(plan), StringComparison.Ordinal);
        Assert.Contains("The plan could not be computed", PlanViews.Html(plan), StringComparison.Ordinal);
        var json = JsonDocument.Parse(WireJson.Serialize(plan)).RootElement;
        Assert.Equal("INFEASIBLE", json.GetProperty("not_computed").GetProperty("solver_status").GetString());
        Assert.Equal(0, json.GetProperty("problem_nutrients").GetArrayLength());
    }

    [SkippableFact]
    public void AComputedPlan_HasNoFailure()
    {
        var items = Days((1077, 244), (9040, 118), (16070, 200));
        var targets = TargetCalculator.For(Teen.ToPerson().OrThrow());
        var plan = DayPlanner.Plan(new PlanRequest(targets, DietAnalyzer.Analyze(items, [], targets), items, [], []) { Pattern = DietPattern.Vegan });

        Assert.Null(plan.NotComputed);
        Assert.DoesNotContain("could not be computed", PlanViews.Headline(plan), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void LinesNotCounted_AreSaidFirst_InEveryFormat_AndFromHalfTheLog_NoPlanIsMade()
    {
        var items = Days((1077, 244), (9040, 118), (16070, 200));
        var targets = TargetCalculator.For(Teen.ToPerson().OrThrow());
        NutritionPlan PlanWith(FoodLogCheck log) =>
            DayPlanner.Plan(new PlanRequest(targets, DietAnalyzer.Analyze(items, [], targets) with { FoodLog = log }, items, [], []) { Pattern = DietPattern.Vegan });

        // A quarter of the lines not counted: a plan, built from the counted lines, and it says so in every format.
        var quarter = PlanWith(FoodLogCheck.Counted(12, 3));
        Assert.Equal(PlanStatus.Planned, quarter.Status);
        Assert.Equal(new PlanFoodLog(12, 3, 0), quarter.FoodLog);
        const string Said = "Built from counted food-log lines only: 3 of 12 line(s) (25 %) were not counted";
        Assert.Contains(Said, PlanViews.Markdown(quarter).Split('\n').Take(6).Single(l => l.Contains("Food log", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(Said, PlanViews.Html(quarter), StringComparison.Ordinal);
        var json = JsonDocument.Parse(WireJson.Serialize(quarter)).RootElement.GetProperty("food_log");
        Assert.Equal(3, json.GetProperty("lines_not_counted").GetInt32());
        Assert.Equal(0.25, json.GetProperty("share_not_counted").GetDouble(), 9);

        // Half the lines not counted (the new user's log): no plan, by Replete's own rule, and it says so.
        var half = PlanWith(FoodLogCheck.Counted(12, 6));
        Assert.Equal(PlanStatus.LogNotCounted, half.Status);
        Assert.Empty(half.Changes);
        Assert.Empty(half.Nutrients);
        Assert.Contains("its own rule, not a published figure", Assert.Single(half.Notes), StringComparison.Ordinal);
        Assert.StartsWith("No plan", PlanViews.Headline(half), StringComparison.Ordinal);
    }

    /// <summary>Three days of the same foods (SR28 NDB number, grams a day).</summary>
    private List<IntakeItem> Days(params (int Id, double Grams)[] day)
    {
        var catalog = sr28.Database.Catalog;
        var units = catalog.Nutrients();
        return [.. day.SelectMany(d =>
        {
            var food = catalog.Find(d.Id)!;
            var (nutrients, estimated) = FoodLogResolver.NutrientsIn(food, d.Grams, units);
            return Enumerable.Range(0, 3).Select(n => new IntakeItem(new DateOnly(2026, 11, 2).AddDays(n), null, "breakfast", food.Food.Label, nutrients, $"day:{d.Id}") { Grams = d.Grams, Estimated = estimated });
        })];
    }
}
