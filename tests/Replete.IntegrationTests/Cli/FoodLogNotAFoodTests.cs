using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Tester's finding 7: food names with no food in them ("x", "the", "my grandma special", "| apple **bold**
/// ...") were matched to protein-fortified spaghetti, ON THE BORDER Mexican rice, Special K granola and cake doughnuts,
/// and counted into intake, only listed to confirm. A name with no food word, or whose first match is below
/// FoodLogResolver.CountFloor, is not counted: foods are never guessed, as amounts are not.</summary>
[Collection(Sr28Group.Name)]
public sealed class FoodLogNotAFoodTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-notafood-")
{
    private static readonly string Profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");

    [SkippableFact]
    public void Analyze_NamesWithNoFood_AreNotCounted_WhileRealFoodsAre()
    {
        InitDatabase();
        var log = Path.Combine(TempDirectory, "log.csv");
        File.WriteAllText(log, """
            date,time,meal,food,amount
            2026-11-02,07:00,breakfast,x,100 g
            2026-11-02,07:00,breakfast,the,100 g
            2026-11-02,07:00,breakfast,my grandma special,100 g
            2026-11-02,07:00,breakfast,| apple **bold** ...,100 g
            2026-11-02,08:00,breakfast,oatmeal,80 g
            2026-11-02,08:00,breakfast,banana,118 g

            """);

        var result = CliRunner.Run("analyze", log, "--profile", Profile, "--format", "json", "--data-dir", DataDir);

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(6, report.GetProperty("log_lines").GetInt32());
        Assert.Equal(4, report.GetProperty("log_lines_not_counted").GetInt32());
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        foreach (var name in new[] { "'x'", "'the'", "'my grandma special'", "'| apple **bold** ...'" })
        {
            Assert.Contains(problems, p => p.Contains("no food matches " + name, StringComparison.Ordinal));
        }

        Assert.Equal(2, report.GetProperty("analysis").GetProperty("entries").GetInt32());
    }
}
