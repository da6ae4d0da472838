using BenchmarkDotNet.Attributes;
using Replete.Diet;
using Replete.Foods;
using Replete.Planning;
using Replete.References;
using Replete.Targets;

namespace Replete.Benchmarks;

/// <summary>The day plan for a vegetarian runner's usual week (SR28 foods): with the new foods shortlisted as the
/// CLI does (the person's own foods plus at most 300 candidates) against every SR28 food the diet pattern allows, every
/// one handed to the solver (no shortlist), side by side. The bars: p95 under 50 ms and under 200 ms.</summary>
[MemoryDiagnoser]
[Config(typeof(WithP95))]
public class PlanBenchmarks
{
    private sealed class WithP95 : BenchmarkDotNet.Configs.ManualConfig
    {
        public WithP95() => AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
    }

    private PlanRequest shortlisted = null!;
    private PlanRequest everything = null!;

    [GlobalSetup]
    public void Setup()
    {
        var foods = FoodCorpus.Sr28;
        var units = Sr28Abbreviated.Nutrients.ToDictionary(n => n.Id);
        var byId = foods.ToDictionary(f => f.Food.Id);
        var targets = TargetCalculator.For(new Person(27, Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9, Vegetarian: true));
        // A usual day (SR28 NDB numbers and grams), eaten on seven days.
        (int Id, double Grams)[] day = [(8120, 80), (1079, 244), (9040, 118), (16070, 200), (20037, 195), (11457, 60), (16126, 126), (9003, 182), (18075, 64), (11091, 156), (1256, 170)];
        var items = Enumerable.Range(0, 7).SelectMany(d => day.Select(f =>
        {
            var (nutrients, estimated) = FoodLogResolver.NutrientsIn(byId[f.Id], f.Grams, units);
            return new IntakeItem(new DateOnly(2026, 11, 2).AddDays(d), null, "lunch", byId[f.Id].Food.Description, nutrients, "bench") { Grams = f.Grams, Estimated = estimated };
        })).ToList();
        var analysis = DietAnalyzer.Analyze(items, [], targets);
        var own = PlanFoods.Own(items, analysis.Days).Select(f => f.Name).ToList();
        var candidates = PlanFoods.Candidates(foods, units, DietPattern.Vegetarian, [], own);
        shortlisted = new PlanRequest(targets, analysis, items, [], candidates);
        // Every food the pattern allows, in any form, with a portion: the planner's own shortlist is its only filter.
        var all = foods.Where(f => FoodExclusions.Default.Reason(f.Food, DietPattern.Vegetarian, []) is null)
            .Select(f => new PlanFood(f.Food.Description, PlanFoodOrigin.New, FoodLogResolver.NutrientsIn(f, 1, units).Nutrients, 0, 100, "100 g") { FoodId = f.Food.Id })
            .ToList();
        // No shortlist: every usable food of the pattern goes to the solver.
        everything = shortlisted with { Candidates = all, MostCandidates = int.MaxValue };
        if (Environment.GetEnvironmentVariable("REPLETE_BENCH_SMOKE") is not null)
        {
            Console.WriteLine($"plan benchmark: {candidates.Count} candidates shortlisted, {all.Count} in the whole pattern");
        }
    }

    [Benchmark(Baseline = true)]
    public int OwnFoodsPlusShortlist() => DayPlanner.Plan(shortlisted).Changes.Count;

    [Benchmark]
    public int EveryFoodOfThePattern() => DayPlanner.Plan(everything).Changes.Count;
}
