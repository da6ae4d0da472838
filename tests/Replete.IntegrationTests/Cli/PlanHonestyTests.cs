using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>A tester's plan findings (h67's brief, findings 2, 3, 7 and 9): the plan said "at most 0 mg more" iron
/// without naming the iron supplement already taken; a supplement to lower gave no word that the UL does not cover a
/// dose a doctor prescribed (IOM 2001 p.125, p.377); magnesium read plain "met" while listed to lower; and iron's goal
/// was marked adjusted but zinc's (x1.5 for vegetarians, IOM 2001 p.480) was not.</summary>
[Collection(Sr28Group.Name)]
public sealed class PlanHonestyTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-plan-honesty-")
{
    /// <summary>The plan's iron supplement advice in <paramref name="json"/>, and its cautions as one text.</summary>
    private static (JsonElement Iron, string Cautions) IronAdvice(string json)
    {
        var iron = JsonDocument.Parse(json).RootElement.GetProperty("supplements").EnumerateArray().Single(s => s.GetProperty("nutrient").GetString() == "iron");
        return (iron, string.Join(" ", iron.GetProperty("cautions").EnumerateArray().Select(c => c.GetString())));
    }

    private static string Supplements(params (string Name, string Nutrient, string Amount)[] items) =>
        JsonSerializer.Serialize(new { supplements = items.Select(i => new Dictionary<string, object> { ["name"] = i.Name, ["form"] = "tablet", ["doses_per_day"] = 1, ["per_dose"] = new Dictionary<string, string> { [i.Nutrient] = i.Amount } }) });

    /// <summary>h101: the README runner's plan said "Seeds, sunflower seed kernels, dried (new) +1 g" (the linear
    /// program closed vitamin E's last 0.56 mg with 1.6 g of seeds, rounded down to 1 g) and then called vitamin E 1 %
    /// short. A new food is added at 15 g (PlanFoods.SmallestPortionGrams) or more, or not at all.</summary>
    [SkippableFact]
    public void RunnerPlan_AddsNoNewFoodBelowAServing()
    {
        InitDatabase();

        var json = CliRunner.Run("plan", Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json"), "--format", "json", "--data-dir", DataDir);

        Assert.True(json.ExitCode == 0, json.Error);
        var changes = JsonDocument.Parse(json.Output).RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("origin").GetString() == "new");
        Assert.All(changes.Where(c => c.GetProperty("origin").GetString() == "new"), c =>
            Assert.True(c.GetProperty("planned_grams").GetDouble() >= Replete.Planning.PlanFoods.SmallestPortionGrams,
                $"{c.GetProperty("food").GetString()} +{c.GetProperty("planned_grams").GetDouble()} g"));
    }

    /// <summary>h99: the README runner's plan said of vitamin E "no sourced dose: food first." and then again "Replete has
    /// no sourced supplement dose for it: food first, ...": said once now.</summary>
    [SkippableFact]
    public void RunnerPlan_SaysNoSourcedDoseOnce()
    {
        InitDatabase();

        var text = CliRunner.Run("plan", Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json"), "--data-dir", DataDir);

        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("vitamin e (food cannot reach the goal): no sourced dose: food first.", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no sourced supplement dose", text.Output, StringComparison.Ordinal);
        Assert.Contains("Ask a sports dietitian about anything beyond food.", text.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void NoRoomUnderTheUl_NamesTheSupplementAlreadyTaken_AndSaysNoAmount()
    {
        InitDatabase();
        // Food gives about 15.3 mg iron a day: with 29.5 mg from a supplement the intake is a hair under the UL of 45 mg,
        // so the room left rounds down to 0.
        var path = RunnerWithSupplements(Supplements(("Iron 29.5", "iron", "29.5 mg")));

        var result = CliRunner.Run("plan", path, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        var (iron, cautions) = IronAdvice(result.Output);
        Assert.DoesNotContain("at most 0 mg", cautions, StringComparison.Ordinal);
        Assert.Contains("Iron 29.5, 29.5 mg/d", cautions, StringComparison.Ordinal);
        Assert.Contains("that is why no more is suggested", cautions, StringComparison.Ordinal);
        Assert.True(iron.GetProperty("dose").ValueKind == JsonValueKind.Null);
    }

    [SkippableFact]
    public void RoomUnderTheUl_IsOnTopOfTheSupplementAlreadyTaken()
    {
        InitDatabase();
        var path = RunnerWithSupplements(Supplements(("Iron 10", "iron", "10 mg")));

        var result = CliRunner.Run("plan", path, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        var (_, cautions) = IronAdvice(result.Output);
        Assert.Contains("more a day, on top of the supplement you already take (Iron 10, 10 mg/d)", cautions, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void SupplementsToLower_SayTheUlDoesNotCoverAPrescribedDose_InEveryFormat_AndTheirStatusSaysSo()
    {
        InitDatabase();
        var path = RunnerWithSupplements(Supplements(("Iron 100", "iron", "100 mg"), ("Magnesium 600", "magnesium", "600 mg")));
        const string Supervision = "the UL does not cover treatment under medical supervision (IOM 2001 p.125";

        var json = CliRunner.Run("plan", path, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, json.ExitCode);
        var plan = JsonDocument.Parse(json.Output).RootElement;
        var cuts = plan.GetProperty("supplements_to_lower").EnumerateArray().ToList();
        Assert.Equal(["iron", "magnesium"], cuts.Select(c => c.GetProperty("nutrient").GetString()).Order());
        Assert.All(cuts, c => Assert.Contains(Supervision, c.GetProperty("advice").GetString(), StringComparison.Ordinal));
        var nutrients = plan.GetProperty("nutrients").EnumerateArray().ToDictionary(n => n.GetProperty("nutrient").GetString()!);
        Assert.True(nutrients["magnesium"].GetProperty("supplements_above_ul").GetBoolean());
        Assert.False(nutrients["zinc"].GetProperty("supplements_above_ul").GetBoolean());

        var markdown = CliRunner.Run("plan", path, "--format", "markdown", "--data-dir", DataDir).Output;
        Assert.Equal(2, Count(markdown, Supervision));
        Assert.Contains("| met; supplements above the UL |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(markdown.Split('\n'), l => l.StartsWith("| Magnesium |", StringComparison.Ordinal) && l.EndsWith("| met |", StringComparison.Ordinal));
        Assert.Equal(2, Count(CliRunner.Run("plan", path, "--format", "html", "--data-dir", DataDir).Output, Supervision));
        var table = CliRunner.Run("plan", path, "--data-dir", DataDir).Output;
        Assert.Contains("medical supervision", table, StringComparison.Ordinal);
        Assert.Contains("met; supplements above the UL", table, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void EveryAdjustedGoal_IsMarked_FromTheTargetsOwnAdjustments()
    {
        InitDatabase();
        var path = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json");

        var json = CliRunner.Run("plan", path, "--format", "json", "--data-dir", DataDir);

        Assert.Equal(0, json.ExitCode);
        var nutrients = JsonDocument.Parse(json.Output).RootElement.GetProperty("nutrients").EnumerateArray().ToDictionary(n => n.GetProperty("nutrient").GetString()!);
        // Zinc x1.5 for a vegetarian (IOM 2001 p.480, limited evidence), iron x1.8 x1.5 (vegetarian, endurance).
        Assert.Equal(1.5, nutrients["zinc"].GetProperty("goal_factor").GetDouble(), 6);
        Assert.Contains(nutrients["zinc"].GetProperty("goal_adjustments").EnumerateArray(), a => a.GetProperty("evidence").GetString() == "limited");
        Assert.Equal(2.7, nutrients["iron"].GetProperty("goal_factor").GetDouble(), 6);
        Assert.NotEqual(0, nutrients["iron"].GetProperty("goal_adjustments").GetArrayLength());
        Assert.Equal(0, nutrients["magnesium"].GetProperty("goal_adjustments").GetArrayLength());
        Assert.Equal(1, nutrients["magnesium"].GetProperty("goal_factor").GetDouble());

        var markdown = CliRunner.Run("plan", path, "--format", "markdown", "--data-dir", DataDir).Output;
        Assert.Contains("| Zinc | 12 mg (adjusted) |", markdown, StringComparison.Ordinal);
        // Iron's adjusted 48.6 mg is above its UL of 45: the plan aims at the RDA, strictly below the UL, and says so
        // (h68 finding 11; h89: the goal was the UL itself).
        Assert.Equal(18, nutrients["iron"].GetProperty("goal").GetDouble(), 6);
        Assert.Equal(48.6, nutrients["iron"].GetProperty("goal_above_ul").GetDouble(), 6);
        Assert.Contains("| Iron | 18 mg (RDA; adjusted goal not below the UL) |", markdown, StringComparison.Ordinal);
        Assert.Contains("the plan aims at the RDA, 18 mg/d", markdown.Split('\n').Single(l => l.StartsWith("- Adjusted goal: Iron", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("| Magnesium | 310 mg |", markdown, StringComparison.Ordinal);
        Assert.Contains("- Adjusted goal: Zinc 12 mg/d is x1.5 the RDA: vegetarian diet", markdown, StringComparison.Ordinal);
        Assert.Contains("(limited evidence)", markdown.Split('\n').Single(l => l.StartsWith("- Adjusted goal: Zinc", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("p.480", markdown, StringComparison.Ordinal);
        Assert.Contains("Adjusted goal: Zinc", CliRunner.Run("plan", path, "--format", "html", "--data-dir", DataDir).Output, StringComparison.Ordinal);
        var table = CliRunner.Run("plan", path, "--data-dir", DataDir).Output;
        Assert.Contains("Zinc (goal adjusted)", table, StringComparison.Ordinal);
        Assert.Contains("Iron (goal adjusted)", table, StringComparison.Ordinal);
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
