using Replete.Diet;
using Replete.Foods;
using Replete.IntegrationTests.Storage;
using Replete.Intake;
using Replete.Planning;
using Replete.References;
using Replete.Targets;

namespace Replete.IntegrationTests.Planning;

/// <summary>The plan showed the raw AI-test probability for a nutrient with only an AI (potassium, sodium, fiber): 0 %
/// below the AI, read as "inadequate". The engine's rule (NutrientIntake.Reading, which analyze and assess show) is that
/// above the AI inadequacy is unlikely and below it adequacy cannot be judged (IOM 2000, DRIs: Applications in Dietary
/// Assessment, p.61): no probability. On the real SR28 database.</summary>
[Collection(Sr28Group.Name)]
public sealed class AdequateIntakePlanTests(Sr28Database sr28)
{
    /// <summary>Milk, a banana, lentils and Cheerios (SR28 NDB numbers, grams), three days: potassium and sodium well below
    /// their AIs.</summary>
    private static readonly (int Id, double Grams)[] Day = [(1077, 244), (9040, 118), (16070, 200), (8013, 30)];

    private static readonly Profile Runner = new(AgeYears: 27, Sex: Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9, Diet: DietPattern.Vegetarian);

    [SkippableFact]
    public void ThePlansProbabilities_AreTheEnginesReading_NoneBelowAnAi()
    {
        var items = ThreeDays();
        var targets = TargetCalculator.For(Runner.ToPerson().OrThrow());
        var analysis = DietAnalyzer.Analyze(items, [], targets);

        var plan = DayPlanner.Plan(new PlanRequest(targets, analysis, items, [], []) { Pattern = DietPattern.Vegetarian, Athlete = true });

        var readings = analysis.Nutrients.ToDictionary(n => n.Nutrient.Id, n => n.Reading);
        Assert.Contains(plan.Nutrients, n => readings.GetValueOrDefault(n.Nutrient)?.Status == AdequacyStatus.BelowAi);
        Assert.All(plan.Nutrients, n => Assert.Equal(readings.GetValueOrDefault(n.Nutrient)?.Probability, n.ProbabilityBefore));
        // With the plan, an AI-only nutrient shows a probability only where the AI test concludes adequacy.
        Assert.All(plan.Nutrients.Where(n => targets.For(n.Nutrient) is { Ear: null, Ai: not null }), n =>
            Assert.True(n.ProbabilityAfter is null or >= AdequacyAssessor.SettledProbability, $"{n.Nutrient}: {n.ProbabilityAfter} after the plan"));
    }

    /// <summary>A runner with no body mass: the athlete ranges of protein and carbohydrate are per kg, so not known, and
    /// the analysis says so; the plan planned protein to the general RDA (46 g/d) and called 91 g "met". It now leaves
    /// both unplanned, asking for a body mass.</summary>
    [SkippableFact]
    public void WithoutABodyMass_TheAthletesProteinAndCarbohydrate_AreNotPlannedToTheGeneralRda()
    {
        var items = ThreeDays();
        var targets = TargetCalculator.For((Runner with { BodyMassKg = null }).ToPerson().OrThrow());
        var analysis = DietAnalyzer.Analyze(items, [], targets);

        var plan = DayPlanner.Plan(new PlanRequest(targets, analysis, items, [], []) { Pattern = DietPattern.Vegetarian, Athlete = true });

        var protein = Assert.Single(plan.Nutrients, n => n.Nutrient == "protein");
        Assert.Contains("give a body mass", protein.NotPlannedBecause, StringComparison.Ordinal);
        Assert.Null(protein.ProbabilityBefore);
        Assert.DoesNotContain(plan.Nutrients, n => n.Nutrient is "protein" or "carbohydrate" && n.NotPlannedBecause is null);
    }

    private List<IntakeItem> ThreeDays()
    {
        var catalog = sr28.Database.Catalog;
        var units = catalog.Nutrients();
        var items = Day.SelectMany(d =>
        {
            var food = catalog.Find(d.Id)!;
            var (nutrients, estimated) = FoodLogResolver.NutrientsIn(food, d.Grams, units);
            return Enumerable.Range(0, 3).Select(day => new IntakeItem(new DateOnly(2026, 11, 2).AddDays(day), null, "lunch", food.Food.Label, nutrients, $"day:{d.Id}") { Grams = d.Grams, Estimated = estimated });
        }).ToList();
        return items;
    }
}
