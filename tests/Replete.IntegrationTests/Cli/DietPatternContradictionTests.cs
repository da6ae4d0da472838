using System.Text.Json;
using System.Text.Json.Nodes;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Tester's report h50, finding 14: the runner example said vegetarian while its log had chicken, salmon and
/// tuna; a vegan profile with that log was offered milk, yogurt and salmon in "Food first"; male with heavy periods was
/// accepted silently.</summary>
[Collection(Sr28Group.Name)]
public sealed class DietPatternContradictionTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-pattern-")
{
    private static readonly string Examples = Path.Combine(SharedFiles.RepositoryRoot, "examples");

    private string Assessment(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Examples, "runner-assessment.json")))!.AsObject();
        change(document);
        foreach (var file in new[] { "runner-food-log.csv", "runner-week.json" })
        {
            File.Copy(Path.Combine(Examples, file), Path.Combine(TempDirectory, file), overwrite: true);
        }

        var path = Path.Combine(TempDirectory, "assessment.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static IEnumerable<string> Ideas(JsonElement report) =>
        report.GetProperty("plan").GetProperty("gaps").EnumerateArray().SelectMany(g => g.GetProperty("ideas").EnumerateArray()).Select(i => i.GetProperty("food").GetString()!);

    [SkippableFact]
    public void TheRunnerExample_IsVegetarianInProfileAndLog_SoNothingIsContradicted()
    {
        InitDatabase();

        var result = CliRunner.Run("assess", Path.Combine(Examples, "runner-assessment.json"), "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        var warnings = JsonDocument.Parse(result.Output).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!);
        Assert.DoesNotContain(warnings, w => w.Contains("leaves out", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void AVeganProfile_WithDairyAndEggsInTheLog_IsWarned_AndFoodFirstNeverOffersThem()
    {
        InitDatabase();
        var path = Assessment(a => a["profile"]!["diet"] = "vegan");

        var result = CliRunner.Run("assess", path, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Output).RootElement;
        var warning = Assert.Single(report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!), w => w.Contains("leaves out", StringComparison.Ordinal));
        Assert.Contains("vegan", warning, StringComparison.Ordinal);
        Assert.Contains("whole milk", warning, StringComparison.Ordinal);
        var ideas = Ideas(report).ToList();
        Assert.NotEmpty(ideas);
        Assert.DoesNotContain(ideas, i => i.Contains("Milk", StringComparison.OrdinalIgnoreCase) || i.Contains("Yogurt", StringComparison.OrdinalIgnoreCase)
            || i.Contains("Egg", StringComparison.OrdinalIgnoreCase) || i.Contains("salmon", StringComparison.OrdinalIgnoreCase));

        var table = CliRunner.Run("assess", path, "--data-dir", DataDir);
        Assert.Contains("Check", table.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AMaleProfile_WithHeavyPeriods_IsRefused_NamingTheField()
    {
        var path = Assessment(a => a["profile"]!["sex"] = "male");

        var result = CliRunner.Run("assess", path, "--no-plan", "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("risk_factors", result.Error, StringComparison.Ordinal);
        Assert.Contains("'heavy_periods' is given, but profile.sex is male", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }
}
