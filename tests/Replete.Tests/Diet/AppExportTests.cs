using Replete.Data;
using Replete.Diet;

namespace Replete.Tests.Diet;

public class AppExportTests
{
    private static readonly string[] Reconciled = ["energy", "protein", "iron", "magnesium", "sodium", "vitamin_d", "vitamin_b12"];

    public static TheoryData<string> CronometerFiles => new()
    {
        "davidgma-cron-csv__servings.csv",
        "dhjelmar-Diabetes__servings.csv",
        "stackingrockss-dashboard__servings.csv",
        "stackingrockss-dashboard__dailysummary.csv",
        "dawndrain-dii__cronometer_dailysummary.csv",
        "aplehn-Nutrition-Optimizer__dailysummary.csv",
    };

    [SkippableFact]
    public void CronometerPairs_ServingsSummedPerDay_ReproduceTheDailySummary()
    {
        var directory = SharedFiles.Require("fixtures/exports/cronometer");
        var pairs = Directory.GetFiles(directory, "*servings.csv")
            .Select(servings => (servings, summary: Directory.GetFiles(directory, Path.GetFileName(servings).Replace("servings.csv", "*dailysummary.csv", StringComparison.Ordinal)).SingleOrDefault()))
            .Where(pair => pair.summary is not null)
            .ToList();
        Assert.NotEmpty(pairs);
        var compared = 0;
        foreach (var (servingsFile, summaryFile) in pairs)
        {
            var servings = Read(servingsFile);
            var summary = Read(summaryFile!).ToDictionary(item => item.Date);
            foreach (var day in servings.GroupBy(item => item.Date))
            {
                var total = summary[day.Key];
                foreach (var nutrient in Reconciled.Where(total.Nutrients.ContainsKey))
                {
                    var sum = day.Sum(item => item.Nutrients.GetValueOrDefault(nutrient));
                    var expected = total.Nutrients[nutrient];
                    Assert.True(Math.Abs(sum - expected) <= Math.Max(0.06, 0.005 * expected),
                        $"{Path.GetFileName(servingsFile)} {day.Key} {nutrient}: servings sum {sum}, daily summary {expected}");
                    compared++;
                }
            }
        }

        Assert.True(compared >= 20, $"{compared} comparisons");
    }

    [SkippableTheory]
    [MemberData(nameof(CronometerFiles))]
    public void Cronometer_EveryLayout_Reads(string file)
    {
        var items = Read(SharedFiles.Require("fixtures/exports/cronometer/" + file));

        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.True(item.Nutrients.ContainsKey("energy") || item.Nutrients.Count == 0, item.Origin));
        Assert.Contains(items, item => item.Nutrients.ContainsKey("iron"));
    }

    [SkippableFact]
    public void Cronometer_VitaminDInIU_IsConvertedToMicrograms()
    {
        var day = Read(SharedFiles.Require("fixtures/exports/cronometer/dawndrain-dii__cronometer_dailysummary.csv")).Single();

        Assert.Equal(351.44 / 40, day.Nutrients["vitamin_d"], 6);
    }

    [SkippableFact]
    public void Cronometer_VitaminAInIU_WithRetinol_CountsTheRestAsCarotenoids()
    {
        // Whole milk, 271 g: retinol 121.95 ug and vitamin A 439.02 IU. 121.95 ug of retinol is 406.5 IU; the other
        // 32.52 IU are carotenoids at 0.05 ug RAE each (IOM 2001 ch.4): 123.58 ug RAE, not 439.02 x 0.3 = 131.7.
        var milk = Read(SharedFiles.Require("fixtures/exports/cronometer/davidgma-cron-csv__servings.csv")).First(i => i.Name.StartsWith("Milk, Whole", StringComparison.Ordinal));

        Assert.Equal(121.95, milk.Nutrients["retinol"], 6);
        Assert.Equal(121.95 + ((439.02 - (121.95 / 0.3)) * 0.05), milk.Nutrients["vitamin_a"], 6);
        Assert.Contains("vitamin_a", milk.Estimated);
    }

    /// <summary>h76: a supplement of 25,000 IU with retinol 0.00 was read as carotenoid (1,250 ug RAE) and passed the
    /// UL of 3,000; for the UL its IU counts as retinol (0.3 ug per IU, IOM 2001 ch.4): 7,500 ug. A food row keeps the
    /// reading by its retinol.</summary>
    [Theory]
    [InlineData("Supplements", "Supplements", 7500)]
    [InlineData("Breakfast", "Vegetables and Vegetable Products", 0)]
    public void Cronometer_VitaminAInIU_WithRetinolZero_OnASupplement_CountsAsRetinolForTheUl(string group, string category, double retinol)
    {
        using var csv = new CsvReader(new StringReader($"Day,Time,Group,Food Name,Amount,Vitamin A (IU),Retinol (\u00b5g),Category\n2026-11-01,09:00,{group},Vitamin A 25000 IU,1.00 softgel,25000.00,0.00,{category}\n"), "servings.csv");
        csv.ReadHeader();

        var item = Assert.Single(AppExport.Read(csv, AppExport.Detect(csv.Header)));

        Assert.Equal(retinol, item.Nutrients["retinol"], 6);
        Assert.Equal(1250, item.Nutrients["vitamin_a"], 6);
    }

    [SkippableFact]
    public void Cronometer_BlankCell_IsUnknownNotZero()
    {
        // "Collagen + protein" reports energy, calcium and a zero for vitamin D, and leaves B12 and vitamin E blank.
        var collagen = Read(SharedFiles.Require("fixtures/exports/cronometer/stackingrockss-dashboard__servings.csv"))[0];

        Assert.Equal(170, collagen.Nutrients["energy"]);
        Assert.Equal(100, collagen.Nutrients["calcium"]);
        Assert.Equal(0, collagen.Nutrients["vitamin_d"]);
        Assert.False(collagen.Nutrients.ContainsKey("vitamin_b12"));
        Assert.False(collagen.Nutrients.ContainsKey("vitamin_e"));
    }

    [SkippableFact]
    public void MyFitnessPal_PercentDailyValue_UsesTheLabelValuesOfTheDate_AndIsAnEstimate()
    {
        var old = Read(SharedFiles.Require("fixtures/exports/myfitnesspal/jpklatt-personal_nutrition__Nutrition-Summary.csv"))[0];
        var recent = Read(SharedFiles.Require("fixtures/exports/myfitnesspal/dawndrain-dii__myfitnesspal.csv"))[0];

        Assert.Equal(new DateOnly(2018, 10, 15), old.Date);
        Assert.Equal(0.02 * 1000, old.Nutrients["calcium"], 6);
        Assert.Equal(0.072 * 1300, recent.Nutrients["calcium"], 6);
        Assert.Equal(0.139 * 18, recent.Nutrients["iron"], 6);
        Assert.Contains("iron", recent.Estimated);
        Assert.DoesNotContain("sodium", recent.Estimated);
        Assert.Equal(193.5, recent.Nutrients["sodium"]);
        Assert.False(recent.Nutrients.ContainsKey("vitamin_a")); // MyFitnessPal's 0 for a micronutrient is unknown
    }

    [Fact]
    public void MyFitnessPal_WithByteOrderMarkCrLfTimeAndNote_Reads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mfp-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "Date,Meal,Time,Calories,Sodium (mg),Iron,Note\r\n2025-03-06,Breakfast,07:30,214.5,193.5,13.9,\"eggs, toast\"\r\n", new System.Text.UTF8Encoding(true));
        try
        {
            var item = Read(path)[0];

            Assert.Equal((new DateOnly(2025, 3, 6), new TimeOnly(7, 30)), (item.Date, item.Time!.Value));
            Assert.Equal(214.5, item.Nutrients["energy"]);
            Assert.Equal(0.139 * 18, item.Nutrients["iron"], 6);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void Cronometer_SupplementsCategory_IsASupplement_EvenInAMeal()
    {
        // The fixture logs Premier Protein shakes at meals under Cronometer's category "Supplements": counted as
        // supplements, the cautious reading for the supplement-only upper limits (a capsule at breakfast must count).
        var items = Read(SharedFiles.Require("fixtures/exports/cronometer/dhjelmar-Diabetes__servings.csv"));

        Assert.Contains(items, i => i.IsSupplement && i.Name.StartsWith("Premier Protein", StringComparison.Ordinal));
        Assert.Contains(items, i => !i.IsSupplement);
    }

    [Fact]
    public void Detect_OtherExports_AreNotIntake()
    {
        Assert.Equal(DietFileKind.CronometerBiometrics, AppExport.Detect(["Day", "Time", "Group", "Metric", "Unit", "Amount"]));
        Assert.Equal(DietFileKind.MyFitnessPalOther, AppExport.Detect(["Date", "Weight"]));
        Assert.Equal(DietFileKind.Unknown, AppExport.Detect(["foo", "bar"]));
    }

    [Fact]
    public void Read_BadDate_NamesFileLineAndColumn()
    {
        using var csv = new CsvReader(new StringReader("Date,Meal,Calories\n2025-03-06,Breakfast,200\n31/31/2025,Lunch,300\n"), "mfp.csv");
        csv.ReadHeader();

        var error = Assert.Throws<CsvDataException>(() => AppExport.Read(csv, DietFileKind.MyFitnessPalNutrition));

        Assert.Equal("mfp.csv:3: Date: '31/31/2025' is not a date (expected YYYY-MM-DD, D.M.YYYY or a slashed date).", error.Message);
    }

    internal static IReadOnlyList<IntakeItem> Read(string path)
    {
        using var csv = new CsvReader(new StreamReader(path), Path.GetFileName(path));
        csv.ReadHeader();
        return AppExport.Read(csv, AppExport.Detect(csv.Header));
    }

    [Fact]
    public void MyFitnessPal_AZeroForSodiumOrFiber_IsUnknown_LikePotassium()
    {
        // data/export_columns.csv: a 0 in a MyFitnessPal micronutrient column means the entry does not report it.
        using var csv = new CsvReader(new StringReader("Date,Meal,Calories,Fiber,Sodium (mg),Potassium\n2026-11-02,Lunch,650,0,0,0\n2026-11-02,Dinner,700,6,900,0\n"), "mfp.csv");
        csv.ReadHeader();
        var items = AppExport.Read(csv, AppExport.Detect(csv.Header));

        Assert.Equal(650, items[0].Nutrients["energy"]);
        Assert.False(items[0].Nutrients.ContainsKey("sodium"));
        Assert.False(items[0].Nutrients.ContainsKey("fiber"));
        Assert.Equal(900, items[1].Nutrients["sodium"]);
        Assert.False(items[1].Nutrients.ContainsKey("potassium"));
    }

    [Fact]
    public void Cronometer_ADailySummaryDayWithEveryNutrientBlank_IsNotALoggedDay()
    {
        using var csv = new CsvReader(new StringReader("Date,Energy (kcal),Iron (mg),Completed\n2026-11-02,2100,14,true\n2026-11-03,,,false\n"), "daily.csv");
        csv.ReadHeader();

        var day = Assert.Single(AppExport.Read(csv, AppExport.Detect(csv.Header)));

        Assert.Equal(new DateOnly(2026, 11, 2), day.Date);
    }

    [Theory]
    [InlineData("Supplements", "", true)]              // a magnesium capsule in the Supplements group, blank category
    [InlineData("Breakfast", "Supplements", true)]     // a capsule (or a shake) logged at breakfast, filed as a supplement
    [InlineData("Uncategorized", "Supplements", true)] // outside a meal, the category decides
    [InlineData("Vitamins", "", true)]                 // h76: an 800 mg magnesium tablet in the Vitamins group was food
    [InlineData("Supplement", "", true)]
    [InlineData("Supplements\u00a0", "", true)]
    [InlineData("Breakfast", "Vitamins and Supplements", true)]
    [InlineData("Breakfast", "Supplements ", true)]
    [InlineData("Lunch", "Dairy and Egg Products", false)]
    public void Cronometer_ASupplement_IsDecidedByGroupOrCategory(string group, string category, bool supplement)
    {
        using var csv = new CsvReader(new StringReader($"Day,Time,Group,Food Name,Amount,Magnesium (mg),Category\n2026-11-02,08:00,\"{group}\",Item,1 g,400,\"{category}\"\n"), "servings.csv");
        csv.ReadHeader();

        Assert.Equal(supplement, Assert.Single(AppExport.Read(csv, AppExport.Detect(csv.Header))).IsSupplement);
    }

    /// <summary>h76: a row with a blank category (a recipe, a custom food, or a tablet logged as one) in a meal group or
    /// "Uncategorized" cannot be told apart from a supplement; a food group's row can.</summary>
    [Theory]
    [InlineData("Uncategorized", "", true)]
    [InlineData("Breakfast", "", true)]
    [InlineData("Breakfast", "Breakfast Cereals", false)]
    [InlineData("Supplements", "", false)]
    public void Cronometer_ARowWithABlankCategory_MayBeASupplement(string group, string category, bool maybe)
    {
        using var csv = new CsvReader(new StringReader($"Day,Time,Group,Food Name,Amount,Magnesium (mg),Category\n2026-11-02,08:00,{group},Magnesium Citrate,1.00 tablet,800,{category}\n"), "servings.csv");
        csv.ReadHeader();

        Assert.Equal(maybe, Assert.Single(AppExport.Read(csv, AppExport.Detect(csv.Header))).MaybeSupplement);
    }

    /// <summary>h65 finding 5: a folic acid tablet logged as a food (a meal group, category "Vitamins" or blank for a
    /// custom food, as Cronometer writes recipes and custom foods) is a supplement, so its folate counts toward the UL.
    /// Its folate is stored as the export gives it: whether that is DFE or ug as taken is not known (FolateForms.TowardUl
    /// reads it the cautious way for each use). A food group's line stays food, and a multivitamin in "Vitamins" is a
    /// supplement without a form.</summary>
    [Theory]
    [InlineData("Breakfast", "Folic Acid 400 mcg", "Vitamins", true, 400)]
    [InlineData("Breakfast", "Folic acid tablet", "", true, 400)]
    [InlineData("Supplements", "Folic Acid", "Supplements", true, 400)]
    [InlineData("Breakfast", "L-Methylfolate 400 mcg", "Vitamins", true, 400)]
    [InlineData("Breakfast", "Multivitamin", "Vitamins", true, 400)]
    [InlineData("Breakfast", "Methyl Folate 5000 mcg", "", true, 400)]
    [InlineData("Breakfast", "Nature Made Folate 1000 mcg DFE", "", true, 400)]
    [InlineData("Breakfast", "Folate-rich salad", "", false, 400)]
    [InlineData("Breakfast", "Cereal, fortified with folic acid", "Breakfast Cereals", false, 400)]
    public void Cronometer_AFolicAcidTablet_LoggedAsAFood_IsFolicAcid(string group, string name, string category, bool supplement, double dfe)
    {
        using var csv = new CsvReader(new StringReader($"Day,Time,Group,Food Name,Amount,Folate (\u00b5g),Category\n2026-11-02,08:00,{group},\"{name}\",1.00 tablet,400.00,{category}\n"), "servings.csv");
        csv.ReadHeader();

        var item = Assert.Single(AppExport.Read(csv, AppExport.Detect(csv.Header)));

        Assert.Equal((supplement, dfe), (item.IsSupplement, Math.Round(item.Nutrients["folate"], 6)));
    }

    [Fact]
    public void TwoColumnsForOneNutrient_AreRefused_NotSummed()
    {
        using var csv = new CsvReader(new StringReader("Date,Energy (kcal),Iron (mg),Iron (mg)\n2026-11-02,2100,14,14\n"), "daily.csv");
        csv.ReadHeader();

        var error = Assert.Throws<CsvDataException>(() => AppExport.Read(csv, AppExport.Detect(csv.Header)));

        Assert.StartsWith("daily.csv:1: Iron (mg): holds iron as column 3 does too", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cronometer_ABlankLastDay_WithSlashedDates_IsLeftOut_NotACrash()
    {
        using var csv = new CsvReader(new StringReader("Date,Energy (kcal),Iron (mg),Completed\n2/13/2026,2100,14,true\n2/14/2026,,,false\n"), "daily.csv");
        csv.ReadHeader();

        Assert.Equal(new DateOnly(2026, 2, 13), Assert.Single(AppExport.Read(csv, AppExport.Detect(csv.Header))).Date);
    }
}
