using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Tester's finding 4: twenty lines of 4,900 g oatmeal on one day (381,220 kcal) were warned "not a real
/// intake", then still counted as the diet settling iron "P(adequate) 100 %", so iron, vitamin D and calcium ended "not
/// indicated"; a Cronometer export with its header edited to <c>Iron (g)</c> read 10,780 mg/d. A log that fails the
/// plausibility check is shown, marked, with exit 0 and the warning first, but never argues that a nutrient is adequate,
/// and no plan is made from it.</summary>
[Collection(Sr28Group.Name)]
public sealed class ImplausibleLogTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-implausible-")
{
    private static readonly string Examples = Path.Combine(SharedFiles.RepositoryRoot, "examples");
    private static readonly string Profile = Path.Combine(Examples, "runner-profile.json");

    private string OatmealLog()
    {
        var log = new StringBuilder("date,time,meal,food,amount\n");
        for (var i = 0; i < 20; i++)
        {
            log.Append("2026-11-02,07:00,breakfast,oatmeal,4900 g\n");
        }

        var path = Path.Combine(TempDirectory, "oatmeal.csv");
        File.WriteAllText(path, log.ToString());
        return path;
    }

    private string Assessment(string log)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Examples, "runner-assessment.json")))!.AsObject();
        document["labs"] = new JsonArray();
        document.Remove("training_week");
        document["diet_log"] = new JsonArray(Path.GetFileName(log));
        var path = Path.Combine(TempDirectory, "assessment.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static void NoDietArguesAdequate(JsonElement report)
    {
        foreach (var finding in report.GetProperty("bottlenecks").EnumerateArray())
        {
            Assert.DoesNotContain(finding.GetProperty("against").EnumerateArray(), e => e.GetProperty("kind").GetString() == "diet");
            Assert.DoesNotContain("settles the intake", finding.GetProperty("settle_it").GetString()!, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Assess_OatmealBeyondAnyRecordedIntake_WarnsFirst_AndNeverCountsTheDietAsAdequate()
    {
        InitDatabase();
        var path = Assessment(OatmealLog());

        var json = CliRunner.Run("assess", path, "--format", "json", "--data-dir", DataDir);

        Assert.True(json.ExitCode == 0, json.Error);
        var report = JsonDocument.Parse(json.Output).RootElement;
        var warnings = report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains("not a real intake", warnings[0], StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Contains("not counted as evidence that any nutrient is adequate", StringComparison.Ordinal));
        NoDietArguesAdequate(report);
        Assert.Contains(report.GetProperty("bottlenecks").EnumerateArray(), f => f.GetProperty("nutrient").GetString() == "iron");
        var plan = report.GetProperty("plan");
        Assert.Equal("no_diet", plan.GetProperty("status").GetString());
        Assert.Contains(plan.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("no plan is made from it", StringComparison.Ordinal));

        foreach (var format in new[] { "table", "markdown", "html" })
        {
            var shown = CliRunner.Run("assess", path, "--format", format, "--data-dir", DataDir);
            Assert.True(shown.ExitCode == 0, shown.Error);
            Assert.DoesNotContain("P(adequate) 100", shown.Output, StringComparison.Ordinal);
            Assert.Contains("not counted as evidence", shown.Output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Plan_FromAnImplausibleLog_MakesNoPlan_AndSaysWhy()
    {
        InitDatabase();
        var path = Assessment(OatmealLog());

        var result = CliRunner.Run("plan", path, "--format", "json", "--data-dir", DataDir);

        Assert.True(result.ExitCode == 0, result.Error);
        var plan = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("no_diet", plan.GetProperty("status").GetString());
        Assert.Empty(plan.GetProperty("changes").EnumerateArray());
    }

    [SkippableFact]
    public void Analyze_OatmealBeyondAnyRecordedIntake_ShowsNoProbabilityOfAdequacy()
    {
        InitDatabase();

        var json = CliRunner.Run("analyze", OatmealLog(), "--profile", Profile, "--format", "json", "--data-dir", DataDir);

        Assert.True(json.ExitCode == 0, json.Error);
        var analysis = JsonDocument.Parse(json.Output).RootElement.GetProperty("analysis");
        Assert.Contains("kcal", analysis.GetProperty("implausible").GetString()!, StringComparison.Ordinal);
        var iron = analysis.GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("nutrient").GetProperty("id").GetString() == "iron");
        Assert.Equal("implausible", iron.GetProperty("reading").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, iron.GetProperty("reading").GetProperty("probability").ValueKind);
        Assert.DoesNotContain(analysis.GetProperty("nutrients").EnumerateArray(),
            n => n.GetProperty("reading").GetProperty("status").GetString() is "probability" or "above_ai");

        var table = CliRunner.Run("analyze", OatmealLog(), "--profile", Profile, "--data-dir", DataDir);
        Assert.Contains("not read", table.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Assess_CronometerIronInGrams_IsNotRead_AndNeverCountsAgainstIron()
    {
        InitDatabase();
        var export = File.ReadAllLines(SharedFiles.Require("fixtures/exports/cronometer/dhjelmar-Diabetes__servings.csv"));
        export[0] = export[0].Replace("Iron (mg)", "Iron (g)", StringComparison.Ordinal);
        var log = Path.Combine(TempDirectory, "servings.csv");
        File.WriteAllLines(log, export);

        var json = CliRunner.Run("assess", Assessment(log), "--format", "json", "--data-dir", DataDir);

        Assert.True(json.ExitCode == 0, json.Error);
        var report = JsonDocument.Parse(json.Output).RootElement;
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("not counted as evidence", StringComparison.Ordinal));
        NoDietArguesAdequate(report);
    }

    /// <summary>h76: a daily summary with "Magnesium (g)" read 350,000 mg/d as P(adequate) 100 % and "Folate (mg)" 400,000
    /// ug: their ULs cover supplements only (and fortified food), so the 10x-UL slip check skipped them. Food alone at 10x
    /// the UL is a slip whatever the UL covers.</summary>
    [Theory]
    [InlineData("Magnesium (g)", "magnesium")]
    [InlineData("Folate (mg)", "folate")]
    public void Analyze_ANutrientWithASupplementsOnlyUl_InTheWrongUnit_IsNotRead(string header, string id)
    {
        var log = Path.Combine(TempDirectory, "dailysummary.csv");
        File.WriteAllText(log, $"Date,Energy (kcal),Iron (mg),{header}\n2026-11-01,2400,14,400\n2026-11-02,2400,14,350\n");

        var json = CliRunner.Run("analyze", log, "--profile", Profile, "--format", "json", "--data-dir", DataDir);

        Assert.True(json.ExitCode == 0, json.Error);
        var analysis = JsonDocument.Parse(json.Output).RootElement.GetProperty("analysis");
        Assert.Contains("yardstick", analysis.GetProperty("implausible").GetString()!, StringComparison.Ordinal);
        var nutrient = analysis.GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("nutrient").GetProperty("id").GetString() == id);
        Assert.Equal("implausible", nutrient.GetProperty("reading").GetProperty("status").GetString());
    }
}
