using System.Text;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Every example command in the README, run through the real command tree, gives exactly the output saved in
/// <c>Golden/</c>: the JSON (and the assessment's markdown and HTML) that the examples gave before the engine API
/// moved the rules out of the CLI. A deliberate change of output rewrites the files with
/// <c>REPLETE_UPDATE_GOLDEN=1 dotnet test</c>, and the diff shows in review.</summary>
[Collection(Sr28Group.Name)]
public sealed class ReadmeExamplesTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-readme-")
{
    private static readonly string Examples = Path.Combine(SharedFiles.RepositoryRoot, "examples");

    private static readonly string GoldenDirectory = Path.Combine(SharedFiles.RepositoryRoot, "tests", "Replete.IntegrationTests", "Golden");

    /// <summary>Name of the golden file, then the command line ("{examples}" is the examples folder; commands that need foods get
    /// the test's data directory, written "{data}" in the output).</summary>
    public static TheoryData<string, string[]> Commands { get; } = new()
    {
        { "targets-pregnant.json", ["targets", "--age", "29", "--sex", "female", "--pregnant", "--json"] },
        { "targets-runner.json", ["targets", "--age", "28", "--sex", "female", "--weight-kg", "58", "--sport", "running", "--training-hours-per-week", "9", "--vegetarian", "--json"] },
        { "adequacy-magnesium.json", ["adequacy", "--nutrient", "magnesium", "--intake", "320", "--days", "3", "--age", "40", "--sex", "female", "--json"] },
        { "adequacy-iron.json", ["adequacy", "--nutrient", "iron", "--intake", "12", "--days", "7", "--age", "28", "--sex", "female", "--json"] },
        { "sweat-test.json", ["sweat-test", "--pre-kg", "75", "--post-kg", "74.5", "--drank-ml", "400", "--minutes", "60", "--json"] },
        { "session-plan.json", ["session", "plan", "--sport", "running", "--minutes", "150", "--intensity", "hard", "--temp-c", "28", "--profile", "{examples}/runner-profile.json", "--json"] },
        { "training-week.json", ["training", "week", "{examples}/runner-week.json", "--json"] },
        { "energy-availability-ffm.json", ["energy-availability", "--intake-kcal", "2000", "--exercise-kcal", "700", "--ffm-kg", "46", "--json"] },
        { "energy-availability-body-fat.json", ["energy-availability", "--intake-kcal", "2000", "--exercise-kcal", "700", "--weight-kg", "58", "--body-fat-percent", "20", "--json"] },
        { "foods-search.json", ["foods", "search", "chicken breast grilled", "--json"] },
        { "foods-show.json", ["foods", "show", "9040", "--json"] },
        { "foods-stats.json", ["foods", "stats", "--json"] },
        { "analyze.json", ["analyze", "{examples}/runner-food-log.csv", "--profile", "{examples}/runner-profile.json", "--supplements", "{examples}/runner-supplements.json", "--format", "json"] },
        { "analyze.md", ["analyze", "{examples}/runner-food-log.csv", "--profile", "{examples}/runner-profile.json", "--supplements", "{examples}/runner-supplements.json", "--format", "markdown"] },
        { "assess.json", ["assess", "{examples}/runner-assessment.json", "--format", "json"] },
        { "assess-yaml.json", ["assess", "{examples}/runner-assessment.yaml", "--format", "json"] },
        { "assess.md", ["assess", "{examples}/runner-assessment.json", "--format", "markdown"] },
        { "assess.html", ["assess", "{examples}/runner-assessment.json", "--format", "html"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Commands))]
    public void Example_GivesTheSavedOutput(string golden, string[] command)
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        string[] args = [.. command.Select(a => a.Replace("{examples}", Examples, StringComparison.Ordinal))];
        if (args[0] is "foods" or "analyze" or "assess")
        {
            args = [.. args, "--data-dir", DataDir];
        }

        var result = CliRunner.Run(args);
        var output = result.Output.Replace(DataDir, "{data}", StringComparison.Ordinal);

        Assert.True(result.ExitCode == 0, $"replete {string.Join(' ', command)} exited {result.ExitCode}: {result.Error}");
        var path = Path.Combine(GoldenDirectory, golden);
        if (Environment.GetEnvironmentVariable("REPLETE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenDirectory);
            File.WriteAllText(path, output, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"no golden file {golden}; run the tests once with REPLETE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), output);
    }
}
