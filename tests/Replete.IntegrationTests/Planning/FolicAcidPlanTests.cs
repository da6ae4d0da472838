using Replete.Diet;
using Replete.Foods;
using Replete.IntegrationTests.Storage;
using Replete.Planning;
using Replete.References;
using Replete.Targets;

namespace Replete.IntegrationTests.Planning;

/// <summary>The folate UL covers folic acid from supplements and fortified food together (IOM 1998 ch.8, the UL
/// section), yet the planner limited food only by ULs on total intake: it could raise a fortified cereal past the UL
/// beside a folic acid tablet. On the real SR28 database, with the person's own foods only.</summary>
[Collection(Sr28Group.Name)]
public sealed class FolicAcidPlanTests(Sr28Database sr28)
{
    /// <summary>SR28 08013, Cheerios: 695 ug folic acid and 33 mg iron per 100 g.</summary>
    private const int Cereal = 8013;

    /// <summary>A vegetarian runner's day (SR28 NDB numbers and grams: milk, banana, lentils, Cheerios), short of iron,
    /// with 30 g of cereal; four foods, so the plan may change every one.</summary>
    private static readonly (int Id, double Grams)[] Day =
        [(1077, 244), (9040, 118), (16070, 200), (Cereal, 30)];

    private static readonly Profile Runner = new(AgeYears: 27, Sex: Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9, Diet: DietPattern.Vegetarian);

    [SkippableFact]
    public void SR28_GivesTheCerealsFolicAcid_AndTheResolverCountsItPerServing()
    {
        var units = sr28.Database.Catalog.Nutrients();
        var cereal = sr28.Database.Catalog.Find(Cereal)!;

        Assert.Equal(695, cereal.AmountPer100Grams(FolateForms.FolicAcidFdcNutrientId));
        Assert.Equal(208.5, FoodLogResolver.FolicAcidIn(cereal, 30, units)!.Value, 6);
        // Bananas are not fortified: SR28 reports their folic acid as 0, not as missing.
        Assert.Equal(0, FoodLogResolver.FolicAcidIn(sr28.Database.Catalog.Find(9040)!, 118, units));
    }

    [SkippableFact]
    public void ThePlan_RaisesTheCereal_ButNeverPushesFolicAcidAboveTheUl()
    {
        // Without a tablet the plan raises the cereal (it is the richest iron the runner eats): the case exercises the limit.
        var (free, _) = Plan(tabletMicrograms: 0);
        Assert.True(CerealGrams(free) > 30 + 10, $"the cereal was not raised without a tablet: {string.Join("; ", free.Changes.Select(c => $"{c.Food} {c.UsualGrams}->{c.PlannedGrams}"))}");

        // 650 ug of folic acid and 208.5 ug from the cereal: 858.5 of 1,000 ug, so about 20 g more cereal is all there is
        // room for, not the 30 g more (two servings) the plan gives without the tablet.
        var (plan, items) = Plan(tabletMicrograms: 650);
        var grams = CerealGrams(plan);
        Assert.True(650 + (6.95 * grams) <= 1000 + 1e-6, $"{grams} g of cereal gives {650 + (6.95 * grams):0.#} ug folic acid with the tablet, above the UL");

        // The diet after the plan, analysed again, reads under the UL.
        var targets = TargetCalculator.For(Runner.ToPerson().OrThrow());
        var after = items.Select(i => i.Name == CerealName && i.Grams is { } g
            ? i with { Grams = grams, FolicAcid = i.FolicAcid * grams / g, Nutrients = i.Nutrients.ToDictionary(n => n.Key, n => n.Value * grams / g) }
            : i).ToList();
        var analysis = DietAnalyzer.Analyze(after, [Tablet(650)], targets);
        var ul = analysis.Nutrients.Single(n => n.Nutrient.Id == "folate").Adequacy!.UpperLimit!;
        Assert.False(ul.LikelyExcess, ul.Note);
    }

    [SkippableFact]
    public void ATabletAndCerealAlreadyAboveTheUl_AreNamed_AndThePlanAddsNoFolicAcid()
    {
        var (plan, _) = Plan(tabletMicrograms: 900);

        Assert.True(CerealGrams(plan) <= 30 + 1e-9, $"the cereal was raised to {CerealGrams(plan)} g");
        var cut = Assert.Single(plan.SupplementsToLower, c => c.Nutrient == "folate");
        Assert.Equal(900 + 208.5, cut.Intake, 6);
        Assert.Equal(208.5, cut.FromFortifiedFood, 6);
        Assert.Equal(108.5, cut.LowerBy, 6);
        Assert.StartsWith("Folic acid: supplements and fortified food (209 ug/d of it) give", cut.Advice, StringComparison.Ordinal);
        Assert.Contains("above the UL of 1,000 ug/d (the UL covers supplements and fortified food). Lower Folic acid (900 ug/d) by at least 109 ug/d", cut.Advice, StringComparison.Ordinal);
        Assert.Contains(plan.Notes, n => n.StartsWith("Folic acid: supplements and fortified food give 1108.5 ug/d, above the UL", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void FolateSupplementAdvice_LeavesRoomForTheFortifiedFoodsFolicAcid()
    {
        // Milk, a banana and 10 g of Cheerios (69.5 ug folic acid): folate far below its goal, so a supplement is advised,
        // and the room under the UL is what the cereal's folic acid with the plan leaves of 1,000 ug.
        var (plan, _) = Plan(0, [(1077, 244), (9040, 118), (Cereal, 10)]);

        var folate = plan.Nutrients.Single(n => n.Nutrient == "folate");
        Assert.True(folate.IsProblem, "folate should be a problem nutrient");
        var fromCereal = 6.95 * CerealGrams(plan, 10);
        Assert.Equal(fromCereal, folate.UlIntakeAfter!.Value, 6);
        var advice = plan.Supplements.Single(a => a.Nutrient == "folate");
        // The largest whole amount strictly below the UL: nothing suggested may reach it (h89).
        var room = Math.Ceiling(1000 - fromCereal) - 1;
        Assert.Contains(advice.Cautions, c => c.StartsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The UL is 1000 ug/d of folic acid from supplements and fortified food: at most {room:0} ug more a day"), StringComparison.Ordinal));
        Assert.True(advice.Dose is null || advice.Dose <= room, $"dose {advice.Dose} above the room {room}");
    }

    [SkippableFact]
    public void LoweringAFoodWhoseFolicAcidIsUnknown_FreesNoRoomForFortifiedFood()
    {
        // The lentils' folic acid is not given (as in an app export): they count at most all their folate as folic acid
        // when raised, but lowering them frees nothing, as they may have none.
        var (plan, _) = Plan(650, folicAcidUnknown: 16070);

        var grams = CerealGrams(plan);
        Assert.True(650 + (6.95 * grams) <= 1000 + 1e-6, $"{grams} g of cereal gives {650 + (6.95 * grams):0.#} ug folic acid with the tablet: {string.Join("; ", plan.Changes.Select(c => $"{c.Food} {c.UsualGrams}->{c.PlannedGrams}"))}");
    }

    private string CerealName => sr28.Database.Catalog.Find(Cereal)!.Food.Label;

    private double CerealGrams(NutritionPlan plan, double usual = 30) => plan.Changes.SingleOrDefault(c => c.Food == CerealName)?.PlannedGrams ?? usual;

    private static Supplement Tablet(double micrograms) =>
        new("Folic acid", "folic acid", 1, new Dictionary<string, double> { ["folate"] = micrograms * FolateForms.DfePerUg(FolateForm.FolicAcid) })
        {
            FolateForm = FolateForm.FolicAcid,
            FolateAsTakenPerDose = micrograms,
        };

    /// <summary>Three logged days of <see cref="Day"/>, read from the database as a food log is, planned with the
    /// person's own foods only (no new food, so the cereal is the iron the plan can raise).</summary>
    private (NutritionPlan Plan, List<IntakeItem> Items) Plan(double tabletMicrograms, (int Id, double Grams)[]? foods = null, int? folicAcidUnknown = null)
    {
        var catalog = sr28.Database.Catalog;
        var units = catalog.Nutrients();
        var items = new List<IntakeItem>();
        foreach (var (id, grams) in foods ?? Day)
        {
            var food = catalog.Find(id)!;
            var (nutrients, estimated) = FoodLogResolver.NutrientsIn(food, grams, units);
            for (var day = 0; day < 3; day++)
            {
                items.Add(new IntakeItem(new DateOnly(2026, 11, 2).AddDays(day), null, "lunch", food.Food.Label, nutrients, $"day:{id}")
                {
                    Grams = grams,
                    Estimated = estimated,
                    // As an app export gives it: folate, and no folic acid.
                    FolicAcid = id == folicAcidUnknown ? null : FoodLogResolver.FolicAcidIn(food, grams, units),
                });
            }
        }

        var targets = TargetCalculator.For(Runner.ToPerson().OrThrow());
        List<Supplement> supplements = tabletMicrograms > 0 ? [Tablet(tabletMicrograms)] : [];
        var analysis = DietAnalyzer.Analyze(items, supplements, targets);
        var plan = DayPlanner.Plan(new PlanRequest(targets, analysis, items, supplements, [])
        {
            Pattern = DietPattern.Vegetarian,
            Athlete = true,
        });
        return (plan, items);
    }
}
