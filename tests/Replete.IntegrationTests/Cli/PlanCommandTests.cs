using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary><c>replete plan</c> on the example and on files that must stop it: the plan in every format, the week's
/// fuel from the training week, no plan in an emergency, food only where the triage says see a doctor.</summary>
[Collection(Sr28Group.Name)]
public sealed class PlanCommandTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-plan-")
{
    private readonly string example = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json");

    private void Init()
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
    }

    [SkippableFact]
    public void Example_PlansWithinTheUls_AndCarriesTheWeeksFuel()
    {
        Init();
        var result = CliRunner.Run("plan", example, "--format", "json", "--data-dir", DataDir);
        Assert.True(result.ExitCode == 0, result.Error);
        var plan = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("planned", plan.GetProperty("status").GetString());
        foreach (var n in plan.GetProperty("nutrients").EnumerateArray().Where(n => n.GetProperty("ul").ValueKind == JsonValueKind.Number && n.GetProperty("ul_intake_after").ValueKind == JsonValueKind.Number))
        {
            Assert.True(n.GetProperty("ul_intake_after").GetDouble() <= n.GetProperty("ul").GetDouble() + 1e-9, n.GetProperty("nutrient").GetString());
        }

        // The week (examples/runner-week.json, 58 kg): seven days, and carbohydrate aims at the mean of each day's floor.
        var fuel = plan.GetProperty("training_fuel");
        var days = fuel.GetProperty("days").GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(7, days.Count);
        var carbohydrate = plan.GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("nutrient").GetString() == "carbohydrate");
        Assert.Equal(days.Average(d => d.GetProperty("carbohydrate_grams").GetProperty("low").GetDouble()), carbohydrate.GetProperty("goal").GetDouble(), 6);
        Assert.Equal(7, fuel.GetProperty("sessions").GetArrayLength());   // seven sessions, none repeated

        var markdown = CliRunner.Run("plan", example, "--format", "markdown", "--data-dir", DataDir).Output;
        Assert.StartsWith("# Nutrition plan\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Day plan\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Training fuel\n", markdown, StringComparison.Ordinal);
        var html = CliRunner.Run("plan", example, "--format", "html", "--data-dir", DataDir).Output;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        var assess = JsonDocument.Parse(CliRunner.Run("assess", example, "--format", "json", "--data-dir", DataDir).Output).RootElement;
        Assert.Equal("planned", assess.GetProperty("plan").GetProperty("status").GetString());
        Assert.False(JsonDocument.Parse(CliRunner.Run("assess", example, "--format", "json", "--no-plan", "--data-dir", DataDir).Output).RootElement.TryGetProperty("plan", out _));
    }

    [SkippableFact]
    public void Emergency_NoPlan_SeeADoctor_FoodOnly_AndNoDietLog_IsAUsageError()
    {
        Init();
        File.Copy(Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-food-log.csv"), Path.Combine(TempDirectory, "log.csv"));
        var emergency = Write("""{"profile": {"age": 30, "sex": "female"}, "symptoms": ["palpitations", "muscle_weakness"], "labs": [{"biomarker": "potassium", "value": 2.4, "unit": "mmol/L"}], "diet_log": "log.csv"}""");
        var none = JsonDocument.Parse(CliRunner.Run("plan", emergency, "--format", "json", "--data-dir", DataDir).Output).RootElement;
        Assert.Equal("no_plan", none.GetProperty("status").GetString());
        Assert.Equal(0, none.GetProperty("changes").GetArrayLength());

        var doctor = Write("""{"profile": {"age": 30, "sex": "female", "diet": "vegan"}, "symptoms": ["fatigue"], "red_flags": ["persistent_tingling"], "diet_log": "log.csv"}""");
        var food = JsonDocument.Parse(CliRunner.Run("plan", doctor, "--format", "json", "--data-dir", DataDir).Output).RootElement;
        Assert.Equal("food_only", food.GetProperty("status").GetString());
        Assert.Equal(0, food.GetProperty("supplements").GetArrayLength());

        var noLog = CliRunner.Run("plan", Write("""{"profile": {"age": 30, "sex": "female"}, "symptoms": ["fatigue"]}"""), "--data-dir", DataDir);
        Assert.Equal(2, noLog.ExitCode);
        Assert.Contains("diet_log", noLog.Error, StringComparison.Ordinal);
    }
}
