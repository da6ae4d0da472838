using Replete.Data;
using Replete.Diet;
using Replete.References;
using Replete.Targets;

namespace Replete.Tests.Diet;

/// <summary>Tester's report h50, findings 10 and 15: vitamin A from a MyFitnessPal % Daily Value was read as all
/// retinol (400 % gave 6,000 ug and "ABOVE UL"), and impossible days were reported as intake without a word.</summary>
public class PlausibilityTests
{
    private const string MfpHeader = "Date,Meal,Calories,Fat (g),Sodium (mg),Carbohydrates (g),Protein (g),Vitamin A,Vitamin C,Calcium,Iron\n";

    private static readonly PersonalTargets Runner = TargetCalculator.For(new Person(27, Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9));

    private static IReadOnlyList<IntakeItem> Mfp(string rows)
    {
        using var csv = new CsvReader(new StringReader(MfpHeader + rows), "mfp.csv");
        csv.ReadHeader();
        return AppExport.Read(csv, DietFileKind.MyFitnessPalNutrition);
    }

    [Fact]
    public void MyFitnessPal_VitaminAPercentDailyValue_BeforeThe2016Rule_IsNotCountedAsRetinol_AndTheUlIsNotJudged()
    {
        var item = Assert.Single(Mfp("2018-10-15,Breakfast,1003,24,424,49,23,400,0,2,10\n"));

        // 400 % of 5,000 IU: 20,000 IU whose form is not given; 1,000-6,000 ug RAE, so not counted at all.
        Assert.False(item.Nutrients.ContainsKey("vitamin_a"));
        Assert.False(item.Nutrients.ContainsKey("retinol"));
        Assert.Equal(20_000, item.VitaminAIuNotCounted, 6);
        Assert.True(item.VitaminAFormUnknown);

        var analysis = DietAnalyzer.Analyze([item], [], Runner);
        var vitaminA = analysis.Nutrients.Single(n => n.Nutrient.Id == "vitamin_a");
        Assert.Null(vitaminA.MeanDaily);
        Assert.Null(vitaminA.Adequacy); // never "ABOVE UL", never compared with the RDA
        Assert.Contains(analysis.Warnings, w => w.Contains("cannot be judged from this source", StringComparison.Ordinal) && w.Contains("1,000-6,000 ug RAE", StringComparison.Ordinal));
    }

    [Fact]
    public void MyFitnessPal_VitaminAPercentDailyValue_AfterThe2016Rule_CountsTheRae_ButNeverSaysAboveOrBelowTheUl()
    {
        var item = Assert.Single(Mfp("2024-10-15,Breakfast,1003,24,424,49,23,400,0,2,10\n"));

        Assert.Equal(3_600, item.Nutrients["vitamin_a"], 6); // 400 % of 900 ug RAE
        Assert.Contains("vitamin_a", item.Estimated);

        var ul = DietAnalyzer.Analyze([item], [], Runner).Nutrients.Single(n => n.Nutrient.Id == "vitamin_a").Adequacy!.UpperLimit!;
        Assert.False(ul.Judged);
        Assert.False(ul.LikelyExcess); // 3,600 ug RAE is above the UL of 3,000 only if it were all retinol
        Assert.Null(ul.ProbabilityAbove);
        Assert.Contains("cannot be judged", ul.Note, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void MyFitnessPal_RealExport_VitaminAFromBeforeThe2016Rule_IsNeverCountedAsRetinol()
    {
        var items = AppExportTests.Read(SharedFiles.Require("fixtures/exports/myfitnesspal/jpklatt-personal_nutrition__Nutrition-Summary.csv"));

        Assert.Contains(items, i => i.VitaminAIuNotCounted > 0);
        Assert.DoesNotContain(items, i => i.Date < new DateOnly(2020, 1, 1) && i.Nutrients.ContainsKey("vitamin_a"));
    }

    [Fact]
    public void ASupplementThousandsOfTimesItsUl_SaysCheckTheUnit()
    {
        // "vitamin_d": "1000 mg" where 1000 IU was meant: 1,000,000 ug a day.
        var slip = new Supplement("Vitamin D3", null, 1, new Dictionary<string, double> { ["vitamin_d"] = 1_000_000 });
        var food = new IntakeItem(new DateOnly(2026, 11, 2), null, "lunch", "salmon", new Dictionary<string, double> { ["vitamin_d"] = 15, ["energy"] = 2000 }, "log.csv:2");

        var analysis = DietAnalyzer.Analyze([food], [slip], Runner);

        var warning = Assert.Single(analysis.Warnings);
        Assert.Contains("Vitamin D", warning, StringComparison.Ordinal);
        Assert.Contains("check the unit", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ADayBeyondTheMostEnergyEverRecordedEaten_IsNamed_AndAnOrdinaryDayIsNot()
    {
        IntakeItem Day(int day, double kcal) => new(new DateOnly(2026, 11, day), null, "day", "food", new Dictionary<string, double> { ["energy"] = kcal }, $"log.csv:{day}");

        Assert.Empty(DietAnalyzer.Analyze([Day(2, 2_000), Day(3, 9_000)], [], Runner).Warnings);
        var warning = Assert.Single(DietAnalyzer.Analyze([Day(2, 2_000), Day(3, 659_554)], [], Runner).Warnings);
        Assert.Contains("659,554 kcal on 2026-11-03", warning, StringComparison.Ordinal);
        Assert.Contains("Lindeman", warning, StringComparison.Ordinal);
        Assert.Equal(10_373, DietAnalyzer.MostEnergyRecordedInADayKcal, 0);
    }

    [Fact]
    public void AFoodNutrientTensOfTimesItsUl_AsInACronometerIronOf5000Mg_AsksToCheckTheLog()
    {
        var item = new IntakeItem(new DateOnly(2026, 11, 2), null, "day", "daily total", new Dictionary<string, double> { ["iron"] = 5_000 }, "dailysummary.csv:2");

        var warning = Assert.Single(DietAnalyzer.Analyze([item], [], Runner).Warnings);

        Assert.Contains("Iron: 5,000 mg a day is 111 times the UL (45 mg)", warning, StringComparison.Ordinal);
    }
}
