using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Tester h60, finding 10: with supplements above their ULs the plan said only "the solver found no plan" and
/// named no supplement. The excess cap sat at the UL, below today's intake, so even the usual diet broke it. Now the
/// plan names each supplement to lower and by how much (in every format), caps the nutrient at today's intake, and
/// still plans food; food magnesium is not held back by a UL that covers supplements only (IOM 1997).</summary>
[Collection(Sr28Group.Name)]
public sealed class PlanSupplementAboveUlTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-plan-supp-ul-")
{
    private const string Supplements = """
        {
          "supplements": [
            { "name": "Zinc 50", "form": "gluconate", "doses_per_day": 1, "per_dose": { "zinc": "50 mg" } },
            { "name": "Vitamin C 2500", "form": "ascorbic acid", "doses_per_day": 1, "per_dose": { "vitamin_c": "2500 mg" } },
            { "name": "Magnesium 600", "form": "oxide", "doses_per_day": 1, "per_dose": { "magnesium": "600 mg" } },
            { "name": "Calcium 2000", "form": "carbonate", "doses_per_day": 1, "per_dose": { "calcium": "2000 mg" } },
            { "name": "Retinol 3500", "form": "retinyl palmitate", "doses_per_day": 1, "per_dose": { "vitamin_a": "3500 ug" } }
          ]
        }
        """;

    [SkippableFact]
    public void SupplementsAboveTheirUls_AreNamedWithHowMuchToLower_AndFoodIsStillPlanned()
    {
        InitDatabase();
        var path = RunnerWithSupplements(Supplements);

        var result = CliRunner.Run("plan", path, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        var plan = JsonDocument.Parse(result.Output).RootElement;
        var cuts = plan.GetProperty("supplements_to_lower").EnumerateArray().ToDictionary(c => c.GetProperty("nutrient").GetString()!);
        Assert.Equal(["calcium", "magnesium", "vitamin_a", "vitamin_c", "zinc"], cuts.Keys.Order());
        var zinc = cuts["zinc"];
        Assert.Equal("Zinc 50", Assert.Single(zinc.GetProperty("supplements").EnumerateArray()).GetProperty("supplement").GetString());
        // Total intake above the UL of 40 mg (IOM 2001), by exactly what the supplement must come down by.
        Assert.Equal(zinc.GetProperty("intake").GetDouble() - 40, zinc.GetProperty("lower_by").GetDouble(), 6);
        // 50 mg with the runner's food reaches zinc's LOAEL of 60 mg/d (IOM 2001 p.486): the line says so and sends the
        // dose to the doctor the assessment's red flag names, rather than only "lower by" (h68 finding 16).
        Assert.Contains("is at or above 60 mg/d, the lowest intake at which harm was seen (IOM's LOAEL)", zinc.GetProperty("advice").GetString(), StringComparison.Ordinal);
        Assert.Contains("Do not take more of Zinc 50", zinc.GetProperty("advice").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("keep to it", zinc.GetProperty("advice").GetString(), StringComparison.Ordinal);
        Assert.Contains("Lower Vitamin C 2500", cuts["vitamin_c"].GetProperty("advice").GetString(), StringComparison.Ordinal);
        // Magnesium's UL covers supplements only: 600 mg against 350 (IOM 1997).
        Assert.Equal(250, cuts["magnesium"].GetProperty("lower_by").GetDouble(), 6);
        Assert.Equal("supplements_only", cuts["magnesium"].GetProperty("scope").GetString());

        // Food is still planned, and adds nothing to a nutrient whose supplements are above its UL.
        Assert.NotEqual(0, plan.GetProperty("changes").GetArrayLength());
        Assert.DoesNotContain(plan.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("found no plan", StringComparison.Ordinal));
        var nutrients = plan.GetProperty("nutrients").EnumerateArray().ToDictionary(n => n.GetProperty("nutrient").GetString()!);
        foreach (var id in new[] { "calcium", "zinc", "vitamin_c", "vitamin_a" })
        {
            Assert.True(nutrients[id].GetProperty("after").GetDouble() <= nutrients[id].GetProperty("before").GetDouble() + 1e-6, $"{id} was raised above today's intake");
        }

        var markdown = CliRunner.Run("plan", path, "--format", "markdown", "--data-dir", DataDir);
        Assert.Contains("Lower these supplements first", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("Lower Calcium 2000 (2,000 mg/d)", markdown.Output, StringComparison.Ordinal);
        var html = CliRunner.Run("plan", path, "--format", "html", "--data-dir", DataDir);
        Assert.Contains("Lower Retinol 3500", html.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void SupplementsWithinTheirUls_AskForNoCut()
    {
        InitDatabase();

        var result = CliRunner.Run("plan", Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json"), "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(result.Output).RootElement.GetProperty("supplements_to_lower").GetArrayLength());
    }
}
