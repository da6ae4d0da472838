using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Issue 17: a FoodData Central Branded food is found by its brand and shown with it, in the search (table and
/// JSON), in a food's detail and in what an analysis counts and asks to confirm. /work/shared has no Branded download,
/// so the test writes one in the FoodData Central CSV layout (food.csv, food_nutrient.csv, branded_food.csv).</summary>
[Collection(Sr28Group.Name)]
public sealed class BrandedFoodCommandTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-branded-")
{
    [SkippableFact]
    public void ImportedBrandedFood_IsFoundByItsBrand_AndShownWithIt()
    {
        _ = Sr28.Database;
        Succeeded("foods", "init", "--package", Sr28.Tarball);
        var source = Directory.CreateDirectory(Path.Combine(TempDirectory, "branded")).FullName;
        File.WriteAllText(Path.Combine(source, "nutrient.csv"), "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"\n\"1003\",\"Protein\",\"G\",\"203\",\"600\"\n\"1008\",\"Energy\",\"KCAL\",\"208\",\"300\"\n");
        File.WriteAllText(Path.Combine(source, "food.csv"), "\"fdc_id\",\"data_type\",\"description\",\"food_category_id\",\"publication_date\"\n"
            + "\"2000001\",\"branded_food\",\"Greek yogurt, plain\",\"\",\"2019-04-01\"\n\"2000002\",\"branded_food\",\"Greek yogurt, plain\",\"\",\"2019-04-01\"\n");
        File.WriteAllText(Path.Combine(source, "food_nutrient.csv"), "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\"\n"
            + "\"1\",\"2000001\",\"1003\",\"10\"\n\"2\",\"2000001\",\"1008\",\"59\"\n\"3\",\"2000002\",\"1003\",\"9\"\n\"4\",\"2000002\",\"1008\",\"97\"\n");
        File.WriteAllText(Path.Combine(source, "branded_food.csv"), "\"fdc_id\",\"brand_owner\",\"brand_name\"\n\"2000001\",\"Chobani Global Holdings\",\"CHOBANI\"\n\"2000002\",\"Fage USA Dairy Industry\",\"FAGE\"\n");
        Succeeded("foods", "import", "fdc", source);

        // The brand alone finds the food, and every view names it: the JSON's "brand", the table's food column, the detail.
        var results = JsonDocument.Parse(Succeeded("foods", "search", "fage greek yogurt", "--limit", "3", "--json")).RootElement.GetProperty("results");
        Assert.Equal((2000002, "FAGE"), (results[0].GetProperty("food_id").GetInt32(), results[0].GetProperty("brand").GetString()));
        Assert.Contains("Greek yogurt, plain (CHOBANI)", Succeeded("foods", "search", "chobani"), StringComparison.Ordinal);
        Assert.Contains("Brand: FAGE", Succeeded("foods", "show", "2000002"), StringComparison.Ordinal);

        // "greek yogurt" alone is either brand: the analysis counts one and names its brand, and its alternatives too.
        var log = Path.Combine(TempDirectory, "log.csv");
        File.WriteAllText(log, "date,time,meal,food,amount\n2026-11-02,07:00,breakfast,fage greek yogurt,170 g\n2026-11-02,08:00,breakfast,greek yogurt,150 g\n");
        var profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");
        var analysis = CliRunner.Run("analyze", log, "--profile", profile, "--format", "json", "--data-dir", DataDir);
        Assert.Equal(0, analysis.ExitCode);
        var matches = JsonDocument.Parse(analysis.Output).RootElement.GetProperty("matches").EnumerateArray().ToList();
        var fage = matches.Single(m => m.GetProperty("entry").GetProperty("food").GetString() == "fage greek yogurt");
        Assert.Equal("FAGE", fage.GetProperty("match").GetProperty("brand").GetString());
        Assert.Equal("Greek yogurt, plain (FAGE)", fage.GetProperty("item").GetProperty("name").GetString());
        var either = matches.Single(m => m.GetProperty("entry").GetProperty("food").GetString() == "greek yogurt");
        Assert.All(either.GetProperty("alternatives").EnumerateArray().Prepend(either.GetProperty("match")).Where(m => m.GetProperty("food_id").GetInt32() > 1_000_000),
            m => Assert.False(string.IsNullOrEmpty(m.GetProperty("brand").GetString())));
    }

    private string Succeeded(params string[] args)
    {
        var result = CliRunner.Run([.. args, "--data-dir", DataDir]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output;
    }
}
